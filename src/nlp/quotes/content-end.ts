/**
 * Where the content of a cue ends: the end of its sentence (or of a quotation that runs on past it),
 * the main clause after an opening subordinate one, a noun phrase's own verb, or another cue of the
 * same speaker or of a new one. attachContent builds a head-like frame from where the content
 * starts (content-start.ts) and where it ends.
 */
import { CLAUSE_WITHOUT_THAT, CUE_MODIFIERS, CUE_VERBS, NOUNLIKE_LEMMAS, OBJECT_CONTENT_LEMMAS, type CueClass } from '../lexicon/speech-verbs';
import { isCapitalized, isQuoteMark, isWord, regionEnd, type QuoteContext } from './context';
import { extendOverQuotes, regionChain, regionOpeningAt, trimSpan, type Span } from './content';
import { mentionEndingAt, mentionStartingAt, subjectPhraseEndingAt, type Mention } from './mentions';
import { opensWithSubordinator } from './long-subject';
import type { Frame, FramePattern } from './frame-types';
import { FINITE_AUX, NAME_GOVERNORS, NOMINATIVE_PRONOUNS, OBJECT_DETERMINERS, isFiniteVerb, isTerminal, isThirdPersonLike, tokStart, withoutContraction } from './word-classes';
import { CLAUSE_JOINERS, MAX_OTHER_SUBJECT_TOKENS, skipModifiers } from './subjects';
import { NOT_CLAUSE_START, QUESTION_OPENERS, contentStartAfterCue, isOneWordAnswer, opensObjectPhrase } from './content-start';

/** Where the content of sentence `s` may end: its end, or past a quotation that runs on beyond it. */
function sentenceContentEnd(ctx: QuoteContext, s: number): number {
  const sent = ctx.seg.sentences[s]!;
  const para = ctx.seg.paragraphs[sent.paragraph]!;
  return extendOverQuotes(ctx, sent.start, sent.end, para.end);
}

/** Content from token `at` to the end of the sentence (or of a quotation that starts there). */
export function contentToEnd(ctx: QuoteContext, at: number, s: number): Span | null {
  const sentEnd = sentenceContentEnd(ctx, s);
  if (at >= ctx.seg.sentences[s]!.tokenEnd) return null;
  const start = tokStart(ctx, at);
  const r = regionOpeningAt(ctx, start);
  if (r >= 0) {
    const chain = regionChain(ctx, r);
    const chainEnd = regionEnd(ctx.regions[chain.at(-1)!]!);
    if (chainEnd > sentEnd) return trimSpan(ctx.folded, start, chainEnd);
  }
  return trimSpan(ctx.folded, start, sentEnd);
}

/** After a colon that ends a paragraph: the quotation opening the next paragraph. */
function quotationInNextParagraph(ctx: QuoteContext, s: number): Span | null {
  const para = ctx.seg.sentences[s]!.paragraph;
  const next = ctx.seg.paragraphs[para + 1];
  if (!next) return null;
  const r = regionOpeningAt(ctx, next.start);
  if (r < 0) return null;
  const chain = regionChain(ctx, r);
  return [next.start, regionEnd(ctx.regions[chain.at(-1)!]!)];
}

/** Words that cannot end a subject, so a finite verb after them still belongs to the same clause. */
const SUBJECT_LIKE = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'who', 'which', 'that', 'and', 'or', 'but']);

/**
 * The second finite verb of a "that" clause inside a noun phrase, where the sentence's main clause
 * resumes ("that taxes would not rise | was false"): a finite verb after the clause's own, not
 * after an auxiliary, a pronoun subject, a conjunction or a comma; -1 when there is none.
 */
