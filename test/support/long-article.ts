/**
 * An ordinary article of any length: the paragraphs of the repository's own news texts (the bundled
 * article and the golden fixtures), repeated in turn under one title. Real quotes, speakers and
 * sentences, so the analysis does its full work, unlike a hostile pattern.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function newsParagraphs(): string[] {
  const fixtures = join(root, 'test', 'fixtures', 'articles');
  const files = [
    ...readdirSync(join(root, 'data', 'articles')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'data', 'articles', f)),
    ...readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(fixtures, d.name, 'source.txt')),
  ].sort();
  // Each file's first paragraph is its title: the body paragraphs are what repeats.
  return files.flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/).slice(1)).map((p) => p.trim()).filter((p) => p !== '');
}

/** A plain-text article of exactly `chars` characters: a title line, a blank line, news paragraphs. */
export function longArticle(chars: number, title = 'A very long read'): string {
  const paragraphs = newsParagraphs();
  const parts = [title];
  let length = title.length;
  for (let k = 0; length < chars; k++) {
    const p = paragraphs[k % paragraphs.length]!;
    parts.push(p);
    length += 2 + p.length;
  }
  return parts.join('\n\n').slice(0, chars);
}
