/**
 * Answer extraction: score the candidate spans of a sentence against the analysed question and
 * keep the best. The score adds what rule-based QA systems found decisive (Hovy et al. 2001;
 * Rajpurkar et al. 2016's hand features): the span is of the expected kind, it is close to the
 * question's words in the sentence, it is not itself made of the question's words, and it sits on
 * the side of the question's verb that the wh-word asks for (subject before, object after).
 */
import { NAME_TITLES as PERSON_TITLES, PLACE_PREPOSITIONS, TIME_PREPOSITIONS } from '../lexicon/qa-patterns';
import type { AnswerType, QaSentence, QaToken, QuestionAnalysis } from './model';
import { candidatesOf, type Candidate, type CandidateKind } from './candidates';
import type { TokenTags } from './tagger';
import { termOf } from './terms';
import { nameKind, runText } from './name-kind';
import { AGENT_ENDING, COUNTRIES, CURRENCY_WORDS, GROUP_NOUNS } from '../lexicon/qa-names';
import { ORGANIZATION_HEADS, PERSON_HEADS } from '../lexicon/qa-answer-types';
import { ORDINAL_WORDS } from '../lexicon/qa-head-classes';
import { DATE_WORDS, NUMBER_WORDS } from '../lexicon/qa-patterns';
import { agentAppositive, clauseSubject, passiveClauseObject, type Doer } from './relative';
import { HEAD_PHRASE_TAGS, MAX_PARENTHETICAL, POSSESSIVE_PRONOUNS, isJoiner, headLinked, headLinks, headOfBefore, instanceOfHead, namedByHead, openingMarkBefore, sameNoun, type HeadLinks } from './head-links';

/** How well a candidate's kind fits the expected answer type (0 = never an answer of that type). */
const TYPE_FIT: Readonly<Record<AnswerType, Partial<Record<CandidateKind, number>>>> = {
  person: { name: 1, noun: 0.3 },
  organization: { name: 1, noun: 0.35 },
  place: { name: 0.9, noun: 0.35 },
  date: { date: 1, number: 0.35 },
  number: { number: 1, date: 0.3 },
  noun: { noun: 0.8, name: 0.75, number: 0.45, date: 0.45, clause: 0.1 },
  clause: { clause: 1, noun: 0.25 },
  quote: { noun: 0.3 },
  yesno: {},
};

import { WEIGHTS } from './weights';

/** A predicate for "How did X die?" ("drowned"): a manner clause ("by ...") fits better. */
const HOW_PREDICATE_FIT = 0.8;
/**
 * A noun phrase (or a clause) for "What do X do?" or "How is X described?": it may be the answer
 * ("a census"), more often the predicate's object or a reason.
 */
const DO_NOUN_FIT = 0.5;

/** What a list adds to the noun fit for a question asking for several things. */
const LIST_BONUS = 0.2;

/** How well a phrase naming people or a group ("the settlers") fits a who-question. */
const GROUP_NOUN_FIT = 0.7;

/** A "what game console" question: its instances are named, so a name fits it best. */
const NAMED_CLASS_FIT: Partial<Record<CandidateKind, number>> = { name: 1, noun: 0.6, number: 0.45, date: 0.3 };

/**
 * The phrase's head names people or a group for sure: a person, organization or group noun, or a
 * plural agent noun ("settlers", "investors", "scientists", "fishermen"), not merely a word with
 * an agent-like ending ("settlements").
 */
function namesPeople(last: string): boolean {
  const singular = last.replace(/s$/, '');
  if (PERSON_HEADS.has(last) || PERSON_HEADS.has(singular) || ORGANIZATION_HEADS.has(last) || ORGANIZATION_HEADS.has(singular) || GROUP_NOUNS.has(last)) return true;
  return last.length > 5 && /(?:ers|ors|ists|ians|ants|eers|smen|swomen|rmen|rwomen)$/.test(last);
}

/** Words right before a term being named: "called | mesoglea", "known as | the bends". */
const NAMING_CUES = new Set(['called', 'as', 'termed', 'named', 'dubbed', 'nicknamed']);

/** Tags of the words that may stand between a verb and its argument. */
const GLUE_TAGS = new Set(['DET', 'ADP', 'ADV', 'PART', 'AUX']);
/** Tokens between a verb and its argument, at most. */
const MAX_GLUE = 4;

/** Between `from` and `to` only function words or capitalized title words: the two are adjacent in the clause. */
function onlyGlue(tokens: readonly QaToken[], tags: TokenTags, from: number, to: number): boolean {
  if (to - from > MAX_GLUE) return false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (CLAUSE_MARKS.has(t.text)) return false;
    if (!GLUE_TAGS.has(tags.pos[i] ?? '') && !(i > 0 && /^\p{Lu}/u.test(t.text))) return false;
  }
  return true;
}

/** Lowercase words a list of names may hold between its names ("Spain, Chile and the Philippines"). */
const NAME_LIST_GLUE = new Set(['and', 'or', 'the', 'of', ',']);

/** Every word of the span is capitalized or list glue: the list's items are names. */
function listOfNames(tokens: readonly QaToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!NAME_LIST_GLUE.has(t.lower) && !/^\p{Lu}/u.test(t.text)) return false;
  }
  return true;
}

/**
 * The span ends where a comma-set parenthetical opens that runs to the verb ("A sharp rise in
 * rents, | after a decade of slow growth in the city, | forced"): the span is the verb's subject,
 * with the parenthetical between. The parenthetical is taken from the
 * verb's comma back to the nearest comma before it.
 */
function beforeParenthetical(tokens: readonly QaToken[], tags: TokenTags, to: number, verbAt: number): boolean {
  const k = verbComma(tokens, tags, verbAt);
  if (k <= to || tokens[to]?.text !== ',' || k - to > MAX_PARENTHETICAL) return false;
  for (let i = to + 1; i < k; i++) if (tokens[i]!.text === ',' || tokens[i]!.text === ';') return false;
  return true;
}

/**
 * The span sits inside such a parenthetical, at its end ("..., after a decade of slow growth | in
 * the city |, forced"): not the subject. An appositive ("The firm's owner, | a Dutch bank |,
 * closed") renames the subject, so it opens with a noun phrase and is left alone.
 */
function endsParenthetical(tokens: readonly QaToken[], tags: TokenTags, from: number, to: number, verbAt: number): boolean {
  const k = verbComma(tokens, tags, verbAt);
  if (k !== to) return false;
  for (let i = from - 1; i > 0 && k - i <= MAX_PARENTHETICAL; i--) {
    if (tokens[i]!.text === ';') return false;
    if (tokens[i]!.text === ',') return !HEAD_PHRASE_TAGS.has(tags.pos[i + 1] ?? '') && !POSSESSIVE_PRONOUNS.has(tokens[i + 1]!.lower);
  }
  return false;
}

