/**
 * The content of a cue: where it starts after the cue (over an audience, an adjunct, a parenthetical
 * adverb, "that" or a colon), which words may open it without "that" ("announced he would run",
 * "announced his candidacy", "said yes"), and where it ends (the sentence end, where the main clause
 * takes over, or where its speaker or another one goes on with a cue of their own). attachContent
 * builds a head-like frame from them.
 */
import { AUDIENCE_WORDS, CLAUSE_WITHOUT_THAT, CUE_MODIFIERS, CUE_VERBS, NOUNLIKE_LEMMAS, OBJECT_CONTENT_LEMMAS, type CueClass } from '../lexicon/speech-verbs';
import { PRONOUNS } from '../lexicon/titles-roles';
import { isCapitalized, isQuoteMark, isWord, regionEnd, type QuoteContext } from './context';
import { extendOverQuotes, regionChain, regionOpeningAt, trimSpan, type Span } from './content';
import { descriptorStartingAt, mentionEndingAt, mentionStartingAt, subjectPhraseEndingAt, type Mention } from './mentions';
import { opensWithSubordinator } from './long-subject';
import type { Frame, FramePattern } from './frame-types';
import { CLAUSE_SIGNS, FINITE_AUX, NAME_GOVERNORS, NOMINATIVE_PRONOUNS, OBJECT_DETERMINERS, isFiniteVerb, isTerminal, isThirdPersonLike, isVerbLike, opensSubject, tokStart, withoutContraction } from './word-classes';
import { afterTimeAdjunct, timeAdjunctAfter } from './time-adjuncts';
import { CLAUSE_JOINERS, MAX_OTHER_SUBJECT_TOKENS, skipModifiers } from './subjects';

/** Prepositions and time words that open an adjunct between a cue and its content ("said in a statement that"). */
export const ADJUNCT_OPENERS = new Set([
  'in', 'on', 'at', 'during', 'via', 'after', 'before', 'from', 'with', 'over', 'to', 'through', 'earlier',
  'later', 'last', 'this', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'today', 'yesterday', 'tonight', 'recently', 'previously', 'again', 'publicly', 'privately', 'repeatedly',
  'also', 'then', 'afterward', 'afterwards', 'separately', 'late', 'early', 'of', 'several', 'when', 'while',
  'outside', 'inside', 'near', 'following', 'amid', 'ahead', 'behind', 'throughout', 'upon', 'under', 'for',
  'about', 'regarding',
]);
/** Adverbs set off by commas right after a cue ("said, however, that"). */
const PARENTHETICAL_ADVERBS = new Set(['however', 'though', 'moreover', 'again', 'too', 'also', 'nonetheless', 'nevertheless', 'furthermore', 'instead']);
/** Most words of a state or country in apposition to a place ("Buffalo, New York, that"). */
const MAX_PLACE_TOKENS = 3;
/** Most tokens an adjunct may take before its "that", comma or colon ("after a closed-door meeting with the mayor and her staff that"). */
const MAX_ADJUNCT_TOKENS = 16;
/** Relative pronouns that open a comma-enclosed clause inside an adjunct ("after the meeting, which ran late, that"). */
export const RELATIVE_OPENERS = new Set(['which', 'who', 'where', 'when', 'whose']);

/** Most tokens of a relative clause inside an adjunct ("that he attended", "that ended the strike"). */
const MAX_RELATIVE_TOKENS = 6;

/** Words after a cue that show it takes no clause here ("said to be", "agreed to", "told of"). */
export const NOT_CLAUSE_START = new Set(['to', 'about', 'of', 'for', 'by', 'with', 'as', 'so', 'in', 'on', 'at', 'up', 'off', 'out', 'it.', 'nothing', 'anything', 'something', 'little', 'much', 'more', 'yes', 'no']);

/** Verbs whose audience object comes right after them ("told reporters", "assured him"). */
export const TAKES_AUDIENCE = new Set(['tell', 'inform', 'assure', 'warn', 'remind', 'ask', 'urge', 'promise', 'write']);

/** Where the content of sentence `s` may end: its end, or past a quotation that runs on beyond it. */
function sentenceContentEnd(ctx: QuoteContext, s: number): number {
  const sent = ctx.seg.sentences[s]!;
  const para = ctx.seg.paragraphs[sent.paragraph]!;
  return extendOverQuotes(ctx, sent.start, sent.end, para.end);
}

