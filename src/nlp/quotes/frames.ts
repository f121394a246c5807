/**
 * Attribution frames: a cue, its speaker mention and its content, found by token patterns in
 * each sentence. The patterns, with the news constructions they stand for:
 * - head:      `X said (that) ...`, `X told reporters ...`, `X said: "..."`, `X added/warned/... ...`
 * - tail:      `"...," X said.`, `..., X said.`, and the inversion `"...," said X.`
 * - middle:    `"A," she said, "B."` and `A, he said, B.` (one attribution, two fragments)
 * - according: `according to X, ...` and `..., according to X.`
 * - gerund:    `..., saying ...` / `adding ...` (the speaker is the clause's subject)
 * - quoted:    `X was quoted as saying ...`
 * - ellipsis:  `..., but said ...` (the subject of the sentence speaks)
 *
 * This module finds the cues of a sentence and hands each to its pattern's rule. The rules share the
 * speaker readers of subjects.ts, where content starts (content-start.ts) and ends (content-end.ts),
 * and the tail frames of tails.ts; word-classes.ts and time-adjuncts.ts hold the word lists and token
 * tests they all use. The Q&A label frame is in labels.ts.
 */
import { CLAUSE_WITHOUT_THAT, CUE_VERBS, NOUNLIKE_LEMMAS, OBJECT_CONTENT_LEMMAS, SPEECH_NOUNS, type CueClass } from '../lexicon/speech-verbs';
import { PRONOUNS } from '../lexicon/titles-roles';
import { isCapitalized, isQuoteMark, isWord, type QuoteContext } from './context';
import { trimSpan, type Span } from './content';
import { descriptorStartingAt, mentionEndingAt, mentionStartingAt, subjectAt, subjectPhraseEndingAt, type Mention } from './mentions';
import { namingFrame } from './naming';
import { openSlotFrame } from './open-slot';
import { subjectBeforeEnclosure, subjectBeforeRelative, withClauseSubject } from './insertions';
import { headlineFrame } from './headlines';
import type { Frame } from './frame-types';
import { ASKED_LEADS, CLAUSE_SIGNS, DASHES, NAME_GOVERNORS, NOMINATIVE_PRONOUNS, OBJECT_DETERMINERS, PASSIVE_AUX, SUBJECT_OPENERS, hasFiniteVerb, isFiniteVerb, isTerminal, isVerbLike, opensSubject, tokStart, withoutContraction } from './word-classes';
import { TIME_ANCHORS, timeAdjunctStart } from './time-adjuncts';
import { clauseSubject, coordinatedSubject, relativeSpeaker, skipModifiers, subjectBeforeInsertion } from './subjects';
import { ADJUNCT_OPENERS, NOT_CLAUSE_START, QUESTION_OPENERS, RELATIVE_OPENERS, contentStartAfterCue, isOneWordAnswer, opensObjectPhrase } from './content-start';
import { attachContent, contentToEnd, mainVerbAfterClause, nextCueOfSameSpeaker, sentenceBounds } from './content-end';
import { opensTailAdjunct, tailBoundary, tailFrame } from './tails';

/** Gerund cues after these words are attributions of the clause subject ("..., saying", "while adding"). */
const GERUND_OPENERS = new Set([',', 'while', 'after', 'before', 'by', 'when', 'and', '\u2014', '\u2013', '-', 'also', 'even']);

/** Forms of "be" before a gerund cue that make it a progressive ("is saying", "were not saying", "isn't saying"). */
const PROGRESSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'isn', 'aren', 'wasn', 'weren']);
/** Verbs whose passive agent is the source of what was reported ("was first reported by", "was told by"). */
const PASSIVE_REPORTING = new Set(['report', 'tell', 'say', 'state', 'announce', 'confirm', 'disclose', 'reveal', 'quote', 'cite', 'claim', 'allege', 'assert', 'note', 'describe', 'characterize', 'predict', 'warn']);

/**
 * Most attributions read in one sentence. News has at most a few (PolNeAR train: 2 of 8,592
 * attributed sentences have 6, none more); a sentence of hundreds of cues is an attack, and each of
 * its attributions would repeat most of the sentence, so the rest of the sentence is not read.
 */
export const MAX_FRAMES_PER_SENTENCE = 6;

/** Find every attribution frame in sentence `s` (the first MAX_FRAMES_PER_SENTENCE). */
export function framesInSentence(ctx: QuoteContext, s: number): Frame[] {
  const sent = ctx.seg.sentences[s]!;
  const ts = sent.tokenStart;
  const te = sent.tokenEnd;
  const frames: Frame[] = [];
  for (let i = ts; i < te && frames.length < MAX_FRAMES_PER_SENTENCE; i++) {
    if (ctx.regionOf[i]! >= 0 || !isWord(ctx, i)) continue;
    const w = ctx.words[i]!;
    if (w === 'according' && ctx.words[i + 1] === 'to' && i + 2 < te) {
      const f = accordingFrame(ctx, s, i, ts, te);
      if (f) frames.push(f);
      continue;
    }
    if (SPEECH_NOUNS.has(w) && ctx.words[i + 1] === 'that' || (SPEECH_NOUNS.has(w) && ctx.words[i + 1] === 'by')) {
      const f = nounCueFrame(ctx, s, i, ts, te);
      if (f) {
        frames.push(f);
        continue;
      }
    }
    const cue = CUE_VERBS.get(w);
    if (!cue) {
      // "Lee called the plan "a disaster"", "..., calling them liars" (naming.ts).
      const f = namingFrame(ctx, s, i, ts, te);
      if (f) frames.push(f);
      continue;
    }
    if (cue.lemma === 'ask' && cue.form === 'past') {
      const f = askedFrame(ctx, s, i, ts, te);
      if (f) {
        frames.push(f);
        continue;
      }
    }
    if (isCapitalized(ctx, i)) {
      const f = cue.form === 'past' && cue.cls === 'speech' && (i === ts || (i === ts + 1 && isQuoteMark(ctx, ts))) ? openingInversionFrame(ctx, s, i, te) : headlineFrame(ctx, s, i);
      if (f) frames.push(f);
      continue;
    }
    if (cue.form === 'past' && cue.cls === 'speech' && ctx.words[i + 1] === 'by') {
      // Only a verb of reporting makes its agent a source: "was first reported by X" credits X with
      // the words, '"Valley Song" was written by her father' names an author, not a speaker.
      const p = PASSIVE_REPORTING.has(cue.lemma) ? passiveFrame(ctx, s, i, ts, te) : null;
      if (p) frames.push(p);
      continue;
    }
    const f = cue.form === 'gerund' ? gerundFrame(ctx, s, i, ts, te, frames) : verbFrame(ctx, s, i, ts, te);
    if (f) frames.push(f);
  }
  return frames;
}