/** The comma right before the verb (past its auxiliaries and adverbs), or -1. */
function verbComma(tokens: readonly QaToken[], tags: TokenTags, verbAt: number): number {
  let k = verbAt - 1;
  while (k > 0 && verbAt - k <= MAX_GLUE && GLUE_TAGS.has(tags.pos[k] ?? '') && tokens[k]!.text !== ',') k--;
  return k > 0 && tokens[k]!.text === ',' ? k : -1;
}

/** What a name modifying a common noun keeps of its type fit. */
const NAME_MODIFIER_FIT = 0.5;

/** The word after the span is a lowercase common noun other than the head: the span modifies it. */
function modifiesNoun(tokens: readonly QaToken[], tags: TokenTags, to: number, headTerm: string): boolean {
  const next = tokens[to];
  return next !== undefined && tags.pos[to] === 'NOUN' && /^\p{Ll}/u.test(next.text) && next.term !== headTerm;
}

/** No capitalized word in the span past the sentence's first: a common-noun phrase. */
function commonPhrase(tokens: readonly QaToken[], from: number, to: number): boolean {
  for (let i = Math.max(1, from); i < to; i++) if (/^\p{Lu}/u.test(tokens[i]!.text)) return false;
  return true;
}

function holdsMember(tokens: readonly QaToken[], from: number, to: number, members: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i++) if (members.has(tokens[i]!.lower)) return true;
  return false;
}

/** Spans longer than this (in words) pay `longSpan` per extra word: SQuAD-style answers are short. */
const SHORT_SPAN_WORDS = 5;
/** The same for answers that describe ("What is X?"): a definition runs to a dozen words. */
const DESCRIPTION_SPAN_WORDS = 12;

export interface ScoredCandidate {
  readonly from: number;
  readonly to: number;
  readonly kind: CandidateKind;
  readonly score: number;
  readonly typeFit: number;
}

/** Punctuation, prepositions and relative pronouns never start or end an answer ("which critics" -> "critics"). */
const EDGE_JUNK = new Set(['which', 'whose', 'whom', 'who', ',', ';', ':', '.', '-', '(', ')', '"', "'", 'of', 'and', 'or', 'in', 'on', 'at', 'by', 'to', 'for', 'with', 'from', 'as', "'s"]);

/**
 * Words that never end an answer: once the question's own words are cut from a span's end, what
 * is left must not stop on a determiner or a preposition ("the rainforests of the | Amazon").
 */
const TRAILING_JUNK = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'some', 'any', 'each', 'every', 'no']);
const NOUN_TAGS = new Set(['NOUN', 'PROPN', 'NUM']);

/**
 * Sentence adverbs that link to what was said before ("however", "also"): the tagger can read them
 * into the noun phrase they precede ("also | many places"), and no answer opens with one. Words
 * that are also adjectives ("even numbers", "still water") are not listed: the tagger reads
 * those as adverbs too.
 */
const LEADING_CONNECTIVES = new Set(['however', 'also', 'thus', 'therefore', 'moreover', 'furthermore', 'meanwhile', 'instead', 'indeed', 'nevertheless', 'nonetheless', 'hence', 'consequently']);

/** A predicate's leading linking words ("tend to | be | unstable" -> "unstable"). */
const PREDICATE_LEAD = new Set(['be', 'been', 'being', 'to']);

/** Strip question words and junk from the span's edges. */
function trim(tokens: readonly QaToken[], tags: TokenTags, c: Candidate, q: QuestionAnalysis, headTerm: string): [number, number] {
  let { from, to } = c;
  // A list's items are whole: its first and last items keep the question's words ("..., and
  // specialty trade contractors" for a question about contractors).
  const asked = (t: QaToken): boolean => c.kind !== 'list' && t.content && q.terms.has(t.term) && t.term !== headTerm;
  // A question word inside another name is that name's word: "the Festival of | Britain" is not
  // cut for a question about "the Britain Can Make It exhibition", nor "Channel 4 HD" for one
  // about an HD channel (names the question asks about are refused below).
  const strip = (k: number, inward: number): boolean => {
    const t = tokens[k]!;
    if (EDGE_JUNK.has(t.lower)) return true;
    if (!asked(t)) return false;
    return !(k > 0 && /^\p{Lu}/u.test(t.text) && !PERSON_TITLES.has(t.lower) && insideName(tokens, k, inward, from, to) && !askedNameInside(tokens, from, to, t.term, q));
  };
  while (from < to && (strip(from, 1) || (tokens[from]!.lower === 'the' && from + 1 < to && strip(from + 1, 1)) || (c.kind === 'predicate' && PREDICATE_LEAD.has(tokens[from]!.lower)) || (LEADING_CONNECTIVES.has(tokens[from]!.lower) && tags.pos[from] === 'ADV'))) from++;
  while (to > from && (strip(to - 1, -1) || TRAILING_JUNK.has(tokens[to - 1]!.lower))) to--;
  // "at least 40,000" without its "at" is "least 40,000": the bound goes with it.
  if (to - from > 1 && (tokens[from]!.lower === 'least' || tokens[from]!.lower === 'most') && tokens[from - 1]?.lower === 'at') from++;
  // A bare adjective is what is left of a noun phrase whose noun was cut ("a powerful | magnet"):
  // the span is a modifier without its thing, not an answer. (An adjective that ends its phrase,
  // "the summers are hot and dry", is kept.)
  // Likewise a count left of a noun phrase ("the two | walls"), unless the span is an amount.
  if (to > from && to < c.to && (tags.pos[to - 1] === 'ADJ' || (c.kind === 'noun' && tags.pos[to - 1] === 'NUM')) && NOUN_TAGS.has(tags.pos[to] ?? '')) return [0, 0];
  // A name that shares a name word with the question is the one asked about ("Richard" of
  // "Richard Grenell" for "Who did Grenell meet?"), never its answer (a word the question writes
  // in lowercase is a common word: "the Airport Express" answers "Which train goes to the
  // airport?"); unless it is another name
  // that shares a word with the question's ("the Festival of Britain" for a question about "the
  // Britain Can Make It exhibition": each has words the other lacks).
  if (c.kind === 'name') {
    for (let k = c.from; k < c.to; k++) {
      const t = tokens[k]!;
      if (t.content && q.names.has(t.term) && t.term !== headTerm && !PERSON_TITLES.has(t.lower) && /^\p{Lu}/u.test(t.text) && !/^\p{Lu}+$/u.test(t.text) && !otherName(tokens, c.from, c.to, t.term, q)) return [0, 0];
    }
  }
  // In a name, words up to the last question word that is a title or a lowercase role are its
  // title ("Egyptian President | Anwar Sadat"). Other question words are part of the name ("Lake
  // George" for "On what lake...", "New Paltz" for a question about New York).
  if (c.kind === 'name') {
    for (let k = to - 2; k >= from; k--) {
      const t = tokens[k]!;
      if (t.content && q.terms.has(t.term) && t.term !== headTerm && (PERSON_TITLES.has(t.lower) || /^\p{Ll}/u.test(t.text))) {
        from = k + 1;
        break;
      }
    }
  }
  return [from, to];
}

