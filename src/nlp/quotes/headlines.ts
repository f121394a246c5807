/**
 * Headline attributions: a title-case line whose verb of saying is capitalized like every other
 * word ("Mayor Lee Says City Will Rebuild Bridge", "Union Warns Of Strike In May"). The cue rules
 * skip capitalized cue words (elsewhere they open a sentence or are part of a name); in a headline
 * the speaker is the name before the verb and the rest of the line is what was said.
 */
import { CLAUSE_WITHOUT_THAT, CUE_VERBS, OBJECT_CONTENT_LEMMAS } from '../lexicon/speech-verbs';
import { isCapitalized, isQuoteMark, isWord, type QuoteContext } from './context';
import { trimSpan } from './content';
import type { Frame } from './frame-types';
import { mentionEndingAt } from './mentions';

/** Short function words a title-case headline may leave in lowercase ("of", "to", "a"). */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'and', 'or', 'but', 'with', 'from', 'as', 'vs']);
/**
 * Prepositions that open a verb's phrase, not its content ("Responds To", "Speaks At"). "Of" and
 * "about" are left out: after a verb of saying they open its topic ("Warns Of Deep Cuts").
 */
const PREPOSITIONS = new Set(['to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as']);
/** Fewest words a headline's content needs ("Says No" is too little to be a report). */
const MIN_HEADLINE_CONTENT_WORDS = 2;
/** Most tokens a headline line may have: a longer "sentence" in title case is a list or a caption block. */
const MAX_HEADLINE_TOKENS = 40;
/** Trust of a headline attribution: its speaker and verb are read from capitals alone. */
const HEADLINE_TRUST = 0.7;

/** Whether sentence `s` is written in title case: every word but the minor ones is capitalized (numbers and marks aside). */
function isTitleCase(ctx: QuoteContext, s: number): boolean {
  const { tokenStart, tokenEnd } = ctx.seg.sentences[s]!;
  if (tokenEnd - tokenStart > MAX_HEADLINE_TOKENS) return false;
  let words = 0;
  for (let k = tokenStart; k < tokenEnd; k++) {
    // Words inside a quotation count too: a headline quotes in title case ('Lee Says "We Will Win"').
    if (!isWord(ctx, k)) continue;
    // "Lee's", "U.S.-Backed": a word glued to the previous one is part of it.
    const prev = ctx.seg.tokens[k - 1];
    if (prev !== undefined && k > tokenStart && prev.end === ctx.seg.tokens[k]!.start) continue;
    if (!isCapitalized(ctx, k) && !MINOR_WORDS.has(ctx.words[k]!)) return false;
    words++;
  }
  return words >= 4;
}

/**
 * The attribution of a title-case headline whose capitalized verb of saying is at `i` in sentence
 * `s` ("Lee Says She Will Run Again"): the name right before the verb speaks, from the line's start;
 * the rest of the line is the content. Null for any other capitalized cue.
 */
export function headlineFrame(ctx: QuoteContext, s: number, i: number): Frame | null {
  const cue = CUE_VERBS.get(ctx.words[i]!);
  const { tokenStart: ts, tokenEnd: te } = ctx.seg.sentences[s]!;
  if (!cue || cue.cls !== 'speech' || (cue.form !== 'third' && cue.form !== 'past') || i <= ts || i + 1 >= te) return null;
  // Only verbs that take a clause with no "that" ("Lee Says ...", "Lee Warns ..."): "Lee Denies Report"
  // and "Lee Responds To ..." have an object or a phrase, not the words said.
  // A verb that also takes its object as content ("Lee Denies Report", "Lee Confirms Visit") is read
  // as that here: a title-case object cannot be told from a title-case clause.
  if (!CLAUSE_WITHOUT_THAT.has(cue.lemma) || OBJECT_CONTENT_LEMMAS.has(cue.lemma) || PREPOSITIONS.has(ctx.words[i + 1]!)) return null;
  if (!isTitleCase(ctx, s)) return null;
  const mention = mentionEndingAt(ctx, i - 1, ts);
  if (!mention || mention.type === 'pronoun') return null;
  // The speaker opens the line (or follows its opening quotation mark): "Poll Shows Lee Says ..." is no headline of Lee's.
  if (mention.first !== ts && !(mention.first === ts + 1 && isQuoteMark(ctx, ts))) return null;
  let content = 0;
  for (let k = i + 1; k < te; k++) if (isWord(ctx, k)) content++;
  if (content < MIN_HEADLINE_CONTENT_WORDS) return null;
  const span = trimSpan(ctx.folded, ctx.seg.tokens[i + 1]!.start, ctx.seg.sentences[s]!.end);
  if (!span) return null;
  return { pattern: 'head', cueFirst: i, cueLast: i, cueClass: 'speech', mention, fragments: [span], sentence: s, trust: HEADLINE_TRUST };
}