/** Words that may open a sentence before its "According to X, ..." ("But according to ..."). */
const ACCORDING_LEADS = new Set(['but', 'and', 'yet', 'still', 'now', 'also', 'so']);
/** Most tokens of a source phrase no lexicon word heads ("a new article in Politico", "the results"). */
const MAX_SOURCE_TOKENS = 9;

/**
 * The source after "according to" when no speaker rule reads it: "according to" takes nothing but
 * a source, so any noun phrase will do ("a new article in Politico", "the results", "state law",
 * "early results of the river survey carried out by ..."). Read to the first punctuation, quotation or
 * clause verb, at most MAX_SOURCE_TOKENS tokens.
 */
function sourcePhrase(ctx: QuoteContext, first: number, hi: number): Mention | null {
  let last = -1;
  for (let k = first; k <= hi && k < first + MAX_SOURCE_TOKENS; k++) {
    const w = ctx.words[k]!;
    const word = isWord(ctx, k) || ctx.seg.tokens[k]!.kind === 'number';
    if (!word || ctx.regionOf[k]! >= 0 || (CLAUSE_SIGNS.has(w) && k > first) || CUE_VERBS.get(w)?.form === 'third') break;
    // "the local paper on Tuesday": a time adjunct is not part of the source.
    if (k > first && TIME_ANCHORS.has(ctx.words[k + 1] ?? '') && ADJUNCT_OPENERS.has(w)) break;
    // "reported by the paper to be dead": an infinitive ends the source.
    if (w === 'to' && (ctx.words[k + 1] === 'be' || ctx.words[k + 1] === 'have')) break;
    last = k;
  }
  // A phrase cut at its limit does not end on a joiner or determiner ("conducted for the").
  while (last > first && (NAME_GOVERNORS.has(ctx.words[last]!) || SUBJECT_OPENERS.has(ctx.words[last]!) || ctx.words[last] === 'and')) last--;
  return last >= first ? { first, last, type: 'role' } : null;
}

/** Capitalized words that open a sentence without naming anyone ("The", "This"). */
const NOT_SPEAKERS_AT_START: ReadonlySet<string> = new Set(['the', 'this', 'that', 'a', 'an', 'these', 'those']);
/** Possessive determiners that make their referent the owner of a speech noun ("her claim that"). */
const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['his', 'her', 'their']);
/** Most tokens of "by X" between a speech noun and its "that" ("the statement by the county council that"). */
const MAX_NOUN_OWNER_TOKENS = 9;

/**
 * Noun cues: "Lee's claim that ...", "her remark that ...", "the statement by the council that ...".
 * The owner is the possessive before the noun or the "by" phrase after it; the content is the
 * "that" clause, up to where its speaker goes on with another cue. A noun with no owner ("the
 * claim that ...") attributes nothing.
 */
function nounCueFrame(ctx: QuoteContext, s: number, i: number, ts: number, te: number): Frame | null {
  let mention: Mention | null = null;
  let that = i + 1;
  if (ctx.words[i + 1] === 'by') {
    const owner = mentionStartingAt(ctx, i + 2, te - 1) ?? descriptorStartingAt(ctx, i + 2, te - 1);
    if (!owner || owner.last - i > MAX_NOUN_OWNER_TOKENS) return null;
    mention = owner;
    that = owner.last + 1;
  } else {
    // "Lee's claim", "her remark", "the senator's March comment" (one modifier between).
    for (let k = i - 1; k >= ts && k >= i - 2; k--) {
      const w = ctx.words[k]!;
      if (POSSESSIVE_PRONOUNS.has(w)) {
        mention = { first: k, last: k, type: 'pronoun' };
        break;
      }
      // "the judges' statement": a plural possessive's apostrophe is a token of its own.
      const plural = (w === "'" || w === '\u2019') && k - 1 >= ts && ctx.seg.tokens[k - 1]!.end === ctx.seg.tokens[k]!.start && ctx.words[k - 1]!.endsWith('s');
      if (plural) {
        const owner = mentionEndingAt(ctx, k - 1, ts);
        if (owner && owner.type !== 'pronoun') mention = { ...owner, last: k };
        break;
      }
      if (w.endsWith("'s") || w.endsWith('\u2019s')) {
        // "Lee's", "Sen. Ann Lee's": the capitalized run that ends in the possessive.
        let first = k;
        while (first - 1 >= ts && first > k - MAX_NOUN_OWNER_TOKENS && ctx.regionOf[first - 1]! < 0 && (isCapitalized(ctx, first - 1) || ctx.words[first - 1] === '.')) first--;
        while (first < k && !isCapitalized(ctx, first)) first++;
        if (isCapitalized(ctx, first) && !NOT_SPEAKERS_AT_START.has(ctx.words[first]!)) mention = { first, last: k, type: 'name' };
        break;
      }
      if (!isWord(ctx, k) || ctx.regionOf[k]! >= 0) break;
    }
  }
  // "Lee released a statement that ...", "..., issuing a warning that ...": the issuer owns it.
  if (!mention && ctx.words[that] === 'that') mention = issuerOf(ctx, i, ts);
  if (!mention || ctx.words[that] !== 'that' || that + 1 >= te) return null;
  // "the statement that he released": a "that" followed by a verb is relative, not the content's.
  if (isVerbLike(ctx, that + 1)) return null;
  const span = contentToEnd(ctx, that + 1, s);
  if (!span) return null;
  // The clause ends at another cue of its speaker, or where the sentence's own verb takes over
  // ("Lee's claim that the plant was safe drew laughter").
  const cues = nextCueOfSameSpeaker(ctx, that + 1, te);
  const main = mainVerbAfterClause(ctx, that + 1, te);
  const cut = cues < 0 ? main : main < 0 ? cues : Math.min(cues, main);
  const head = cut >= 0 ? trimSpan(ctx.folded, span[0], tokStart(ctx, cut)) : null;
  return { pattern: 'head', cueFirst: i, cueLast: i, cueClass: 'speech', mention, fragments: [head ?? span], sentence: s, trust: 0.75 };
}