/** The capitalized word at `k` continues a name toward the span's inside (a capital, a number, or "of" + a capital). */
function insideName(tokens: readonly QaToken[], k: number, inward: number, from: number, to: number): boolean {
  const n = k + inward;
  if (n < from || n >= to) return false;
  const u = tokens[n]!;
  if (u.kind === 'number' || (isWordLike(u) && /^\p{Lu}/u.test(u.text))) return true;
  // "Museum of (the) Harbour", read from either end.
  let m = n;
  if (inward < 0 && u.lower === 'the') m += inward;
  const glue = tokens[m]?.lower;
  if (glue !== 'of' && glue !== 'for') return false;
  m += inward;
  if (inward > 0 && tokens[m]?.lower === 'the') m += inward;
  const v = tokens[m];
  return v !== undefined && m >= from && m < to && /^\p{Lu}/u.test(v.text);
}
const isWordLike = (t: QaToken): boolean => t.kind === 'word' || t.kind === 'number' || t.kind === 'abbrev';

/** The question's name holding `term` is written whole inside [from, to) ("USC" in "USC Trojans"). */
function askedNameInside(tokens: readonly QaToken[], from: number, to: number, term: string, q: QuestionAnalysis): boolean {
  const run = q.nameRuns.find((r) => r.includes(term));
  if (!run) return false;
  return run.every((t) => {
    for (let k = from; k < to; k++) if (tokens[k]!.term === t) return true;
    return false;
  });
}

/**
 * The name [from, to) sharing `term` with the question is another name than the question's: the
 * question's name holding the term and this one each have a capitalized word the other lacks.
 */
function otherName(tokens: readonly QaToken[], from: number, to: number, term: string, q: QuestionAnalysis): boolean {
  const mine = new Set<string>();
  for (let k = from; k < to; k++) if (tokens[k]!.content && /^\p{Lu}/u.test(tokens[k]!.text) && !PERSON_TITLES.has(tokens[k]!.lower)) mine.add(tokens[k]!.term);
  const run = q.nameRuns.find((r) => r.includes(term));
  if (!run) return false;
  const theirs = new Set(run);
  let mineOnly = false;
  for (const t of mine) if (!theirs.has(t)) mineOnly = true;
  let theirsOnly = false;
  for (const t of theirs) if (!mine.has(t)) theirsOnly = true;
  return mineOnly && theirsOnly;
}

/**
 * The span ends on a capitalized word that a name continues with "of (the) + capital" ("the
 * Festival | of Britain"): it is part of a name, not an answer (the whole name is a candidate).
 */
function cutsName(tokens: readonly QaToken[], to: number): boolean {
  if (to < 2 || !/^\p{Lu}/u.test(tokens[to - 1]!.text) || tokens[to]?.lower !== 'of') return false;
  const next = tokens[to + 1]?.lower === 'the' ? tokens[to + 2] : tokens[to + 1];
  return next !== undefined && next.kind === 'word' && /^\p{Lu}/u.test(next.text);
}

/**
 * The span follows words that introduce instances ("such as | RSA", "including | X", "like | X",
 * "for example | X", "e.g. | X"), or is a later item of a list they open ("such as the Ouse, the Aire and | the Calder").
 */
function introducesExample(tokens: readonly QaToken[], from: number): boolean {
  let k = from - 1;
  // Back over the list's earlier items to its opener, within a bounded reach.
  for (let steps = 0; k >= 0 && steps < 16; steps++, k--) {
    const t = tokens[k]!.lower;
    if (t === 'including' || t === 'like' || t === 'e.g.' || t === 'e.g') return true;
    if (t === 'as' && tokens[k - 1]?.lower === 'such') return true;
    if ((t === 'example' || t === 'instance') && tokens[k - 1]?.lower === 'for') return true;
    if (t === '.' || t === ';' || t === ':' || t === '(' || t === ')') return false;
  }
  return false;
}

const YEAR_HEADS = new Set(['year', 'years']);

/** Nouns that count or group what their "of" phrase names ("a small number | of MSPs"). */
const QUANTITY_NOUNS = new Set(['number', 'numbers', 'group', 'groups', 'majority', 'minority', 'lot', 'lots', 'couple', 'handful', 'series', 'pair', 'variety', 'set', 'dozen', 'dozens', 'hundreds', 'thousands', 'millions', 'amount', 'amounts', 'range', 'host', 'plenty', 'team', 'crowd', 'band', 'body', 'collection', 'bunch']);

/**
 * The span ends on a quantity noun whose "of" phrase follows: what is counted is missing (that
 * longer span is a candidate). Unless the question asks for that noun ("What collection ...").
 */
function cutsQuantity(tokens: readonly QaToken[], to: number): boolean {
  return to > 0 && QUANTITY_NOUNS.has(tokens[to - 1]!.lower) && tokens[to]?.lower === 'of';
}

/** One occurrence of a question term in the sentence. */
interface Match {
  readonly i: number;
  /** Index of the term in `MatchContext.terms`. */
  readonly termId: number;
  /** Clause boundaries (commas, semicolons, brackets, dashes) before this token in the sentence. */
  readonly clause: number;
}

interface MatchContext {
  readonly matches: readonly Match[];
  /** The distinct matched terms with their weight and side in the question's statement form (-1 left, 1 right, 0 none). */
  readonly terms: ReadonlyArray<{ readonly weight: number; readonly side: number }>;
  readonly clauseAt: Int32Array;
  readonly totalWeight: number;
  /** Scratch space, one slot per term: nearest distance and its match. */
  readonly nearest: Float64Array;
  readonly nearestAt: Int32Array;
}

const CLAUSE_MARKS = new Set([',', ';', ':', '(', ')', '\u2013', '\u2014', '--']);