/** Index of the token after `i` that starts the content (skipping audience, adjuncts, "that"). */
export function contentStartAfterCue(ctx: QuoteContext, cue: number, lemma: string, te: number): { at: number; marker: 'that' | 'colon' | 'quote' | 'bare' } {
  let j = cue + 1;
  if (TAKES_AUDIENCE.has(lemma) && j < te) {
    // "told the local weekly, "..."": any short phrase closed by the comma before a quotation is the audience.
    const aud = mentionStartingAt(ctx, j, te - 1) ?? descriptorStartingAt(ctx, j, te - 1);
    // "told his supporters, "..."" / "told his staff that": a phrase closed by the content's marker.
    const after = aud ? aud.last + 1 : -1;
    const closedByMarker = aud !== null && (ctx.words[after] === 'that' || ctx.words[after] === ':' || (ctx.words[after] === ',' && isQuoteMark(ctx, after + 1)) ||
      (lemma === 'ask' && QUESTION_OPENERS.has(ctx.words[after] ?? '') && ctx.words[after] !== 'about') ||
      // "told the paper she would ...": a subject pronoun can only open the clause.
      (NOMINATIVE_PRONOUNS.has(ctx.words[after] ?? '') && isWord(ctx, after + 1)));
    if (aud && (AUDIENCE_WORDS.has(ctx.words[j]!) || aud.type !== 'role' || ctx.words[aud.last] === 'reporters' || closedByMarker)) j = aud.last + 1;
    else if (!aud) j = audienceBeforePronoun(ctx, j, te);
  }
  // "He said, however, that ...": a parenthetical adverb between the cue and its content.
  if (ctx.words[j] === ',' && PARENTHETICAL_ADVERBS.has(ctx.words[j + 1] ?? '') && ctx.words[j + 2] === ',') j += 3;
  // "pointed out that ...", "points to the polls": the particle belongs to the cue.
  if (lemma === 'point' && (ctx.words[j] === 'out' || ctx.words[j] === 'to') && j + 1 < te) j++;
  // "said on Friday he met ...", "told reporters last week the plan was dead": a time adjunct, then a
  // clause with a subject of its own.
  const afterTime = timeAdjunctAfter(ctx, j, te);
  if (afterTime > j && opensSubject(ctx, afterTime) && ctx.words[afterTime] !== 'that' && afterTime + 1 < te) j = afterTime;
  // An adjunct ended by "that", a comma or a colon.
  else if (j < te && ADJUNCT_OPENERS.has(ctx.words[j]!) && ctx.words[j - 1] !== 'to') {
    const end = adjunctEnd(ctx, j, te);
    if (end >= 0) j = end;
    // "said on Friday he met ...": a time adjunct, then the clause with no "that".
    else j = afterTimeAdjunct(ctx, j, te);
    // "said during a town hall in Buffalo, New York, that ...": a place's state or country set off
    // by commas is still the adjunct's.
    if (end >= 0 && ctx.words[j] === ',') {
      let k = j + 1;
      while (k < te && k <= j + MAX_PLACE_TOKENS && isCapitalized(ctx, k) && isWord(ctx, k)) k++;
      if (k > j + 1 && ctx.words[k] === ',' && ctx.words[k + 1] === 'that') j = k + 1;
    }
  }
  if (ctx.words[j] === ',' && j + 1 < te && isQuoteMark(ctx, j + 1)) return { at: j + 1, marker: 'quote' };
  // "He added, that there is ...": a stray comma before the complementizer.
  if (ctx.words[j] === ',' && ctx.words[j + 1] === 'that' && j === cue + 1 && !isVerbLike(ctx, j + 2)) return { at: j + 2, marker: 'that' };
  if (ctx.words[j] === 'that') return { at: j + 1, marker: 'that' };
  if (ctx.words[j] === ':') return { at: j + 1, marker: 'colon' };
  if (j < te && isQuoteMark(ctx, j)) return { at: j, marker: 'quote' };
  return { at: j, marker: 'bare' };
}

/** Most words of a plain audience phrase before the clause's pronoun ("told the local paper she ..."). */
const MAX_PLAIN_AUDIENCE_WORDS = 3;

/**
 * After a verb that takes an audience, a short phrase opened by a determiner and closed by a subject
 * pronoun ("told the paper she would ...", "assured the local board they had ..."): the token of the
 * pronoun, where the clause starts; `j` when the words are no such phrase.
 */
function audienceBeforePronoun(ctx: QuoteContext, j: number, te: number): number {
  if (!OBJECT_DETERMINERS.has(ctx.words[j] ?? '')) return j;
  for (let m = j + 1; m < te && m <= j + MAX_PLAIN_AUDIENCE_WORDS; m++) {
    const w = ctx.words[m]!;
    if (NOMINATIVE_PRONOUNS.has(w)) return m > j + 1 && isWord(ctx, m + 1) ? m : j;
    if (!isWord(ctx, m) || ctx.regionOf[m]! >= 0 || CUE_VERBS.has(w) || CLAUSE_SIGNS.has(w) || AUDIENCE_STOPS.has(w)) return j;
  }
  return j;
}