/** Verbs that put out a statement ("released a statement that", "issued a warning that"), every form. */
const ISSUING_VERBS = new Set([
  'issue', 'issues', 'issued', 'issuing', 'release', 'releases', 'released', 'releasing', 'make', 'makes', 'made', 'making',
  'deliver', 'delivers', 'delivered', 'delivering', 'send', 'sends', 'sent', 'sending', 'put', 'puts', 'putting',
  'repeat', 'repeats', 'repeated', 'repeating', 'renew', 'renews', 'renewed', 'renewing',
]);
/** Most words between an issuing verb and its speech noun ("issued a strongly worded statement"). */
const MAX_ISSUED_NOUN_GAP = 4;

/**
 * The subject of a verb that puts out the speech noun at `noun` ("Lee released a statement",
 * "Lee, in turn, issued a blunt warning", "..., putting out a statement"): the mention before a
 * finite verb, or the clause subject before a gerund; null when no such verb is near.
 */
function issuerOf(ctx: QuoteContext, noun: number, ts: number): Mention | null {
  for (let v = noun - 1; v >= ts && v >= noun - MAX_ISSUED_NOUN_GAP; v--) {
    const w = ctx.words[v]!;
    if (ctx.regionOf[v]! >= 0 || !isWord(ctx, v)) return null;
    if (!ISSUING_VERBS.has(w)) continue;
    if (w.endsWith('ing')) return GERUND_OPENERS.has(ctx.words[v - 1] ?? '') ? clauseSubject(ctx, ts, v) : null;
    const { last } = skipModifiers(ctx, v, ts);
    return mentionEndingAt(ctx, last, ts);
  }
  return null;
}

/**
 * Passive attribution: "As reported by X, CONTENT", "CONTENT, as first reported by X." and
 * "CONTENT was first reported by X." (the subject is what X reported). Other passives ("a fact
 * first reported by X" inside a noun phrase) attribute nothing.
 */
function passiveFrame(ctx: QuoteContext, s: number, i: number, ts: number, te: number): Frame | null {
  const mention = mentionStartingAt(ctx, i + 2, te - 1) ?? sourcePhrase(ctx, i + 2, te - 1);
  if (!mention) return null;
  let k = i - 1;
  while (k >= ts && (ctx.words[k] === 'first' || ctx.words[k] === 'originally' || ctx.words[k] === 'also')) k--;
  const lead = ctx.words[k] ?? '';
  const base = { pattern: 'according' as const, cueFirst: k + 1, cueLast: i + 1, cueClass: 'speech' as const, mention, sentence: s, trust: 0.8 };
  // "As reported by X, CONTENT."
  if (lead === 'as' && k === ts) {
    let c = mention.last + 1;
    while (c < te && ctx.words[c] !== ',') c++;
    const span = c < te ? contentToEnd(ctx, c + 1, s) : null;
    return span ? { ...base, cueFirst: k, fragments: [span] } : null;
  }
  // "CONTENT, as reported by X." (not after an attribution of its own: `"...," Lee said in an
  // interview, as reported by BuzzFeed.` is Lee's, and the outlet only relays it).
  if (lead === 'as' && ctx.words[k - 1] === ',' && !narratorCueBefore(ctx, ts, k - 1)) {
    const span = trimSpan(ctx.folded, sentenceBounds(ctx, s).start, tokStart(ctx, k - 1));
    return span ? { ...base, cueFirst: k, fragments: [span] } : null;
  }
  // "X was told by aides that CONTENT": the clause, not the subject, is what was said.
  if (ctx.words[mention.last + 1] === 'that') {
    const span = contentToEnd(ctx, mention.last + 2, s);
    return span ? { ...base, cueFirst: k, fragments: [span] } : null;
  }
  // "CONTENT was first reported by X." (only adjuncts may follow the source); "the email, which was
  // first reported by X" is a relative clause about a thing inside another attribution.
  const after = mention.last + 1;
  if (PASSIVE_AUX.has(lead) && k > ts && !RELATIVE_OPENERS.has(ctx.words[k - 1] ?? '') && (after >= te || isTerminal(ctx, after) || opensTailAdjunct(ctx, after))) {
    const span = trimSpan(ctx.folded, sentenceBounds(ctx, s).start, tokStart(ctx, k));
    return span ? { ...base, cueFirst: k, fragments: [span] } : null;
  }
  return null;
}

/** Most tokens between "asked" and its question ("Asked on Fox News Sunday whether ..."). */
const MAX_ASKED_ADJUNCT_TOKENS = 8;
/** Confidence of a question put by someone the sentence does not name. */
const ASKED_TRUST = 0.6;