/** Question-term occurrences and a running clause counter, computed once per sentence. */
function matchContext(tokens: readonly QaToken[], q: QuestionAnalysis): MatchContext {
  const matches: Match[] = [];
  const terms: Array<{ weight: number; side: number }> = [];
  const ids = new Map<string, number>();
  const clauseAt = new Int32Array(tokens.length + 1);
  let clause = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CLAUSE_MARKS.has(t.text)) clause++;
    clauseAt[i] = clause;
    const weight = t.content ? q.terms.get(t.term) : undefined;
    if (weight === undefined) continue;
    let termId = ids.get(t.term);
    if (termId === undefined) {
      termId = terms.length;
      ids.set(t.term, termId);
      terms.push({ weight, side: q.leftTerms.has(t.term) ? -1 : q.rightTerms.has(t.term) ? 1 : 0 });
    }
    matches.push({ i, termId, clause });
  }
  clauseAt[tokens.length] = clause;
  let totalWeight = 0;
  for (const w of q.terms.values()) totalWeight += w;
  return { matches, terms, clauseAt, totalWeight, nearest: new Float64Array(terms.length), nearestAt: new Int32Array(terms.length) };
}

interface Placement {
  /** 1 / (1 + weighted mean distance / 4) to each matched term's nearest occurrence. */
  readonly proximity: number;
  /** -1..1: question terms on the side the question's statement form puts them. */
  readonly order: number;
  /** Share of the question's weight found within WINDOW tokens of the span. */
  readonly window: number;
  /** Mean number of clause boundaries between the span and the matched terms. */
  readonly clauses: number;
}

/** Tokens each side of the span whose question words count for `window`. */
const WINDOW = 3;

function placement(ctx: MatchContext, from: number, to: number): Placement {
  const { matches, terms, nearest, nearestAt } = ctx;
  nearest.fill(Infinity);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (m.i >= from && m.i < to) continue;
    const d = m.i < from ? from - m.i - 1 : m.i - to;
    if (d < nearest[m.termId]!) {
      nearest[m.termId] = d;
      nearestAt[m.termId] = k;
    }
  }
  let dist = 0;
  let weight = 0;
  let agree = 0;
  let sided = 0;
  let clauses = 0;
  let windowWeight = 0;
  const spanClause = ctx.clauseAt[from]!;
  for (let id = 0; id < terms.length; id++) {
    const d = nearest[id]!;
    if (d === Infinity) continue;
    const m = matches[nearestAt[id]!]!;
    const { weight: w, side } = terms[id]!;
    dist += w * d;
    weight += w;
    clauses += w * Math.abs(m.clause - spanClause);
    if (d < WINDOW) windowWeight += w;
    if (side !== 0) {
      sided += w;
      agree += (side < 0 && m.i < from) || (side > 0 && m.i >= to) ? w : -w;
    }
  }
  if (weight === 0) return { proximity: 0, order: 0, window: 0, clauses: 0 };
  return {
    proximity: 1 / (1 + dist / weight / 4),
    order: sided ? agree / sided : 0,
    window: ctx.totalWeight ? windowWeight / ctx.totalWeight : 0,
    clauses: clauses / weight,
  };
}

/** Every token of the span is a date: tagged so, or a day name the tagger missed ("met on Sunday"). */
function allDateTokens(tokens: readonly QaToken[], tags: TokenTags, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tags.entity[i] !== 'DATE' && tags.entity[i] !== 'TIME' && !DATE_WORDS.has(tokens[i]!.lower)) return false;
  return true;
}

/** What the extractor knows of the sentence's surroundings. */
export interface SentenceContext {
  /** Words the article capitalizes inside sentences (see QaIndex.knownNames). */
  readonly knownNames: ReadonlySet<string>;
  /** Terms of the previous and next sentences: a focus modifier may sit next to the answer's sentence. */
  readonly neighbourTerms: ReadonlySet<string>;
}

/** Heads that ask for a country: the answer must be one the gazetteer knows, not any capitalized run. */
const COUNTRY_HEADS = new Set(['country', 'countries', 'nation', 'nations']);
/**
 * Tokens between the span and the focus's head noun at most: "Mexican President | Claudia
 * Sheinbaum", "Petro, the president", "Okoro was an important early modern figure".
 */
const FOCUS_HEAD_WINDOW = 12;

/**
 * Answer-type agreement beyond the coarse candidate kind: a "who" answer is a person or an
 * organization (or a country acting), never a nationality adjective or a sentence-initial common
 * word; a "which country" answer is a country; a place is not a person.
 */
function kindAgrees(tokens: readonly QaToken[], c: Candidate, from: number, to: number, q: QuestionAnalysis, env: SentenceContext): boolean {
  if (c.kind === 'noun' && (q.answerType === 'person' || q.answerType === 'organization')) return namesAgent(tokens, from, to);
  if (c.kind !== 'name') return true;
  if (q.answerType !== 'person' && q.answerType !== 'organization' && q.answerType !== 'place') return true;
  const nk = nameKind(tokens, from, to, c.from, env.knownNames);
  if (nk === 'demonym' || nk === 'common') return false;
  if (q.answerType === 'place') {
    if (nk === 'person') return false;
  }
  return true;
}

/** "Which country ...": only a country the gazetteer knows answers, never "home country" or a person. */
function countryAgrees(tokens: readonly QaToken[], from: number, to: number, q: QuestionAnalysis, kind: CandidateKind): boolean {
  if (!COUNTRY_HEADS.has(q.head) || q.answerType !== 'place') return true;
  if (kind !== 'list') return COUNTRIES.has(runText(tokens, from, to));
  // A list of countries ("Spain, Chile and the Philippines"): every item is one.
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !LIST_SEPARATORS.has(tokens[i]!.lower)) continue;
    if (i > start && !COUNTRIES.has(runText(tokens, start, i))) return false;
    start = i + 1;
  }
  return true;
}
const LIST_SEPARATORS = new Set([',', 'and', 'or']);

/**
 * "... Grenell met with Venezuelan President Nicolas Maduro ... and brought six US citizens
 * back": Maduro is the object of "met", so he is not who brought them. For a question asking for
 * the subject of its verb, a name governed by another verb before it is not the answer.
 */
function objectOfOtherVerb(tokens: readonly QaToken[], tags: TokenTags, runFrom: number, to: number, verbAt: number, q: QuestionAnalysis): boolean {
  if (!q.asksSubject || verbAt < 0 || to > verbAt || !VERB_CHECKED_TYPES.has(q.answerType)) return false;
  // Back over the name's title and adjectives ("met with Venezuelan President | Nicolas Maduro").
  let k = runFrom - 1;
  for (let skipped = 0; k >= 0 && skipped < 4 && (tags.pos[k] === 'ADP' || tags.pos[k] === 'DET' || /^\p{Lu}/u.test(tokens[k]!.text) || PERSON_TITLES.has(tokens[k]!.lower)); skipped++) k--;
  return k >= 0 && tags.pos[k] === 'VERB' && tokens[k]!.term !== tokens[verbAt]!.term;
}

/**
 * A lowercase phrase answers "who" only when it names people or a group: it ends with a person
 * or group noun ("the settlers", "local officials", "architects") or holds a name ("a Radio
 * Lollipop station").
 */