export function mainVerbAfterClause(ctx: QuoteContext, from: number, te: number): number {
  let seen = false;
  for (let k = from; k < te; k++) {
    if (ctx.regionOf[k]! >= 0) continue;
    // "... and that the vote would fail": a new clause with a subject and a verb of its own.
    if (ctx.words[k] === 'that' || ctx.words[k] === 'whether') seen = false;
    if (!isFiniteVerb(ctx, k)) continue;
    const prev = ctx.words[k - 1] ?? '';
    // "popular in states across the country": after a preposition or determiner the word is a noun.
    if (NAME_GOVERNORS.has(prev) || OBJECT_DETERMINERS.has(prev)) continue;
    if (seen && !FINITE_AUX.has(prev) && !SUBJECT_LIKE.has(prev) && prev !== ',' && prev !== 'not' && !CUE_MODIFIERS.has(prev)) return k;
    seen = true;
  }
  return -1;
}

/** Offsets of sentence `s`, its start moved back to the opening of a quotation it continues. */
export function sentenceBounds(ctx: QuoteContext, s: number): { start: number; end: number } {
  const se = ctx.seg.sentences[s]!;
  // A sentence that starts inside a quotation opened in an earlier sentence starts at that quotation.
  const first = ctx.regionOf[se.tokenStart]!;
  if (first >= 0 && ctx.regions[first]!.open < se.start) return { start: ctx.regions[first]!.open, end: se.end };
  return { start: se.start, end: se.end };
}

/** Fewest tokens after "pointed to" (its closing period included) for an argument rather than a gesture. */
const MIN_POINTED_TO_TOKENS = 4;

/** Head-like frames: content after the cue. */
export function attachContent(
  ctx: QuoteContext, s: number, _subjFirst: number, cue: number, cueFirst: number, mention: Mention,
  pattern: FramePattern, cls: CueClass, _ts: number, te: number, trust: number,
): Frame | null {
  const lemma = CUE_VERBS.get(ctx.words[cue]!)!.lemma;
  const start = contentStartAfterCue(ctx, cue, lemma, te);
  const base = { pattern, cueFirst, cueLast: cue, cueClass: cls, mention, sentence: s, trust };
  if (start.marker === 'colon' && start.at >= te) {
    const next = quotationInNextParagraph(ctx, s);
    return next ? { ...base, fragments: [next] } : null;
  }
  if (start.marker === 'bare') {
    const w0 = ctx.words[start.at] ?? '';
    // "announced he would run": a subject pronoun can only open a clause, whatever the verb.
    // "announced it would run", "denied it was": "it" opens a clause when a finite verb follows it.
    // "said he's ...", "said they'll ...": a pronoun with a contracted verb is a clause on its own.
    const contracted = w0 !== withoutContraction(w0) && (NOMINATIVE_PRONOUNS.has(withoutContraction(w0)) || withoutContraction(w0) === 'it');
    const pronounClause = (NOMINATIVE_PRONOUNS.has(w0) && start.at + 1 < te && isWord(ctx, start.at + 1)) || (w0 === 'it' && isFiniteVerb(ctx, start.at + 1)) || contracted;
    // "announced his candidacy", "criticized the senator for ...": the object is what was said. Only
    // the past tense of the narrative: a present-tense "Trump announces Venezuela's agreement" is a
    // headline's summary of the story, not a report of the words.
    // A lone plural role ("Witnesses described the scene as ...") is a description of what people
    // saw more often than a report of their words.
    const loneRole = mention.type === 'role' && mention.first === mention.last;
    // "pointed to the polls as proof", not "pointed to the door": a gesture's object is short.
    const particle = lemma === 'point' && start.at === cue + 2 && (ctx.words[cue + 1] === 'out' || te - start.at > MIN_POINTED_TO_TOKENS);
    const objectContent = (OBJECT_CONTENT_LEMMAS.has(lemma) && CUE_VERBS.get(ctx.words[cue]!)!.form === 'past' || particle) && !loneRole && opensObjectPhrase(ctx, start.at);
    // "asked the mayor whether the plan would work": a question's clause opens with its own word.
    if (lemma === 'ask' && QUESTION_OPENERS.has(w0) && w0 !== 'about' && te - start.at >= 3) return contentFrom(ctx, s, start.at, te, base);
    if (!CLAUSE_WITHOUT_THAT.has(lemma) && !pronounClause && !objectContent) return null;
    // "the budget adds 12 drivers": only people add remarks without "that".
    if (lemma === 'add' && mention.type === 'role') return null;
    const w = ctx.words[start.at];
    // "said more than 300 people ...", "said much of the talk ...": a quantity opens the clause's subject.
    const amount = ctx.seg.tokens[start.at + 2]?.kind === 'number' || ['a', 'an', 'half', 'two', 'three', 'four', 'five', 'ten', 'twice'].includes(ctx.words[start.at + 2] ?? '');
    const quantity = (w === 'more' && ctx.words[start.at + 1] === 'than' && amount) || (w === 'much' && ctx.words[start.at + 1] === 'of');
    // "75 percent said yes.", "He said no to the war.": a one-word answer is what was said.
    const answer = lemma === 'say' && isOneWordAnswer(ctx, start.at, te);
    if (answer) {
      // "no to the war" runs to the end of its clause; a bare "yes" or "no" is the word alone.
      const toWhat = ctx.words[start.at + 1] === 'to' ? contentToEnd(ctx, start.at, s) : null;
      return { ...base, fragments: [toWhat ?? [tokStart(ctx, start.at), ctx.seg.tokens[start.at]!.end]] };
    }
    // "says 34,570 citizens voted": a number may open the clause's subject.
    const number = ctx.seg.tokens[start.at]?.kind === 'number' && isWord(ctx, start.at + 1);
    if (w === undefined || start.at >= te || (NOT_CLAUSE_START.has(w) && !quantity) || (!isWord(ctx, start.at) && !number)) return null;
    // "said Tuesday." / "said it." leave nothing that looks like a clause: need a few words.
    if (te - start.at < 3) return null;
    // "While Lee has condemned the plan, the groups say ...": an object in an opening subordinate
    // clause ends at the comma before the main clause.
    if (objectContent && !pronounClause && !CLAUSE_WITHOUT_THAT.has(lemma) && opensWithSubordinator(ctx, s)) {
      let c = start.at + 1;
      while (c < te && (ctx.words[c] !== ',' || ctx.regionOf[c]! >= 0)) c++;
      const object = c < te ? trimSpan(ctx.folded, tokStart(ctx, start.at), tokStart(ctx, c)) : null;
      if (object) return { ...base, fragments: [object] };
    }
  }
  if (start.marker === 'that' || start.marker === 'bare') return contentFrom(ctx, s, start.at, te, base);
  const span = contentToEnd(ctx, start.at, s);
  return span ? { ...base, fragments: [span] } : null;
}