/**
 * A question put by someone the sentence does not name: "Asked whether he would run, Lee said ...",
 * "... Lee said when asked about the plan.", "Lee was asked if ...". The question is reported speech
 * with no speaker (the asker is not the subject: the subject is who was asked). It runs from its
 * "whether", "if" or wh-word (after "about", from the word after it) to the comma that closes the
 * phrase, or to the end of the sentence. Null when "asked" has a subject of its own ("Lee asked ..."),
 * which the verb rules read.
 */
function askedFrame(ctx: QuoteContext, s: number, i: number, ts: number, te: number): Frame | null {
  const prev = ctx.words[i - 1] ?? '';
  const opens = i === ts || (i === ts + 1 && isQuoteMark(ctx, ts)) || (i > ts && ASKED_LEADS.has(prev) && ctx.regionOf[i - 1]! < 0);
  if (!opens) return null;
  let q = i + 1;
  while (q < te && q <= i + MAX_ASKED_ADJUNCT_TOKENS && !QUESTION_OPENERS.has(ctx.words[q]!)) {
    // "was asked to give a talk about ...": a request's infinitive, not a question.
    if (!isWord(ctx, q) || ctx.regionOf[q]! >= 0 || CUE_VERBS.has(ctx.words[q]!) || ctx.words[q] === 'to') return null;
    q++;
  }
  if (q >= te || !QUESTION_OPENERS.has(ctx.words[q]!)) return null;
  const from = ctx.words[q] === 'about' ? q + 1 : q;
  // The phrase ends at its comma (one inside a closing quotation mark too), a colon, a dash or the sentence end.
  let end = from;
  while (end < te && !isTerminal(ctx, end)) {
    const w = ctx.words[end]!;
    if ((w === ',' || w === ':' || DASHES.has(w)) && (ctx.regionOf[end]! < 0 || isQuoteMark(ctx, end + 1))) break;
    end++;
  }
  if (end - from < MIN_CONTENT_TOKENS) return null;
  const span = trimSpan(ctx.folded, tokStart(ctx, from), tokStart(ctx, end));
  return span ? { pattern: 'head', cueFirst: i, cueLast: i, cueClass: 'speech', mention: null, fragments: [span], sentence: s, trust: ASKED_TRUST } : null;
}

/** Fewest tokens of a question's content ("whether he ran"). */
const MIN_CONTENT_TOKENS = 2;

/** Whether tokens [from, to) hold a finite speech cue of the narrator's ("said", "noted"), outside quotations. */
function narratorCueBefore(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const cue = CUE_VERBS.get(ctx.words[k]!);
    if (cue && cue.cls === 'speech' && (cue.form === 'past' || cue.form === 'third') && ctx.regionOf[k]! < 0 && !isCapitalized(ctx, k)) return true;
  }
  return false;
}

function accordingFrame(ctx: QuoteContext, s: number, i: number, ts: number, te: number): Frame | null {
  const mention = mentionStartingAt(ctx, i + 2, te - 1) ?? sourcePhrase(ctx, i + 2, te - 1);
  if (!mention) return null;
  const base = { pattern: 'according' as const, cueFirst: i, cueLast: i + 1, cueClass: 'speech' as const, mention, sentence: s, trust: 0.85 };
  // "According to X, CONTENT." (also after a colon, an opening quotation mark or "But").
  const prev = ctx.words[i - 1] ?? '';
  if (i === ts || isQuoteMark(ctx, i - 1) && i - 1 === ts || prev === ':' || (i === ts + 1 && ACCORDING_LEADS.has(prev))) {
    // The source may be long ("According to early results of river surveys carried out for ..., "): its
    // comma or colon is the first of the sentence.
    let k = mention.last + 1;
    while (k < te && ctx.words[k] !== ',' && ctx.words[k] !== ':' && !isQuoteMark(ctx, k)) k++;
    const span = k < te && !isQuoteMark(ctx, k) ? contentToEnd(ctx, k + 1, s) : null;
    return span ? { ...base, fragments: [span] } : null;
  }
  // "CONTENT, according to X." and `"QUOTE," according to X.`
  const afterQuote = isQuoteMark(ctx, i - 1) && ctx.regionOf[i - 1]! >= 0 && ctx.words[i - 2] === ',';
  if (prev === ',' || prev === '\u2014' || afterQuote) {
    const end = afterQuote ? ctx.seg.tokens[i - 1]!.end : tokStart(ctx, i - 1);
    const span = trimSpan(ctx.folded, sentenceBounds(ctx, s).start, end);
    // "Turnout, according to the clerk, has doubled.", "But, according to the poll, 46
    // percent remain undecided.": the source sits in the middle, and the rest of the sentence is
    // reported too. What comes before is content only when it has a verb of its own; an opening
    // phrase ("But", "One Sunday in 2001") is not.
    const close = mention.last + 1;
    if (prev === ',' && ctx.words[close] === ',' && close + 1 < te && !isQuoteMark(ctx, close + 1)) {
      const second = contentToEnd(ctx, close + 1, s);
      if (second) {
        const firstIsClause = span !== null && hasFiniteVerb(ctx, ts, i - 1);
        return { ...base, fragments: firstIsClause ? [span!, second] : [second] };
      }
    }
    return span ? { ...base, fragments: [span] } : null;
  }
  return null;
}