function namesAgent(tokens: readonly QaToken[], from: number, to: number): boolean {
  // A capitalized day name is a date, not a name ("on Sunday").
  for (let i = from; i < to; i++) if (/^\p{Lu}/u.test(tokens[i]!.text) && i > 0 && !DATE_WORDS.has(tokens[i]!.lower)) return true;
  const last = tokens[to - 1]!.lower;
  const singular = last.replace(/s$/, '');
  if (PERSON_HEADS.has(last) || PERSON_HEADS.has(singular) || ORGANIZATION_HEADS.has(last) || ORGANIZATION_HEADS.has(singular) || GROUP_NOUNS.has(last)) return true;
  return last.length > 4 && AGENT_ENDING.test(last);
}

/** "How much did it cost": the span carries a currency (sign, word, or the tagger's MONEY). */
function isMoney(tokens: readonly QaToken[], tags: TokenTags, from: number, to: number): boolean {
  for (let i = from; i < Math.min(tokens.length, to + 1); i++) {
    const t = tokens[i]!;
    if (CURRENCY_SYMBOLS_IN_SPAN.has(t.text) || CURRENCY_WORDS.has(t.lower) || (i < to && tags.entity[i] === 'MONEY')) return true;
  }
  return false;
}
const CURRENCY_SYMBOLS_IN_SPAN = new Set(['$', '\u00A3', '\u20AC', '\u00A5', '\u20B9']);

/** The number fits what the question measures: money for "how much ... cost", a unit for "how much". */
function measureAgrees(tokens: readonly QaToken[], tags: TokenTags, kind: CandidateKind, from: number, to: number, q: QuestionAnalysis): boolean {
  if (q.answerType !== 'number' || !q.measure) return true;
  if (q.measure === 'money') return kind === 'number' && isMoney(tokens, tags, from, to);
  // "How much ...?" is not answered by a bare count word ("six" citizens).
  if (q.measure === 'quantity') return !(to - from === 1 && NUMBER_WORDS.has(tokens[from]!.lower));
  // "How many ...?" asks for a count: a time ("the past week", "1990") is no count, nor a rank
  // ("the first day", "the 3rd round").
  if (q.measure === 'count') return kind === 'number' && !rankOnly(tokens, from, to);
  return true;
}

/** The span's numbers are all ordinals ("first", "3rd"): it ranks, it does not count. */
function rankOnly(tokens: readonly QaToken[], from: number, to: number): boolean {
  let rank = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (ORDINAL_WORDS.has(t.lower) || (t.kind === 'number' && /^\d+(?:st|nd|rd|th)$/i.test(t.text))) rank = true;
    else if (t.kind === 'number' || NUMBER_WORDS.has(t.lower)) return false;
  }
  return rank;
}

/**
 * The question's key constraint holds for the span: its head noun ("president") within
 * FOCUS_HEAD_WINDOW tokens of the span (a title before the name counts), and each modifier
 * ("Colombia") in the sentence or a neighbouring one.
 */
function focusHolds(tokens: readonly QaToken[], s: QaSentence, runFrom: number, from: number, to: number, q: QuestionAnalysis, env: SentenceContext): boolean {
  const f = q.focus;
  if (!f || !FOCUS_TYPES.has(q.answerType)) return true;
  let head = false;
  const lo = Math.max(0, Math.min(runFrom, from) - FOCUS_HEAD_WINDOW);
  const hi = Math.min(tokens.length, to + FOCUS_HEAD_WINDOW);
  for (let i = lo; i < hi && !head; i++) if (tokens[i]!.term === f.head && (i < from || i >= to)) head = true;
  if (!head) return false;
  return f.modifiers.every((m) => s.termCounts.has(m) || env.neighbourTerms.has(m));
}
/** Answer types whose copular focus must hold ("Who is the president of X?"). */
const FOCUS_TYPES: ReadonlySet<AnswerType> = new Set(['person', 'organization']);