/** Reported speech from token `at` to the end of sentence `s`, or to where its speaker goes on with another cue. */
function contentFrom(ctx: QuoteContext, s: number, at: number, te: number, base: Omit<Frame, 'fragments'>): Frame | null {
  const span = contentToEnd(ctx, at, s);
  if (!span) return null;
  // "While critics argue that ..., the president has ...": reported speech in an opening
  // subordinate clause ends where the main clause begins; else where its speaker goes on with another cue.
  const main = opensWithSubordinator(ctx, s) ? mainClauseStart(ctx, at, te) : -1;
  const cut = main >= 0 ? main : nextCueOfSameSpeaker(ctx, at, te);
  const head = cut >= 0 ? trimSpan(ctx.folded, span[0], tokStart(ctx, cut)) : null;
  return { ...base, fragments: [head ?? span] };
}

/** Subject pronouns that open a main clause after an opening subordinate one ("..., there is", "..., it has"). */
const MAIN_CLAUSE_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there', 'you', "there's", 'there\u2019s', "it's", 'it\u2019s']);

/**
 * The comma where the main clause of a sentence that opens with a subordinate clause begins, after
 * token `from`: a comma followed by a subject (a pronoun, a name or a role) and a finite verb
 * ("..., Mayor Okafor has deemed ...", "..., there's a sense ..."); -1 when none is found.
 */