/** Words that cannot sit inside a short audience phrase. */
const AUDIENCE_STOPS = new Set(['that', 'to', 'of', 'about', 'for', 'and', 'or', 'but']);

/**
 * The "that" at `k` inside an adjunct is a relative pronoun, not the complementizer, when a verb
 * follows it ("after the meeting that ended the strike that ...") or a short subject and a past verb
 * follow and then a second "that" opening a clause ("after the meeting that he attended that ...").
 * Returns the token to resume scanning at, or -1 when this "that" starts the content.
 */
function relativeThatEnd(ctx: QuoteContext, k: number, te: number): number {
  if (isVerbLike(ctx, k + 1)) return k + 2;
  const limit = Math.min(te - 1, k + MAX_RELATIVE_TOKENS);
  for (let m = k + 2; m <= limit; m++) {
    const w = ctx.words[m]!;
    if (w === ',' || w === ':' || isQuoteMark(ctx, m)) return -1;
    if (w === 'that') return isVerbLike(ctx, m - 1) && opensSubject(ctx, m + 1) ? m : -1;
  }
  return -1;
}

/**
 * The token that ends an adjunct opened at `j` ("in a statement that", "after the meeting, which ran
 * late, that", "after the meeting that he attended that"): its "that", comma or colon; -1 when the
 * words after `j` are the content itself. Bounded by MAX_ADJUNCT_TOKENS.
 */
function adjunctEnd(ctx: QuoteContext, j: number, te: number): number {
  const limit = Math.min(te, j + MAX_ADJUNCT_TOKENS);
  let inRelative = false;
  for (let k = j + 1; k < limit; k++) {
    const w = ctx.words[k]!;
    if (w === ':') return k;
    if (w === ',') {
      if (k + 1 >= te) return -1;
      if (!RELATIVE_OPENERS.has(ctx.words[k + 1]!)) return k;
      // A comma-enclosed relative clause: resume after its closing comma.
      let c = k + 2;
      while (c < limit && ctx.words[c] !== ',' && !isQuoteMark(ctx, c)) c++;
      if (c >= limit || ctx.words[c] !== ',') return -1;
      if (ctx.words[c + 1] !== 'that') return c;
      k = c;
      continue;
    }
    if (w === 'that') {
      const resume = relativeThatEnd(ctx, k, te);
      if (resume < 0) return k;
      if (ctx.words[resume] === 'that') return resume;
      inRelative = true;
      k = resume - 1;
      continue;
    }
    if (isQuoteMark(ctx, k) || CUE_VERBS.has(w)) return -1;
    if (!inRelative && CLAUSE_SIGNS.has(w)) return -1;
  }
  return -1;
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

/** Words that open the question after "asked" ("asked whether ...", "asked about the plan"). */
export const QUESTION_OPENERS = new Set(['whether', 'if', 'what', 'who', 'whom', 'which', 'how', 'why', 'when', 'where', 'about']);

/** Offsets of sentence `s`, its start moved back to the opening of a quotation it continues. */
export function sentenceBounds(ctx: QuoteContext, s: number): { start: number; end: number } {
  const se = ctx.seg.sentences[s]!;
  // A sentence that starts inside a quotation opened in an earlier sentence starts at that quotation.
  const first = ctx.regionOf[se.tokenStart]!;
  if (first >= 0 && ctx.regions[first]!.open < se.start) return { start: ctx.regions[first]!.open, end: se.end };
  return { start: se.start, end: se.end };
}

/** Whether token `k` opens a noun phrase that a cue can take as its object. */
export function opensObjectPhrase(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  if (w === undefined || ctx.regionOf[k]! >= 0) return false;
  // "described themselves as liberals": a reflexive object with its "as" phrase is the description.
  const reflexive = REFLEXIVES.has(w) && ctx.words[k + 1] === 'as';
  return OBJECT_DETERMINERS.has(w) || reflexive || (isCapitalized(ctx, k) && isWord(ctx, k) && !(w in PRONOUNS));
}

/**
 * Whether the words at `k` after "say" are a one-word answer: "yes" or "no" that ends the clause
 * ("said yes.", "said no, but ...") or says no to something ("said no to the war").
 */
export function isOneWordAnswer(ctx: QuoteContext, k: number, te: number): boolean {
  const w = ctx.words[k];
  if ((w !== 'yes' && w !== 'no') || ctx.regionOf[k]! >= 0) return false;
  const next = ctx.words[k + 1];
  return k + 1 >= te || isTerminal(ctx, k + 1) || next === ',' || next === 'to';
}

/** Reflexive pronouns that a verb of describing takes as its object ("described himself as"). */
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself', 'myself', 'ourselves']);

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
 * ("..., President Obama has deemed ...", "..., there's a sense ..."); -1 when none is found.
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