function scoreCandidate(tokens: readonly QaToken[], tags: TokenTags, c: Candidate, q: QuestionAnalysis, headTerm: string, verbAt: number, ctx: MatchContext, s: QaSentence, env: SentenceContext, links: HeadLinks): ScoredCandidate | null {
  const [from, to] = trim(tokens, tags, c, q, headTerm);
  if (to <= from) return null;
  if (cutsName(tokens, to) || (cutsQuantity(tokens, to) && tokens[to - 1]!.term !== headTerm)) return null;
  let kind = c.kind;
  // A capitalized run made only of date words ("Friday", "January") is a date, not a name.
  if (kind === 'name' && allDateTokens(tokens, tags, from, to)) kind = 'date';
  // A list answers only a question asking for several things, as its items' kind would.
  // A list fits a plural ask better than any one of its items does.
  // A list of names ("Spain, Chile and the Philippines") fits as its names do.
  const listBase = TYPE_FIT[q.answerType][kind === 'list' && listOfNames(tokens, from, to) ? 'name' : 'noun'] ?? 0;
  let typeFit = kind === 'list' ? (q.plural ? Math.min(1, listBase + LIST_BONUS) : 0) : q.wantsName ? (NAMED_CLASS_FIT[kind] ?? 0) : (TYPE_FIT[q.answerType][kind] ?? 0);
  // A predicate answers only a question asking what its subject does or is like; there a noun
  // phrase is most often the predicate's object, not the answer.
  if (kind === 'predicate') typeFit = q.predicate === 'do' || q.predicate === 'describe' ? 1 : q.predicate === 'how' ? HOW_PREDICATE_FIT : 0;
  else if (q.predicate === 'do' || q.predicate === 'describe') typeFit *= DO_NOUN_FIT;
  // "Who backed the policy?" -> "the settlers", "local officials": a phrase naming people or a
  // group answers a who-question as well as a name does (kindAgrees below requires such a head);
  // a phrase holding a name ("Venezuelan President Nicolas Maduro") is scored as the name is.
  if (kind === 'noun' && (q.wh === 'who' || q.wh === 'whom') && commonPhrase(tokens, from, to) && namesPeople(tokens[to - 1]!.lower)) typeFit = GROUP_NOUN_FIT;
  // A name that modifies a common noun after it ("a Greek | edition", "the Swiss | design") is an
  // adjective there, not the thing asked for, unless that noun is the asked head ("German |
  // design" for "What design ...").
  if (kind === 'name' && q.answerType === 'noun' && modifiesNoun(tokens, tags, to, headTerm)) typeFit *= NAME_MODIFIER_FIT;
  if (typeFit === 0) return null;
  // "Which continent": only a member of the class answers.
  if (q.members && !holdsMember(tokens, from, to, q.members)) return null;
  if (!kindAgrees(tokens, c, from, to, q, env) || !countryAgrees(tokens, from, to, q, kind)) return null;
  if (kind === 'name' && objectOfOtherVerb(tokens, tags, Math.min(c.from, from), to, verbAt, q)) return null;
  if (!measureAgrees(tokens, tags, kind, from, to, q)) return null;
  if (!focusHolds(tokens, s, c.from, from, to, q, env)) return null;
  let content = 0;
  let inQuestion = 0;
  let asked = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!t.content) continue;
    content++;
    if (q.terms.has(t.term)) {
      asked++;
      if (t.term !== headTerm) inQuestion++;
    }
  }
  if (content === 0 && kind !== 'number' && kind !== 'date') return null;
  // Made only of the question's own words ("the capital" for "What is the capital of France?").
  if (content > 0 && asked === content) return null;
  const overlap = content ? inQuestion / content : 0;
  if (overlap >= 1) return null;

  const p = placement(ctx, from, to);
  let score = WEIGHTS.type * typeFit + WEIGHTS.proximity * p.proximity - WEIGHTS.overlap * overlap;
  score += WEIGHTS.order * p.order + WEIGHTS.window * p.window - WEIGHTS.clause * Math.min(3, p.clauses);
  if (verbAt >= 0 && q.answerType !== 'clause') {
    // A passive sentence ("studies led by Maxime Faget") puts the subject after the verb's "by".
    const passive = tokens[verbAt + 1]?.lower === 'by' || tokens[verbAt + 2]?.lower === 'by';
    const before = to <= verbAt;
    const after = from > verbAt;
    // A phrase closing a parenthetical before the verb is not its subject (the phrase before the parenthetical is).
    if (q.asksSubject) score += (passive ? after : before && !endsParenthetical(tokens, tags, from, to, verbAt)) ? WEIGHTS.verbSide : -WEIGHTS.verbSide;
    else if (passive ? before : after) score += WEIGHTS.verbSide;
    // The argument slot itself: the phrase right after the verb (its object, or its agent after
    // "by") or right before it (its subject), with only function words or a name's title between
    // ("built | the first dam", "met with Venezuelan President | Nicolas Maduro", "the council | had | approved").
    const objectSlot = (passive ? q.asksSubject : !q.asksSubject) && from > verbAt && onlyGlue(tokens, tags, verbAt + 1, from);
    const subjectSlot = (passive ? !q.asksSubject : q.asksSubject) && to <= verbAt && (onlyGlue(tokens, tags, to, verbAt) || beforeParenthetical(tokens, tags, to, verbAt));
    if (objectSlot || subjectSlot) score += WEIGHTS.slot;
  }
  // "What is X called?" -> the phrase right after "called / known as / termed / named" in the sentence.
  if (q.asksTerm && NAMING_CUES.has(tokens[openingMarkBefore(tokens, from)]?.lower ?? '')) score += WEIGHTS.head;
  // "In which year ...?" is answered by the year, not the whole date ("March | 2009"); other date questions by the whole date.
  if (c.year) {
    if (!YEAR_HEADS.has(q.head)) return null;
    score += WEIGHTS.head;
  }
  // "What kind of membrane": the kind is the modifier right before the head ("the phagosomal | membrane").
  if (c.modifier) score += WEIGHTS.kind;
  // In an example question the head names the class ("an example of a rare bird"), and a span ending in it is the class, not an instance.
  if (headTerm && !(q.asksExample && tokens[to - 1]!.term === headTerm)) {
    // At either edge inside ("Lake George", "the TGIF block") or just outside ("the block | TGIF").
    // A phrase ending in the head that the sentence equates with another phrase is the class
    // ("the Old Fort, | a stone fortification"): the other phrase is the member asked for.
    const classMention = tokens[to - 1]!.term === headTerm && links.sources.has(to - 1) && !q.asksKind;
    if (!classMention) {
      if (tokens[to - 1]!.term === headTerm || tokens[to]?.term === headTerm || tokens[from - 1]?.term === headTerm || (c.kind === 'name' && tokens[from]!.term === headTerm && sameNoun(tokens[from]!.lower, q.head)) || namedByHead(tokens, from, to, q.head) || headOfBefore(tokens, from, headTerm)) score += WEIGHTS.head;
      else if (!q.asksKind && (headLinked(tokens, links, from, to) || instanceOfHead(tokens, from, headTerm))) score += WEIGHTS.head;
    }
  }
  // "What is an example of X?" -> "X such as | Y": the answer follows a phrase introducing instances.
  if (q.asksExample && introducesExample(tokens, from)) score += WEIGHTS.example;
  // "pump water into what?" -> "into | the mesoglea": the answer follows the question's preposition.
  if (q.whPreposition && c.preposition === q.whPreposition) score += WEIGHTS.preposition;
  if (q.answerType === 'place') {
    if (PLACE_PREPOSITIONS.has(c.preposition)) score += WEIGHTS.placePreposition;
    // A run holding a title is a person ("President Nicolas Maduro"), not a place.
    for (let i = from; i < to; i++) if (PERSON_TITLES.has(tokens[i]!.lower)) score -= WEIGHTS.placePreposition * 2;
  }
  if (q.answerType === 'date' && TIME_PREPOSITIONS.has(c.preposition)) score += WEIGHTS.placePreposition / 2;
  // Words, not tokens: a list's commas and a compound's hyphens make it no longer.
  let words = 0;
  for (let i = from; i < to; i++) if (isWordLike(tokens[i]!)) words++;
  // A description ("What were the conditions in the camps?") is a phrase with its "of" phrases,
  // and a reason or a manner a whole clause ("because the boats had become too expensive"): long
  // spans are not penalized up to DESCRIPTION_SPAN_WORDS.
  const shortest = q.describes || q.answerType === 'clause' || kind === 'list' || kind === 'predicate' ? DESCRIPTION_SPAN_WORDS : SHORT_SPAN_WORDS;
  if (words > shortest) score -= WEIGHTS.longSpan * (words - shortest);
  return { from, to, kind, score, typeFit };
}

