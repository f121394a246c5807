/**
 * Quotes as a reader sees them in `/quotes`, `/whosaid` and `/ask`: the words exactly as in the
 * source (each fragment of an interrupted quote verbatim, markdown escaped so Discord shows the
 * characters, not formatting), then who said it, the cue, and what kind of attribution it is.
 * The speaker is the name the rules resolved, the mention as written when that differs, and
 * "unknown speaker" when no rule was confident: never a guess.
 */
import { namedSpeaker, type Quote } from '../../nlp/quotes';
import { truncate } from '../limits';

/** Below this confidence the attribution is labelled uncertain (the extractor gives ~0.6 to weak cues such as a bare "Mexico ... said"). */
export const UNCERTAIN_BELOW = 0.6;
/** Longest quote shown whole in a list; longer ones are cut at a word with a visible "…". */
export const MAX_QUOTE_CHARS = 1200;

import { escapeMarkdown, md, type Markdown } from '../markdown';

export { escapeMarkdown };

/** Blockquote every line (Discord's `> ` covers one line). */
export function blockquote(text: Markdown): Markdown {
  return text
    .split('\n')
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n') as Markdown;
}

/** The speaker to show: resolved name, else the mention ("the mayor"), else "unknown speaker" (an unresolved "she" names nobody). */
export function speakerOf(q: Pick<Quote, 'speaker' | 'speakerRef'>): string {
  return namedSpeaker(q) ?? 'unknown speaker';
}

const KIND_NOTE: Record<Quote['kind'], string> = {
  direct: '',
  mixed: 'partly quoted',
  indirect: 'reported speech',
};

/** The quoted words, verbatim per fragment; direct ones inside curly marks. */
export function quoteWords(q: Quote, max = MAX_QUOTE_CHARS): string {
  const pieces = q.fragments.length > 0 ? q.fragments.map((f) => q.quote.slice(f.start - q.start, f.end - q.start)) : [q.quote];
  const shown = pieces.map((p) => p.trim()).filter(Boolean);
  const body = q.kind === 'direct' ? shown.map((p) => `“${p}”`).join(' … ') : shown.join(' … ');
  return truncate(body, max);
}

const wordsOf = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** The mention names the speaker itself ("Grenell", "the White House"), not a pronoun or a description. */
function sharesWord(mention: string, name: string): boolean {
  const a = wordsOf(name);
  return [...wordsOf(mention)].some((w) => a.has(w));
}

/**
 * "— **Richard Grenell** (quoted as saying) · as “he” · reported speech · uncertain attribution": the
 * cue in brackets right after the name, so a reader scanning the list sees who and how at once.
 */
export function attributionLine(q: Quote): Markdown {
  const who = speakerOf(q);
  const as = q.speaker && q.speakerRef && !sharesWord(q.speaker, q.speakerRef) ? md` · as “${escapeMarkdown(q.speaker)}”` : '';
  const name = who === 'unknown speaker' ? md`*unknown speaker*` : md`**${escapeMarkdown(who)}**`;
  const kind = KIND_NOTE[q.kind] ? md` · ${escapeMarkdown(KIND_NOTE[q.kind])}` : '';
  const uncertain = q.confidence < UNCERTAIN_BELOW ? md` · uncertain attribution` : '';
  return md`— ${name}${q.cue ? md` (${escapeMarkdown(q.cue)})` : ''}${as}${kind}${uncertain}`;
}

/** One quote: the words as a blockquote, then the attribution line. */
export function quoteBlock(q: Quote, { max = MAX_QUOTE_CHARS }: { max?: number } = {}): Markdown {
  return md`${blockquote(escapeMarkdown(quoteWords(q, max)))}\n${attributionLine(q)}`;
}