function mainClauseStart(ctx: QuoteContext, from: number, te: number): number {
  for (let k = from + 1; k + 2 < te; k++) {
    if (ctx.words[k] !== ',' || ctx.regionOf[k]! >= 0) continue;
    const w = ctx.words[k + 1]!;
    let verb = -1;
    if (MAIN_CLAUSE_PRONOUNS.has(w)) verb = k + 2;
    else {
      const m = mentionStartingAt(ctx, k + 1, te - 1);
      if (m && m.type !== 'pronoun') verb = m.last + 1;
    }
    if (verb < 0 || verb >= te) continue;
    const v = ctx.words[verb]!;
    // After a subject pronoun any lowercase word but a parenthetical cue ("..., he said, ...") is its verb.
    const afterPronoun = verb === k + 2 && isWord(ctx, verb) && !isCapitalized(ctx, verb) && !(CUE_VERBS.has(v) && ctx.words[verb + 1] === ',');
    if (afterPronoun || isFiniteVerb(ctx, verb) || (isThirdPersonLike(ctx, verb) && !CUE_VERBS.has(v))) return k;
  }
  return -1;
}

/** Fewest tokens of content before a second speaker's clause may end it. */
const MIN_CLAUSE_BEFORE_OTHER_SPEAKER = 3;

/**
 * Whether the words from `k` are a new subject and its own cue ("one in four said", "the mayor
 * says", "critics argue"): a second attribution begins there, so the first one's content ends.
 */
function otherSpeakerCueAfter(ctx: QuoteContext, k: number, te: number): boolean {
  for (let c = k + 1; c < te && c <= k + MAX_OTHER_SUBJECT_TOKENS; c++) {
    if (ctx.regionOf[c]! >= 0) return false;
    const cue = CUE_VERBS.get(ctx.words[c]!);
    if (!cue) continue;
    if (cue.cls === 'evidence' || cue.form === 'gerund' || NOUNLIKE_LEMMAS.has(cue.lemma) && cue.form !== 'past') return false;
    const { last } = skipModifiers(ctx, c, k);
    if (last < k) return false;
    // "..., a spokeswoman said.": a tail credits the whole sentence, which its own rule reads.
    if (c + 1 >= te || isTerminal(ctx, c + 1)) return false;
    const m = mentionEndingAt(ctx, last, k) ?? subjectPhraseEndingAt(ctx, last, k);
    return m !== null && m.first === k;
  }
  return false;
}

/**
 * Where reported speech ends because its speaker goes on with another cue: ", adding that ...",
 * ", saying ...", "and said that ...", "but added ..." (the gerund and coordinated-cue rules take
 * what follows), or because another speaker's clause begins ("..., while nine in 10 said ..."). Quotations inside the content are skipped; -1 when the content runs to the end.
 */
export function nextCueOfSameSpeaker(ctx: QuoteContext, from: number, te: number): number {
  for (let k = from + 1; k + 1 < te; k++) {
    const w = ctx.words[k]!;
    // `... "maniacal," adding ...`: the comma of the handoff is inside the closing quotation mark.
    const handoff = isQuoteMark(ctx, k) && ctx.words[k - 1] === ',' && ctx.regionOf[k + 1]! < 0;
    if (handoff) {
      const g = CUE_VERBS.get(ctx.words[k + 1]!);
      if (g && g.cls === 'speech' && g.form === 'gerund') return k + 1;
      continue;
    }
    if (ctx.regionOf[k]! >= 0) continue;
    if (CLAUSE_JOINERS.has(w) && k - from >= MIN_CLAUSE_BEFORE_OTHER_SPEAKER && otherSpeakerCueAfter(ctx, k + 1, te)) return k;
    if (w !== ',' && w !== 'and' && w !== 'but') continue;
    const next = CUE_VERBS.get(ctx.words[k + 1]!);
    if (!next || next.cls !== 'speech' || NOUNLIKE_LEMMAS.has(next.lemma) || ctx.regionOf[k + 1]! >= 0) continue;
    if (w === ',' ? next.form === 'gerund' : next.form === 'past' || next.form === 'third') return k;
  }
  return -1;
}