/** The best answer span in a sentence, or null when no span of a fitting kind is there. */
export function bestCandidate(s: QaSentence, tags: TokenTags, q: QuestionAnalysis, env: SentenceContext = { knownNames: new Set(), neighbourTerms: new Set() }): ScoredCandidate | null {
  const headTerm = q.head ? termOf(q.head) : '';
  // The verb whose object is asked: the one before the question's gap when the question ends on
  // it and the sentence has it as a verb ("banned"), else the first of the question's verbs found.
  const gapTerm = gapVerbTerm(q);
  const gapAt = gapTerm ? s.tokens.findIndex((t, i) => t.term === gapTerm && tags.pos[i] === 'VERB') : -1;
  const verbAt = gapAt >= 0 ? gapAt : q.verbTerms.size ? s.tokens.findIndex((t) => q.verbTerms.has(t.term)) : -1;
  if (!mainVerbSupported(s, q, env)) return null;
  const doer = clauseDoer(s.tokens, tags, q);
  if (doer === OBJECT_MISMATCH) return null;
  const subject = doer ? (doer.kind === 'description' ? doer.to - 1 : NO_SUBJECT) : describedSubject(s.tokens, q);
  if (subject === PRONOUN_SUBJECT) return null;
  let best: ScoredCandidate | null = null;
  const described: ScoredCandidate[] = [];
  const ctx = matchContext(s.tokens, q);
  const links = headLinks(s.tokens, tags, headTerm);
  const candidates = candidatesOf(s.tokens, tags, q.terms, q.predicate !== null);
  if (q.asksKind && headTerm) kindModifiers(s.tokens, tags, headTerm, q.terms, candidates);
  for (const c of candidates) {
    // A named doer of a relative clause is the only answer ("Okafor, who opposed the project" -> "Okafor").
    // (Its noun phrase too: a sentence's first word may be a common noun the tagger took for a name, "Residents, who".)
    if (doer && doer.kind === 'name' && ((c.kind !== 'name' && c.kind !== 'noun') || c.from < doer.from || c.to > doer.to)) continue;
    // A described subject is the only answer this sentence can give ("the council refused" -> "the council").
    if (subject >= 0 && (c.kind !== 'noun' || c.to !== subject + 1 || q.answerType === 'place' || s.tokens[subject]!.term === headTerm)) continue;
    const scored = scoreCandidate(s.tokens, tags, c, q, headTerm, verbAt, ctx, s, env, links);
    if (process.env.QA_DEBUG && scored) console.log('   cand', s.index, s.tokens.slice(scored.from, scored.to).map((t) => t.text).join(' '), scored.kind, scored.score.toFixed(2));
    if (scored && (!best || scored.score > best.score)) best = scored;
    if (scored && q.describes && scored.kind === 'noun') described.push(scored);
  }
  return best && q.describes ? describedWhole(best, described) : best;
}

/** Auxiliaries of do-support: "What did X ban?" asks for the object of the verb at its end. */
const DO_AUX = new Set(['do', 'does', 'did']);
/** Prepositions a question may strand after its verb ("What do the farms depend on?"). */
const STRANDED = new Set(['for', 'with', 'to', 'from', 'on', 'upon', 'in', 'into', 'about', 'at', 'by', 'of', 'over', 'through']);
/** Words that end a question without being its verb. */
const NOT_GAP_VERBS = new Set(['do', 'does', 'did', 'be', 'is', 'are', 'was', 'were', 'instead', 'ago', 'also', 'today', 'now', 'then', 'there', 'here']);
/** Longest question read for its gap, in words and in characters. */
const MAX_GAP_WORDS = 40;
const MAX_GAP_CHARS = 400;

/**
 * "What did the council's housing plan ban?" -> the term of "ban": after do-support the asked
 * object's slot is right after the verb that ends the question (or after the verb and its
 * stranded preposition: "What do the farms depend on?"). The tagger often reads that last word as
 * a noun ("the housing plan ban"), so the word is taken by its place. Null when the
 * question is not of that form (a lowercase word after "do/does/did" ending it).
 */
function gapVerbTerm(q: QuestionAnalysis): string | null {
  // A question too long to be read whole has no end to read the verb from.
  if ((q.wh !== 'what' && q.wh !== 'which') || q.text.length > MAX_GAP_CHARS) return null;
  const words = q.text.split(/\s+/).map((w) => w.replace(/[?.!,;:"]+$/u, '')).filter(Boolean);
  if (words.length > MAX_GAP_WORDS) return null;
  const wh = words.findIndex((w) => w.toLowerCase() === q.wh);
  const aux = words.findIndex((w, i) => i > wh && DO_AUX.has(w.toLowerCase()));
  if (wh < 0 || aux < 0) return null;
  let last = words.length - 1;
  if (STRANDED.has(words[last]!.toLowerCase())) last--;
  // Subject and verb both after the auxiliary.
  if (last < aux + 2) return null;
  const w = words[last]!;
  if (!/^\p{Ll}+$/u.test(w) || NOT_GAP_VERBS.has(w)) return null;
  // A verb the tagger found between the subject's first word and the last word is the question's
  // verb ("What did the inspectors find in the north wing?"): the last word ends a phrase after it.
  for (let i = aux + 2; i < last; i++) if (q.verbTerms.has(termOf(words[i]!.toLowerCase(), true))) return null;
  return termOf(w, true);
}

/** Words before a head noun that do not say what sort it is ("other", "such", "same"). */
const NOT_A_KIND = new Set(['other', 'another', 'such', 'same', 'various', 'different', 'many', 'several', 'some', 'all', 'both', 'each', 'every', 'most', 'more', 'certain']);
const KIND_MODIFIER_TAGS = new Set(['ADJ', 'NOUN', 'PROPN']);
/** Modifier words taken before the head at most ("heavy civil engineering | construction"). */
const MAX_KIND_MODIFIER = 4;

/**
 * "What kind of membrane ...?": each run of adjectives and nouns right before the head noun in
 * the sentence ("the phagosomal | membrane", "other criminal | investigations") is a candidate,
 * without determiners and words like "other" that say nothing of the sort.
 */
function kindModifiers(tokens: readonly QaToken[], tags: TokenTags, headTerm: string, questionTerms: ReadonlyMap<string, number>, out: Candidate[]): void {
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.term !== headTerm) continue;
    // The head's own compound words the question repeats ("what type of T cells": "Vδ2 | T | cells").
    let end = i;
    while (end > 0 && i - end < 2 && tokens[end - 1]!.content && questionTerms.has(tokens[end - 1]!.term)) end--;
    let j = end;
    while (j > 0 && end - j < MAX_KIND_MODIFIER && !NOT_A_KIND.has(tokens[j - 1]!.lower)) {
      const p = tags.pos[j - 1] ?? '';
      // Joined modifiers ("Vγ9/Vδ2", "long-lasting") and a degree adverb before an adjective ("long lasting").
      const joined = isJoiner(tokens[j - 1]!) && j - 2 >= 0 && tokens[j - 1]!.start === tokens[j - 2]!.end && tokens[j]!.start === tokens[j - 1]!.end;
      if (KIND_MODIFIER_TAGS.has(p) || joined || (p === 'ADV' && tags.pos[j] === 'ADJ')) j--;
      else break;
    }
    while (j < end && isJoiner(tokens[j]!)) j++;
    if (j < end) out.push({ from: j, to: end, kind: 'noun', preposition: '', modifier: true });
  }
}

/**
 * For a description question, the chosen noun phrase with its "of" phrases ("a network | of
 * volunteers of the port district"): the longest candidate that starts where the chosen one does,
 * within DESCRIPTION_SPAN_WORDS, keeping the chosen one's score.
 */
function describedWhole(best: ScoredCandidate, described: readonly ScoredCandidate[]): ScoredCandidate {
  let whole = best;
  for (const c of described) if (c.from === best.from && c.to > whole.to && c.to - c.from <= DESCRIPTION_SPAN_WORDS) whole = c;
  return whole === best ? best : { ...whole, score: best.score };
}

/** The sentence's verb is passive in a parenthetical about something the question does not ask about. */
const OBJECT_MISMATCH = 'object-mismatch';

/**
 * For a question asking for the subject of its verb, what a relative clause or parenthetical says
 * about the verb's doer in this sentence (see relative.ts): the antecedent of "who"/"which"/"that"
 * right before the verb ("Councillor David Okafor, who opposed the project"), or the phrase before
 * a parenthetical that separates a subject from its verb ("The board, which met on Sunday,
 * named"). For a passive verb inside such a clause ("Greenleaf Books, which was founded by Tomas
 * Varga") the clause's phrase is what was done to: when it shares none of the question's object
 * words, the sentence does not answer ("Who founded the museum?"). Null when no such clause decides.
 */
function clauseDoer(tokens: readonly QaToken[], tags: TokenTags, q: QuestionAnalysis): Doer | typeof OBJECT_MISMATCH | null {
  if (!q.asksSubject || !VERB_CHECKED_TYPES.has(q.answerType)) return null;
  const mainVerb = q.verbTerms.values().next().value;
  if (mainVerb === undefined) return null;
  const v = tokens.findIndex((t) => t.term === mainVerb);
  if (v <= 0) return null;
  const objectTerms = [...q.rightTerms].filter((t) => !q.verbTerms.has(t));
  const holdsObject = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) if (objectTerms.includes(tokens[i]!.term)) return true;
    return false;
  };
  // "Ahmed Nour, the designer of the tower," answers "Who designed the tower?", not "... the bridge?".
  const agent = agentAppositive(tokens, tags, v);
  if (agent) {
    // "Its organizer, Kofi Mensah,": what "its" stands for is in another sentence; retrieval judged that.
    const ofPronoun = POSSESSIVE_PRONOUNS.has(tokens[agent.description.from]!.lower);
    if (objectTerms.length > 0 && !ofPronoun && !holdsObject(agent.description.from, agent.description.to)) return OBJECT_MISMATCH;
    return { ...agent.name, kind: 'name' };
  }
  const done = passiveClauseObject(tokens, tags, v);
  if (done) {
    if (objectTerms.length === 0 || holdsObject(done.from, done.to)) return null;
    return OBJECT_MISMATCH;
  }
  if (tokens[v + 1]?.lower === 'by' || tokens[v - 1]?.lower === 'to') return null;
  const doer = clauseSubject(tokens, tags, v, (t) => SUBJECT_GAP.has(t.lower) || /^\p{Ll}+ly$/u.test(t.text));
  if (!doer) return null;
  // "Jonas Berg, who founded the startup" does not say who founded the bakery: the question's
  // object words (if it has any) must follow the verb.
  if (objectTerms.length > 0 && !holdsObject(v + 1, tokens.length)) return OBJECT_MISMATCH;
  return doer;
}