function gerundFrame(ctx: QuoteContext, s: number, i: number, ts: number, te: number, earlier: readonly Frame[]): Frame | null {
  const cue = CUE_VERBS.get(ctx.words[i]!)!;
  // "X was quoted as saying ..." (and the tail "..., he was quoted as saying.")
  if (ctx.words[i - 1] === 'as' && ctx.words[i - 2] === 'quoted') {
    let k = i - 3;
    while (k >= ts && (PASSIVE_AUX.has(ctx.words[k]!) || ctx.words[k] === 'widely' || ctx.words[k] === 'also')) k--;
    const mention = mentionEndingAt(ctx, k, ts);
    if (!mention) return null;
    const tb = tailBoundary(ctx, mention, ts);
    if (tb >= 0) {
      const t = tailFrame(ctx, s, i, i, mention, 'tail', cue.cls, ts, te, tb);
      if (t) return { ...t, pattern: 'quoted', cueFirst: i - 2 };
    }
    return attachContent(ctx, s, mention.first, i, i - 2, mention, 'quoted', cue.cls, ts, te, 0.85);
  }
  const prev = ctx.words[i - 1];
  if (prev === undefined || i - 1 < ts) return null;
  // "Lee is saying that ...", "Lee isn't saying what ...": a progressive is a finite cue of its subject.
  const { last: beforeAux, skipped } = skipModifiers(ctx, i, ts);
  if (cue.cls === 'speech' && skipped.some((w) => PROGRESSIVE_AUX.has(w.replace(/n['\u2019]t$/, ''))) && beforeAux >= ts && mentionEndingAt(ctx, beforeAux, ts)) {
    // Only with content after it: "as Democrats are alleging, but ..." reports nothing here.
    const after = contentStartAfterCue(ctx, i, cue.lemma, te);
    const w = ctx.words[after.at] ?? '';
    const content = after.marker !== 'bare' || NOMINATIVE_PRONOUNS.has(withoutContraction(w)) || INFINITIVE_CONTENT_OPENERS.has(w) || (isWord(ctx, after.at) && !NOT_CLAUSE_START.has(w));
    return content && ctx.words[i + 1] !== ',' ? verbFrame(ctx, s, i, ts, te) : null;
  }
  // `"...," adding`: a comma inside the closing quotation mark opens the gerund as a bare comma does.
  const afterHandoff = isQuoteMark(ctx, i - 1) && ctx.words[i - 2] === ',' && ctx.regionOf[i - 1]! >= 0;
  // "..., with 28 percent of members saying they ...": the subject of the absolute clause speaks.
  const withSubject = cue.cls === 'speech' ? withClauseSubject(ctx, i, ts) : null;
  if (withSubject) {
    const start = contentStartAfterCue(ctx, i, cue.lemma, te);
    // "with the port adding 300 berths": only a plain clause is content here.
    // A quotation after it is left to the quotation rules ("with marchers chanting "..." and "..."").
    const clause = start.marker === 'that' || start.marker === 'colon' || (start.marker === 'bare' && CLAUSE_WITHOUT_THAT.has(cue.lemma) && NOMINATIVE_PRONOUNS.has(withoutContraction(ctx.words[start.at] ?? '')));
    const span = clause ? contentToEnd(ctx, start.at, s) : null;
    if (span) return { pattern: 'gerund', cueFirst: i, cueLast: i, cueClass: cue.cls, mention: withSubject, fragments: [span], sentence: s, trust: 0.75 };
  }
  if (!GERUND_OPENERS.has(prev) && !afterHandoff) {
    // "footage of Ann Lee asking, "..."": a named subject right before, and a quotation after.
    const named = mentionEndingAt(ctx, i - 1, ts);
    const start = contentStartAfterCue(ctx, i, cue.lemma, te);
    if (!named || named.type === 'pronoun' || start.marker !== 'quote') return null;
    const span = contentToEnd(ctx, start.at, s);
    return span ? { pattern: 'gerund', cueFirst: i, cueLast: i, cueClass: cue.cls, mention: named, fragments: [span], sentence: s, trust: 0.8 } : null;
  }
  // ", denouncing the ruling as ...": a verb whose object is what was said takes it here too.
  const introducesClause = ctx.words[i + 1] === 'that' || ctx.words[i + 1] === ':' || isQuoteMark(ctx, i + 1) || CLAUSE_WITHOUT_THAT.has(cue.lemma) ||
    (OBJECT_CONTENT_LEMMAS.has(cue.lemma) && opensObjectPhrase(ctx, i + 1));
  if (!introducesClause) return null;
  // The speaker: the mention of an earlier frame in this sentence, else the sentence subject.
  // Not a relative clause's ("paying a builder who said he was cheated, saying ...": the architect is no subject).
  const before = earlier.filter((f) => f.mention && f.cueFirst < i && ctx.words[f.mention.last] !== 'who').at(-1);
  const mention = before?.mention ?? clauseSubject(ctx, ts, i) ?? subjectAt(ctx, ts, i);
  if (!mention || mention.last >= i) return null;
  const start = contentStartAfterCue(ctx, i, cue.lemma, te);
  const span = contentToEnd(ctx, start.at, s);
  // "saying to reporters" takes no clause; after "that" or a colon any word opens one ("saying that about 500 ...").
  if (!span || (start.marker === 'bare' && NOT_CLAUSE_START.has(ctx.words[start.at] ?? ''))) return null;
  return { pattern: 'gerund', cueFirst: i, cueLast: i, cueClass: cue.cls, mention, fragments: [span], sentence: s, trust: before ? 0.8 : 0.7 };
}

/**
 * A relative-clause attribution: its content ends where the clause does, at the comma before the
 * main clause's verb ("Lee, who said she votes early, told ..." -> "she votes early").
 */
function relativeFrame(ctx: QuoteContext, s: number, cue: number, mention: Mention, cls: CueClass, te: number): Frame | null {
  const f = attachContent(ctx, s, mention.first, cue, cue, mention, 'head', cls, ctx.seg.sentences[s]!.tokenStart, te, 0.85);
  if (!f) return null;
  const [a, b] = f.fragments[0]!;
  for (let k = cue + 1; k < te && tokStart(ctx, k) < b; k++) {
    if (ctx.regionOf[k]! >= 0 || ctx.words[k] !== ',' || !isFiniteVerb(ctx, k + 1)) continue;
    const span = trimSpan(ctx.folded, a, tokStart(ctx, k));
    return span && span[0] < span[1] ? { ...f, fragments: [span] } : null;
  }
  return f;
}

function verbFrame(ctx: QuoteContext, s: number, i: number, ts: number, te: number): Frame | null {
  const cue = CUE_VERBS.get(ctx.words[i]!)!;
  // "He went on to say that ...": the subject of "went on" speaks; any other "to say" ("wants to
  // say") is no report.
  const goesOn = cue.form === 'base' && ctx.words[i - 1] === 'to' && ctx.words[i - 2] === 'on' && GO_FORMS.has(ctx.words[i - 3] ?? '') && i - 3 > ts;
  if (ctx.words[i - 1] === 'to' && cue.form === 'base' && !goesOn) return infinitiveFrame(ctx, s, i, ts, te);
  // "the budget adds 12 drivers", "added a new route": "add" with an object is not speech.
  if (cue.lemma === 'add' && (ctx.seg.tokens[i + 1]?.kind === 'number' || ['a', 'an', 'the', 'two', 'three', 'new', 'more', 'another'].includes(ctx.words[i + 1] ?? ''))) return null;
  const { last, skipped } = skipModifiers(ctx, goesOn ? i - 3 : i, ts);
  const passive = cue.form === 'past' && skipped.some((w) => PASSIVE_AUX.has(w));
  if (passive) return null;
  let mention = mentionEndingAt(ctx, last, ts);
  // "Barkley, who said he votes Democratic, ...": the relative pronoun speaks for its antecedent.
  const relative = relativeSpeaker(ctx, last, ts);
  if (relative) return relativeFrame(ctx, s, i, relative, cue.cls, te);
  // "The transit workers' union on Monday warned": the subject is before the time adjunct.
  const timeStart = timeAdjunctStart(ctx, last, ts);
  if (timeStart > ts && (!mention || mention.type !== 'name' || mention.first >= timeStart)) {
    const before = mentionEndingAt(ctx, timeStart - 1, ts);
    if (before && before.type !== 'pronoun') mention = before;
  }
  const cueFirst = i;
  // The first token of the whole subject phrase (a role before an appositive name starts it).
  let phraseFirst = mention?.first ?? -1;
  // "Okafor, at a later press briefing, said" / "Rosa Diaz, 25, said" / "Hale, a top council
  // surrogate, said": the subject is the name before a comma-enclosed insertion.
  if ((!mention || mention.type === 'role') && last >= ts) {
    const commaAfter = mention ? mention.first - 1 : last;
    if (ctx.words[commaAfter] === ',' || (mention && ctx.words[mention.last + 1] === ',')) {
      const close = ctx.words[commaAfter] === ',' ? commaAfter : last;
      const named = subjectBeforeInsertion(ctx, close, ts);
      if (named) {
        mention = named.speaker;
        phraseFirst = named.phraseFirst;
      }
    }
  }

  // "The parents who called the school on Monday say ...": the subject before a restrictive relative clause.
  if (!mention || mention.type !== 'name' || mention.first > ts && ctx.words[mention.first - 1] !== ',') {
    const rel = last >= ts ? subjectBeforeRelative(ctx, last, ts) : null;
    if (rel && (!mention || mention.first > rel.who)) {
      const f = attachContent(ctx, s, rel.subject.first, i, i, rel.subject, 'head', cue.cls, ts, te, 0.75);
      if (f) return f;
    }
  }
  // "Jason Sims — a teacher from Ohio — says": the subject is the name before a dash-enclosed insertion.
  if (!mention && last > ts && DASHES.has(ctx.words[last]!)) {
    const named = subjectBeforeEnclosure(ctx, last, ts);
    if (named) {
      mention = named;
      phraseFirst = named.first;
    }
  }
  // Inversion: `"...," said X` / `..., said X.` (not for noun-like cues: "reports Trump").
  // "told" takes its audience right after it, never an inverted subject ("..., told POLITICO she ...").
  if (!mention && !NOUNLIKE_LEMMAS.has(cue.lemma) && cue.lemma !== 'tell' && last >= ts && (ctx.words[last] === ',' || isQuoteMark(ctx, last))) {
    const inv = mentionStartingAt(ctx, i + 1, te - 1) ?? descriptorStartingAt(ctx, i + 1, te - 1);
    // "..., said they had no problem": a subject pronoun with words after it opens the cue's clause.
    const clauseSubject = inv !== null && inv.type === 'pronoun' && NOMINATIVE_PRONOUNS.has(ctx.words[inv.first]!) && isWord(ctx, inv.last + 1);
    if (inv && (inv.type !== 'pronoun' || ctx.words[inv.first] !== 'it') && !clauseSubject) {
      return tailFrame(ctx, s, i, inv.last, inv, 'inverted', cue.cls, ts, te, last);
    }
  }
  if (!mention && last > ts) {
    // "Economists in Ohio, like their peers, say ...", "Many speakers — including two pastors — said ...".
    const enclosed = subjectBeforeEnclosure(ctx, last, ts);
    if (enclosed) return attachContent(ctx, s, enclosed.first, i, i, enclosed, 'head', cue.cls, ts, te, enclosed.type === 'name' ? 0.85 : 0.7);
  }
  if (!mention) {
    // "..., but said it has received ...": the sentence subject speaks.
    if ((ctx.words[last] === 'and' || ctx.words[last] === 'but') && last > ts) {
      // The subject of the clause the cue is joined to ("The clerk closed her folder, and then said ...").
      const joined = ctx.words[last - 1] === ',' ? clauseSubject(ctx, ts, last) : null;
      const subj = joined ?? subjectAt(ctx, ts, last);
      if (subj && subj.last < last) return attachContent(ctx, s, last, i, i, subj, 'ellipsis', cue.cls, ts, te, 0.6);
    }
    return phraseSubjectFrame(ctx, s, i, last, ts, te);
  }
  if (NOUNLIKE_LEMMAS.has(cue.lemma) && mention.type === 'role' && ctx.words[mention.last] === ctx.words[i]) return null;
  // Tail: the mention follows a comma or a closing quotation mark and the sentence ends soon after.
  const boundary = tailBoundary(ctx, { ...mention, first: Math.min(phraseFirst, mention.first) }, ts);
  // "it" speaks for an organisation or a document only around a quotation (`"...," it stated.`,
  // `It added: "..."`); "it notes that ..." and "it warned of ..." are too often about a thing.
  if (mention.type === 'pronoun' && ctx.words[mention.first] === 'it' && cue.cls === 'speech' && cue.lemma !== 'say') {
    const afterQuotation = boundary >= 0 && isQuoteMark(ctx, boundary);
    if (!afterQuotation && contentStartAfterCue(ctx, i, cue.lemma, te).marker !== 'quote' && !isQuoteMark(ctx, i + 2)) return null;
  }
  if (boundary >= 0) {
    const speaker = phraseFirst < mention.first ? mention : { ...mention, first: boundary + 1 };
    const t = tailFrame(ctx, s, i, i, speaker, 'tail', cue.cls, ts, te, boundary);
    if (t) return t;
  }
  // "As BuzzFeed first reported, CONTENT" / "As Lee pointed out in May, "..."": the clause after
  // the comma is what the speaker said.
  // The mention may be the name inside a longer phrase ("As the paper's Dana Byler pointed out").
  let opener = mention.first - 1;
  while (opener > ts && opener > mention.first - MAX_AS_ADJUNCT_TOKENS && isWord(ctx, opener) && ctx.words[opener] !== 'as') opener--;
  if (ctx.words[opener] === 'as' && (opener === ts || isQuoteMark(ctx, opener - 1) && opener - 1 === ts)) {
    let c = i + 1;
    while (c < te && c <= i + MAX_AS_ADJUNCT_TOKENS && ctx.words[c] !== ',' && isWord(ctx, c)) c++;
    const span = ctx.words[c] === ',' ? contentToEnd(ctx, c + 1, s) : null;
    return span ? { pattern: 'head', cueFirst, cueLast: i, cueClass: cue.cls, mention, fragments: [span], sentence: s, trust: 0.85 } : null;
  }
  return attachContent(ctx, s, mention.first, i, cueFirst, mention, 'head', cue.cls, ts, te, mention.type === 'pronoun' ? 0.8 : 0.9);
}

/** Words before "to" that make the infinitive a purpose or a wish, not a report ("wants to say", "the right to say"). */
const NOT_REPORTING_BEFORE_TO = new Set(['want', 'wants', 'wanted', 'wanting', 'like', 'love', 'hope', 'hoped', 'hopes', 'need', 'needs', 'needed', 'have', 'has', 'had', 'ought', 'used', 'able', 'right', 'chance', 'time', 'way', 'nothing', 'something', 'anything', 'much', 'little', 'enough', 'how', 'what', 'whether', 'not']);
/** Most adverbs and adjectives between a finite verb and its "to" ("are slightly more likely to say"). */
const MAX_INFINITIVE_GAP = 4;
/** Words that open the content of a cue in the infinitive: a subject or a question word ("refused to say whether ..."). */
const INFINITIVE_CONTENT_OPENERS = new Set(['whether', 'what', 'when', 'where', 'why', 'how', 'who', 'which', 'if']);

/**
 * A verb of saying in the infinitive after a finite verb or an adjective ("Lee refused to say
 * whether ...", "Voters were more likely to say that ...", "Lee took to Twitter to say she ..."):
 * the subject of the clause's finite verb speaks. The content must be plainly a clause: "that",
 * a colon, a quotation, a subject pronoun or a question word; a wish or a purpose ("wants to say",
 * "the right to say") reports nothing.
 */
function infinitiveFrame(ctx: QuoteContext, s: number, i: number, ts: number, te: number): Frame | null {
  const cue = CUE_VERBS.get(ctx.words[i]!)!;
  if (cue.cls !== 'speech' || i - 2 <= ts || NOT_REPORTING_BEFORE_TO.has(ctx.words[i - 2]!)) return null;
  const start = contentStartAfterCue(ctx, i, cue.lemma, te);
  const w = ctx.words[start.at] ?? '';
  const clause = start.marker === 'that' ? opensSubject(ctx, start.at) : start.marker !== 'bare' || NOMINATIVE_PRONOUNS.has(withoutContraction(w)) || INFINITIVE_CONTENT_OPENERS.has(w);
  if (!clause) return null;
  // The finite verb governs the infinitive with nothing but adverbs and adjectives between ("refused",
  // "are slightly more likely", "was quick"): an object between ("pushed Democrats to say", "called
  // her to say") would be the speaker instead, and is not read.
  let v = i - 2;
  while (v > ts && v > i - 2 - MAX_INFINITIVE_GAP && !isFiniteVerb(ctx, v)) {
    const w = ctx.words[v]!;
    // A plural noun ("pushed members to say") is an object too.
    const plural = w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('ous');
    if (!isWord(ctx, v) || isCapitalized(ctx, v) || ctx.regionOf[v]! >= 0 || OBJECT_DETERMINERS.has(w) || w in PRONOUNS || CUE_VERBS.has(w) || plural) return null;
    v--;
  }
  if (!isFiniteVerb(ctx, v)) return null;
  // The subject right before the finite verb (over its auxiliaries and adverbs).
  const { last } = skipModifiers(ctx, v, ts);
  const mention = mentionEndingAt(ctx, last, ts) ?? subjectPhraseEndingAt(ctx, last, ts);
  // "It was too early to tell ...": an expletive subject has no words of its own.
  if (!mention || mention.type === 'pronoun' && ctx.words[mention.first] === 'it') return null;
  const span = contentToEnd(ctx, start.at, s);
  if (!span) return null;
  let cut = start.marker === 'that' || start.marker === 'bare' ? nextCueOfSameSpeaker(ctx, start.at, te) : -1;
  // "seemed to suggest he had won: "..."": a colon hands over to a quotation with an attribution of its own.
  if (start.marker !== 'colon' && start.marker !== 'quote') {
    for (let k = start.at + 1; k < te && (cut < 0 || k < cut); k++) {
      if (ctx.words[k] === ':' && ctx.regionOf[k]! < 0) {
        cut = k;
        break;
      }
    }
  }
  const head = cut >= 0 ? trimSpan(ctx.folded, span[0], tokStart(ctx, cut)) : null;
  return { pattern: 'head', cueFirst: i, cueLast: i, cueClass: cue.cls, mention, fragments: [head ?? span], sentence: s, trust: 0.7 };
}

/**
 * A cue whose subject no speaker rule reads ("Chinese military commentators have said ...",
 * "Organizers of both conventions insist they ...", "One in five say that ..."): the phrase that
 * opens the clause speaks, when the content is plainly a clause: "that", a colon, a quotation, or a
 * subject right after the cue ("insist they will"). Noun-like third forms stay out ("the tax
 * claims"), and the frame is trusted less than one with a known speaker.
 */
function phraseSubjectFrame(ctx: QuoteContext, s: number, i: number, last: number, ts: number, te: number): Frame | null {
  const cue = CUE_VERBS.get(ctx.words[i]!)!;
  if (NOUNLIKE_LEMMAS.has(cue.lemma) && cue.form !== 'past') return null;
  const subject = subjectPhraseEndingAt(ctx, last, ts) ?? coordinatedSubject(ctx, last, ts);
  if (!subject) return null;
  const start = contentStartAfterCue(ctx, i, cue.lemma, te);
  if (start.marker === 'bare' && !(opensSubject(ctx, start.at) && CLAUSE_WITHOUT_THAT.has(cue.lemma)) && !(cue.lemma === 'say' && isOneWordAnswer(ctx, start.at, te))) return null;
  return attachContent(ctx, s, subject.first, i, i, subject, 'head', cue.cls, ts, te, 0.7);
}

/** Most tokens between an "As X said" cue and its comma ("pointed out in an interview in December"). */
const MAX_AS_ADJUNCT_TOKENS = 10;

/** "Said Ellis: "..."" - an inverted cue that opens the sentence, then the speaker, then the content. */
function openingInversionFrame(ctx: QuoteContext, s: number, i: number, te: number): Frame | null {
  const m = mentionStartingAt(ctx, i + 1, te - 1);
  if (!m || m.type === 'pronoun') return null;
  const sep = ctx.words[m.last + 1];
  if (sep !== ':' && sep !== ',') return null;
  const span = contentToEnd(ctx, m.last + 2, s);
  return span ? { pattern: 'inverted', cueFirst: i, cueLast: i, cueClass: 'speech', mention: m, fragments: [span], sentence: s, trust: 0.85 } : null;
}

/** Forms of "go" in "went on to say". */
const GO_FORMS = new Set(['went', 'goes', 'go', 'going', 'gone']);

/**
 * Attributions that follow a quotation no cue verb took: a dash and a name (pull quotes:
 * `"..." ― Julie Diaz`), or a name set off by commas whose cue comes after an appositive
 * (`"...," Scott Pruitt, the attorney general of Oklahoma, said`), or a speaker and a verb the
 * lexicon lacks in the slot of a tail cue (open-slot.ts).
 */
export function afterQuotationFrame(ctx: QuoteContext, closeToken: number, fragments: Span[]): Frame | null {
  return dashOrAppositiveFrame(ctx, closeToken, fragments) ?? openSlotFrame(ctx, closeToken, fragments);
}

function dashOrAppositiveFrame(ctx: QuoteContext, closeToken: number, fragments: Span[]): Frame | null {
  const k = closeToken + 1;
  const s = ctx.sentenceOf[closeToken]!;
  const te = ctx.seg.sentences[s]!.tokenEnd;
  const w = ctx.words[k];
  if (w === undefined) return null;
  if (DASHES.has(w)) {
    const m = mentionStartingAt(ctx, k + 1, ctx.seg.tokens.length - 1);
    if (!m || m.type === 'pronoun' || ctx.seg.tokens[k + 1]!.start - ctx.seg.tokens[k]!.end > 2) return null;
    return { pattern: 'tail', cueFirst: k, cueLast: k, cueClass: 'speech', mention: m, fragments, sentence: s, trust: 0.85 };
  }
  if (w === ',' && k + 1 < te) {
    const m = mentionStartingAt(ctx, k + 1, te - 1);
    if (!m || m.type !== 'name' || ctx.words[m.last + 1] !== ',') return null;
    for (let j = m.last + 2; j < Math.min(te, m.last + 26); j++) {
      if (isQuoteMark(ctx, j)) return null;
      const cue = CUE_VERBS.get(ctx.words[j]!);
      if (cue && cue.cls === 'speech' && cue.form !== 'gerund' && (ctx.words[j - 1] === ',' || j + 1 >= te || isTerminal(ctx, j + 1))) {
        return { pattern: 'tail', cueFirst: j, cueLast: j, cueClass: 'speech', mention: m, fragments, sentence: s, trust: 0.85 };
      }
    }
  }
  return null;
}
