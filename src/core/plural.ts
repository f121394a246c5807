/**
 * "1 sentence", "2 sentences", "1,234 words": a count with its noun in agreement (English), for every
 * place a reply prints a count. Lede's own words (a number and a noun Lede chose), so usable as Markdown.
 */
import type { Markdown } from './markdown';

export function counted(count: number, one: string, many = `${one}s`): Markdown {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}` as Markdown;
}