/** Words between a subject and its verb that are not the subject ("had agreed", "also refused"). */
const SUBJECT_GAP = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'did', 'does', 'do', 'also', 'not', 'never', 'already', 'then', 'just', 'still', 'later', 'first', 'finally', 'eventually', 'since', 'been']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'who', 'which']);
const NO_SUBJECT = -1;
const PRONOUN_SUBJECT = -2;

/**
 * "Which country agreed to accept military aircraft?" over "... after the White House said the
 * South American nation had agreed to ...": the subject of the asked verb is a description ("the
 * South American nation") or a pronoun, so the sentence does not name the answer, and the names
 * around it ("White House", "Colombia") fill other roles. For a name-type question asking for
 * the subject, such a sentence gives no name as answer (another sentence may): with a pronoun no
 * span at all, with a description only the description itself ("the council"), and not even
 * that when it only repeats the asked kind ("the nation" for "which country").
 * Returns the description's last token, PRONOUN_SUBJECT, or NO_SUBJECT.
 */
function describedSubject(tokens: readonly QaToken[], q: QuestionAnalysis): number {
  if (!q.asksSubject || (q.answerType !== 'person' && q.answerType !== 'organization' && q.answerType !== 'place')) return NO_SUBJECT;
  const mainVerb = q.verbTerms.values().next().value;
  if (mainVerb === undefined) return NO_SUBJECT;
  const v = tokens.findIndex((t) => t.term === mainVerb);
  if (v <= 0) return NO_SUBJECT;
  // Passive ("was designed by X") and infinitives ("agreed to accept") put the subject elsewhere.
  if (tokens[v + 1]?.lower === 'by' || tokens[v + 2]?.lower === 'by' || tokens[v - 1]?.lower === 'to') return NO_SUBJECT;
  let k = v - 1;
  while (k >= 0 && (SUBJECT_GAP.has(tokens[k]!.lower) || /^\p{Ll}+ly$/u.test(tokens[k]!.text))) k--;
  if (k < 0) return NO_SUBJECT;
  const t = tokens[k]!;
  if (t.kind !== 'word') return NO_SUBJECT;
  if (PRONOUNS.has(t.lower)) return PRONOUN_SUBJECT;
  // "the South American nation": a lowercase noun after a determiner-led phrase, with no name as its head.
  if (!/^\p{Ll}/u.test(t.text)) return NO_SUBJECT;
  for (let j = k - 1; j >= 0 && k - j <= 5; j--) {
    const u = tokens[j]!;
    if (u.lower === 'the' || u.lower === 'this' || u.lower === 'that') return k;
    if (u.kind !== 'word') return NO_SUBJECT;
  }
  return NO_SUBJECT;
}

/**
 * "Which country agreed to accept military aircraft?" is not answered by "Mexico refused to
 * accept ...": when the question asks for the subject of its verb, that verb (or its word family)
 * must be in the answer's own sentence (a subject and its verb are); the other words matching is
 * not enough.
 */
function mainVerbSupported(s: QaSentence, q: QuestionAnalysis, env: SentenceContext): boolean {
  if (!q.asksSubject || !VERB_CHECKED_TYPES.has(q.answerType)) return true;
  const mainVerb = q.verbTerms.values().next().value;
  if (mainVerb === undefined) return true;
  return s.termCounts.has(mainVerb);
}
const VERB_CHECKED_TYPES: ReadonlySet<AnswerType> = new Set(['person', 'organization', 'place']);
