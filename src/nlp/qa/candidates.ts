/**
 * Candidate answer spans in one sentence, by kind: names (capitalized runs), dates, amounts, noun
 * phrases (from POS tags) and clauses (reasons and manners). Each candidate is a token range; the
 * extractor scores them against the question. Every generator is one linear pass with a bounded
 * span length, so a hostile sentence cannot blow up.
 */
import {
  AMOUNT_MODIFIERS,
  CURRENCY_SYMBOLS,
  DATE_MODIFIERS,
  DATE_WORDS,
  MANNER_OPENERS,
  MONTHS,
  NAME_TITLES,
  NUMBER_WORDS,
  REASON_OPENERS,
} from '../lexicon/qa-patterns';
import type { QaToken } from './model';
import type { TokenTags } from './tagger';

export type CandidateKind = 'name' | 'date' | 'number' | 'noun' | 'clause' | 'list' | 'predicate';

export interface Candidate {
  /** Token range [from, to) in the sentence's tokens. */
  readonly from: number;
  readonly to: number;
  readonly kind: CandidateKind;
  /** The run is preceded by a preposition (what it is: "in", "at", "by"...), lowercase, or ''. */
  readonly preposition: string;
  /** A year cut from a longer date ("March | 2009"): the answer to "in which year". */
  readonly year?: boolean;
  /** The modifier before the head noun of a "what kind of X" question ("phagosomal" | membrane). */
  readonly modifier?: boolean;
}

/** Longest candidate in tokens: answers are phrases, not paragraphs. */
const MAX_SPAN_TOKENS = 30;
/** "of" phrases chained onto a noun phrase at most ("the wisdom of certain decisions of procurement"). */
const MAX_OF_LINKS = 3;
/** Lowercase words allowed inside a name ("Bank of America", "Leonardo da Vinci"). */
const NAME_CONNECTORS = new Set(['of', 'de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'bin', 'al', 'y', '&', 'and', 'for', 'the']);
/** Bodies and agreements named with "on" and their subject ("Committee on Commerce"). */
const ON_NAMES = new Set(['committee', 'commission', 'conference', 'convention', 'council', 'treaty', 'panel', 'force', 'subcommittee', 'agreement', 'protocol', 'summit', 'institute', 'center', 'centre', 'office', 'board', 'court']);
/** Lowercase role nouns inside a capitalized run ("US envoy Richard Grenell"). */
const TITLE_NOUNS = new Set(['envoy', 'president', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'leader', 'official', 'chief', 'director', 'ambassador']);
/** Titles written abbreviated with a period before a name ("Dr. Amal Haddad", "Gen. Ruiz"). */
const ABBREVIATED_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'rev', 'capt', 'col', 'lt', 'sgt', 'adm', 'st']);
const NOUNISH = new Set(['NOUN', 'PROPN']);
const NP_INNER = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Determiner-like words that may open a noun phrase. */
const NP_OPENERS = new Set(['DET', 'NUM']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

const isWordy = (t: QaToken): boolean => t.kind === 'word' || t.kind === 'number' || t.kind === 'abbrev';
const isCapitalized = (t: QaToken): boolean => isWordy(t) && /^[\p{Lu}]/u.test(t.text);
const isHyphen = (t: QaToken | undefined): boolean => t !== undefined && (t.text === '-' || t.text === '/');
/** In a name an en dash joins too ("the Diffie–Hellman exchange"); between numbers it is a range. */
const isNameJoiner = (t: QaToken): boolean => isHyphen(t) || t.text === '\u2013';

function prepositionBefore(tokens: readonly QaToken[], pos: readonly string[], at: number): string {
  let k = at - 1;
  if (k >= 0 && pos[k] === 'DET') k--;
  return k >= 0 && (pos[k] === 'ADP' || pos[k] === 'SCONJ') ? tokens[k]!.lower : '';
}

/** Capitalized runs: people, organizations, places ("Venezuelan President Nicolas Maduro"). */
function names(tokens: readonly QaToken[], tags: TokenTags, out: Candidate[]): void {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const startsName = isCapitalized(t) && (i > 0 || tags.pos[i] === 'PROPN') && t.kind !== 'number';
    if (!startsName) {
      i++;
      continue;
    }
    let j = i + 1;
    let end = i + 1;
    while (j < tokens.length && j - i < MAX_SPAN_TOKENS) {
      const u = tokens[j]!;
      const prev = tokens[j - 1]!;
      // An initial's or a title's period ("William P. Bell", "Dr. Amal Haddad") stays inside the name.
      if (u.text === '.' && u.start === prev.end && (prev.text.length === 1 || ABBREVIATED_TITLES.has(prev.lower)) && j + 1 < tokens.length && isCapitalized(tokens[j + 1]!)) {
        j++;
        continue;
      }
      if (isCapitalized(u) || (u.kind === 'number' && isCapitalized(prev))) {
        end = ++j;
      } else if ((NAME_CONNECTORS.has(u.lower) || isNameJoiner(u)) && j + 1 < tokens.length && isCapitalized(tokens[j + 1]!) && tokens[j + 1]!.start - u.end <= 1) {
        j++;
      } else if (u.lower === 'on' && ON_NAMES.has(prev.lower) && j + 1 < tokens.length && isCapitalized(tokens[j + 1]!)) {
        // "Committee on Commerce", "Convention on Human Rights"; but "Charlesfort | on Parris Island" is two names.
        j++;
      } else if (u.lower === 'of' && tokens[j + 1]?.lower === 'the' && j + 2 < tokens.length && isCapitalized(tokens[j + 2]!)) {
        // "the Museum of the Harbour", "the Bank of the West".
        j += 2;
      } else break;
    }
    // A person's name without its title and the title's adjectives: "Venezuelan President |
    // Nicolas Maduro", "US envoy | Richard Grenell" (answers are the name, as SQuAD's are).
    let core = i;
    for (let k = i; k < end - 1; k++) if (NAME_TITLES.has(tokens[k]!.lower) || TITLE_NOUNS.has(tokens[k]!.lower)) core = k + 1;
    out.push({ from: core, to: end, kind: 'name', preposition: prepositionBefore(tokens, tags.pos, i) });
    i = end;
  }
}

function isYear(t: QaToken): boolean {
  return t.kind === 'number' && /^(1\d{3}|20\d{2})s?$/.test(t.text);
}

function isDateToken(t: QaToken, entity: string | null): boolean {
  if (entity === 'DATE' || entity === 'TIME') return true;
  if (isYear(t)) return true;
  // "may", "march" and "sun" are also common words: a month counts when capitalized.
  if (MONTHS.has(t.lower.replace(/\.$/, '')) && /^\p{Lu}/u.test(t.text)) return true;
  return DATE_WORDS.has(t.lower);
}

/** Words joining two dates into one span ("May through September", "1914 and 1918"). */
const DATE_RANGE_WORDS = new Set(['and', 'to', 'through', 'thru', 'until', 'till']);

/** Dates and times: runs of date tokens, with their modifiers and glue ("the spring of 1329", "Jan. 20"). */
function dates(tokens: readonly QaToken[], tags: TokenTags, out: Candidate[]): void {
  let i = 0;
  while (i < tokens.length) {
    if (!isDateToken(tokens[i]!, tags.entity[i] ?? null)) {
      i++;
      continue;
    }
    let from = i;
    while (from > 0 && i - from < 3 && (DATE_MODIFIERS.has(tokens[from - 1]!.lower) || /^\d+(st|nd|rd|th)$/.test(tokens[from - 1]!.lower) || MONTHS.has(tokens[from - 1]!.lower.replace(/\.$/, '')))) from--;
    while (from < i && (tokens[from]!.lower === 'of' || tokens[from]!.lower === 'the' || tokens[from]!.lower === 'since' || tokens[from]!.lower === 'until')) from++;
    let to = i + 1;
    while (to < tokens.length && to - from < 12) {
      const u = tokens[to]!;
      if (isDateToken(u, tags.entity[to] ?? null) || u.kind === 'number') to++;
      else if ((u.text === ',' || u.lower === 'of' || isRangeDash(u) || DATE_RANGE_WORDS.has(u.lower)) && to + 1 < tokens.length && isDateToken(tokens[to + 1]!, tags.entity[to + 1] ?? null)) to++;
      // "the 1950s through the 1970s".
      else if (DATE_RANGE_WORDS.has(u.lower) && tokens[to + 1]?.lower === 'the' && to + 2 < tokens.length && isDateToken(tokens[to + 2]!, tags.entity[to + 2] ?? null)) to += 2;
      else if (u.lower === 'century' || u.lower === 'centuries') to++;
      else break;
    }
    // "between September and November 1946": a range keeps its "between".
    if (tokens[from - 1]?.lower === 'between' && to - from >= 3) out.push({ from: from - 1, to, kind: 'date', preposition: prepositionBefore(tokens, tags.pos, from - 1) });
    out.push({ from, to, kind: 'date', preposition: prepositionBefore(tokens, tags.pos, from) });
    // The year alone, for "in which year" ("March | 2009").
    for (let k = from; k < to; k++) if (isYear(tokens[k]!) && to - from > 1) out.push({ from: k, to: k + 1, kind: 'date', preposition: prepositionBefore(tokens, tags.pos, from), year: true });
    i = to;
  }
}

/** A hyphen or an en dash written between two numbers or dates: a range ("1910\u20131940", "30\u201375%"). */
const isRangeDash = (t: QaToken): boolean => t.text === '-' || t.text === '\u2013';

/** Unit symbols written after a number that take a letter after them ("38 \u00b0C", "100 \u00b0F"). */
const DEGREE = '\u00b0';

function isNumberToken(t: QaToken, pos: string, entity: string | null): boolean {
  // A year or a day of the month is a date, not an amount ("in March 2026").
  if (entity === 'DATE' || entity === 'TIME') return false;
  if (t.kind === 'number') return true;
  if (NUMBER_WORDS.has(t.lower) && (pos === 'NUM' || entity === 'CARDINAL' || entity === 'ORDINAL')) return true;
  return entity === 'MONEY' || entity === 'PERCENT' || entity === 'CARDINAL';
}

/** Nouns after a unit word that a compound unit takes at most ("12 radio stations"). */
const MAX_UNIT_COMPOUND = 2;

/** Amounts: numbers with currency, multiplier, approximation and one unit word ("nearly $5 million"). */
function amounts(tokens: readonly QaToken[], tags: TokenTags, questionTerms: ReadonlyMap<string, number>, out: Candidate[]): void {
  let i = 0;
  while (i < tokens.length) {
    if (!isNumberToken(tokens[i]!, tags.pos[i] ?? 'X', tags.entity[i] ?? null)) {
      i++;
      continue;
    }
    let from = i;
    while (from > 0 && i - from < 3 && (CURRENCY_SYMBOLS.has(tokens[from - 1]!.text) || ['nearly', 'about', 'around', 'approximately', 'almost', 'over', 'some', 'roughly', 'between', 'up', 'least', 'at'].includes(tokens[from - 1]!.lower))) from--;
    let to = i + 1;
    while (to < tokens.length && to - from < 10) {
      const u = tokens[to]!;
      const nextIsNumber = to + 1 < tokens.length && isNumberToken(tokens[to + 1]!, tags.pos[to + 1] ?? 'X', tags.entity[to + 1] ?? null);
      // A range ("30\u201375%") and a ratio ("one in five", "3 in 1,000,000") are one amount.
      if (isNumberToken(u, tags.pos[to] ?? 'X', tags.entity[to] ?? null) || CURRENCY_SYMBOLS.has(u.text) || (AMOUNT_MODIFIERS.has(u.lower) && nextIsNumber) || ((isRangeDash(u) || u.lower === 'in') && nextIsNumber && tokens[to + 1]!.start - u.end <= 1) || ['million', 'billion', 'trillion', 'thousand', 'hundred', 'percent', 'per', 'cent'].includes(u.lower)) to++;
      else break;
    }
    // A degree and its scale ("38\u201341 \u00b0C") are the unit.
    if (tokens[to]?.text === DEGREE && tokens[to + 1] && /^\p{Lu}$/u.test(tokens[to + 1]!.text)) to += 2;
    // One unit word after ("110 mph", "378 species") unless the question already names it.
    const unit = tokens[to];
    if (unit && (tags.pos[to] === 'NOUN' || unit.lower === '%') && !questionTerms.has(unit.term) && to - from < 10) {
      // A compound unit ("12 radio | stations") ends with the noun the unit word modifies:
      // cut after the unit word, the amount would end inside a compound.
      let end = to + 1;
      while (end < tokens.length && end - to <= MAX_UNIT_COMPOUND && tags.pos[end] === 'NOUN' && unit.lower !== '%') end++;
      out.push({ from, to: end, kind: 'number', preposition: prepositionBefore(tokens, tags.pos, from) });
    }
    out.push({ from, to, kind: 'number', preposition: prepositionBefore(tokens, tags.pos, from) });
    i = to;
  }
}

/** Noun phrases from POS tags, and their "of"-extensions ("the wisdom of certain decisions"). */
function nounPhrases(tokens: readonly QaToken[], tags: TokenTags, out: Candidate[]): void {
  // A currency sign before a number belongs to the phrase ("a $4.5 million budget").
  // A currency sign before a number belongs to the phrase ("a $4.5 million budget"); a possessive
  // determiner opens it as "the" does ("their eyestalk").
  const pos = tags.pos.map((p, i) => (CURRENCY_SYMBOLS.has(tokens[i]!.text) && tags.pos[i + 1] === 'NUM' ? 'NUM' : POSSESSIVE_DETERMINERS.has(tokens[i]!.lower) && NP_INNER.has(tags.pos[i + 1] ?? '') ? 'DET' : p));
  const nps: Array<{ from: number; to: number }> = [];
  let i = 0;
  while (i < tokens.length) {
    const p = pos[i] ?? 'X';
    if (!NP_INNER.has(p) && !NP_OPENERS.has(p) && !(p === 'ADV' && NP_INNER.has(pos[i + 1] ?? ''))) {
      i++;
      continue;
    }
    let j = i;
    if (NP_OPENERS.has(p) || p === 'ADV') j++;
    let lastNoun = -1;
    while (j < tokens.length && j - i < MAX_SPAN_TOKENS) {
      const q = pos[j] ?? 'X';
      if (NP_INNER.has(q) || (q === 'PART' && tokens[j]!.lower === "'s") || (isHyphen(tokens[j]) && NP_INNER.has(pos[j + 1] ?? '')) || (q === 'VERB' && tokens[j]!.text.includes('-'))) {
        if (NOUNISH.has(q) || q === 'NUM') lastNoun = j;
        j++;
      } else break;
    }
    if (lastNoun >= 0) nps.push({ from: i, to: lastNoun + 1 });
    i = Math.max(j, i + 1);
  }
  for (let k = 0; k < nps.length; k++) {
    const np = nps[k]!;
    const preposition = prepositionBefore(tokens, pos, np.from);
    // A list of phrases ("architects, engineers and builders"): from this phrase through the one
    // after the closing "and/or", each joined by a comma or a comma + and/or.
    let listEnd = np.to;
    let items = 1;
    for (let link = k + 1; link < nps.length; link++) {
      const next = nps[link]!;
      if (next.to - np.from > MAX_SPAN_TOKENS) break;
      const gap = next.from - listEnd;
      const g0 = tokens[listEnd]?.text;
      const g1 = tokens[listEnd + 1]?.lower;
      const comma = gap === 1 && g0 === ',';
      const closing = (gap === 1 && (g0 === 'and' || g0 === 'or')) || (gap === 2 && g0 === ',' && (g1 === 'and' || g1 === 'or'));
      if (!comma && !closing) break;
      listEnd = next.to;
      items++;
      if (closing) {
        if (items >= 3) out.push({ from: np.from, to: listEnd, kind: 'list', preposition });
        break;
      }
    }
    out.push({ from: np.from, to: np.to, kind: 'noun', preposition });
    // Extensions by the phrases that complete it: one "and/for/in" phrase, or a chain of "of"
    // phrases ("the division of functions of the network core"), each link its own candidate.
    let end = np.to;
    for (let link = k + 1; link < nps.length && link - k <= MAX_OF_LINKS; link++) {
      const next = nps[link]!;
      const glue = tokens[end];
      if (!glue || next.from !== end + 1 || next.to - np.from > MAX_SPAN_TOKENS) break;
      const of = glue.lower === 'of';
      if (!of && !(link === k + 1 && (glue.lower === 'and' || glue.lower === 'for' || glue.lower === 'in'))) break;
      out.push({ from: np.from, to: next.to, kind: 'noun', preposition });
      if (!of) break;
      end = next.to;
    }
  }
}

/** Words an item of a list may hold besides adjectives, nouns and numbers. */
const LIST_ITEM_TAGS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET']);
/** Longest list item in tokens ("heavy and civil engineering construction"). */
const MAX_LIST_ITEM = 6;

/** A token that may stand inside a list item: a noun-phrase word, a hyphenated or -ing word ("design-build", "partnering"). */
function listItemWord(tokens: readonly QaToken[], pos: readonly string[], k: number): boolean {
  const t = tokens[k]!;
  const p = pos[k] ?? 'X';
  if (LIST_ITEM_TAGS.has(p) || (p === 'PART' && t.lower === "'s")) return true;
  if (isHyphen(t)) return k > 0 && tokens[k - 1]!.end === t.start;
  return p === 'VERB' && (t.text.includes('-') || /ing$/.test(t.lower));
}

/**
 * Lists read from their closing "and/or" back over comma-separated items ("road repair,
 * heavy and light rail maintenance, and harbour dredging contractors"; "plan-build,
 * tendering and site management"; two items joined by "and"). Items may be adjectives,
 * -ing words or hyphenated words, which the noun-phrase lists miss. A list answers only a plural ask.
 */
function looseLists(tokens: readonly QaToken[], tags: TokenTags, out: Candidate[]): void {
  const pos = tags.pos;
  for (let i = 1; i < tokens.length - 1; i++) {
    const conj = tokens[i]!.lower;
    if (conj !== 'and' && conj !== 'or') continue;
    // The last item, after the conjunction.
    let end = i + 1;
    while (end < tokens.length && end - i - 1 < MAX_LIST_ITEM && listItemWord(tokens, pos, end)) end++;
    while (end > i + 1 && !NOUNISH.has(pos[end - 1] ?? '') && pos[end - 1] !== 'ADJ' && pos[end - 1] !== 'NUM' && pos[end - 1] !== 'VERB') end--;
    if (end === i + 1) continue;
    // "heavy and light foundations, and timber framing": this "and" is inside an item; the list closes later.
    if (tokens[end]?.text === ',' && (tokens[end + 1]?.lower === 'and' || tokens[end + 1]?.lower === 'or')) continue;
    // The items before, separated by commas (an Oxford comma before the conjunction too).
    let k = i - 1;
    const oxford = tokens[k]?.text === ',';
    if (oxford) k--;
    let items = 1;
    let start = -1;
    while (k >= 0 && end - k <= MAX_SPAN_TOKENS) {
      const itemEnd = k;
      let introduced = false;
      while (k >= 0 && itemEnd - k < MAX_LIST_ITEM && (listItemWord(tokens, pos, k) || ((tokens[k]!.lower === 'and' || tokens[k]!.lower === 'or') && k < itemEnd))) {
        // A verb before an item's words introduces the list ("including | design-build, ..."): the list starts after it.
        if (pos[k] === 'VERB' && k < itemEnd && !tokens[k]!.text.includes('-')) {
          introduced = true;
          break;
        }
        k--;
      }
      let itemStart = k + 1;
      while (itemStart <= itemEnd && (pos[itemStart] === 'DET' || tokens[itemStart]!.lower === 'and' || tokens[itemStart]!.lower === 'or')) itemStart++;
      if (itemStart > itemEnd) break;
      items++;
      start = itemStart;
      if (introduced || tokens[k]?.text !== ',') break;
      k--;
    }
    if (start < 0) continue;
    // Two items are joined by the conjunction alone ("A, and B" adds a clause); three or more by commas.
    if (items >= 3 || (items === 2 && !oxford)) out.push({ from: start, to: end, kind: 'list', preposition: prepositionBefore(tokens, pos, start) });
  }
}

/** Words that end a predicate: a new clause starts ("..., which", "while", "because"). */
const PREDICATE_STOP = new Set(['which', 'who', 'whom', 'whose', 'while', 'whereas', 'because', 'although', 'though', 'when', 'where', 'if', 'unless', 'until', 'but', 'so', 'that']);
/** Longest predicate in tokens. */
const MAX_PREDICATE_TOKENS = 14;
/** Verbs linking a subject to an adjective ("are hot and dry", "became unstable", "tend to be"). */
const LINKING = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'become', 'becomes', 'became', 'remain', 'remains', 'remained', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'grew', 'proved']);

/**
 * Predicates, for questions that ask what something does or is like ("What do most bakeries
 * do?" -> "bake bread daily and sell it before noon"; "What do such towns
 * tend to be?" -> "quiet and fairly isolated"; "How did the king die?" -> "drowned"):
 * a verb with what follows it up to the clause's end, also cut before its first preposition or
 * conjunction; and a run of adjectives after a linking verb.
 */
function predicates(tokens: readonly QaToken[], tags: TokenTags, out: Candidate[]): void {
  const pos = tags.pos;
  for (let i = 0; i < tokens.length; i++) {
    const p = pos[i] ?? 'X';
    // Not a participle clause after a comma (", bringing an end to ..."): that adds to the predicate before it.
    if (p === 'VERB' && tokens[i - 1]?.lower !== 'to' && !(tokens[i - 1]?.text === ',' && tokens[i]!.lower.endsWith('ing'))) {
      let j = i + 1;
      while (j < tokens.length && j - i < MAX_PREDICATE_TOKENS && !CLAUSE_STOP.has(tokens[j]!.text) && !PREDICATE_STOP.has(tokens[j]!.lower)) j++;
      out.push({ from: i, to: j, kind: 'predicate', preposition: '' });
      for (let k = i + 2; k < j; k++) {
        const q = pos[k] ?? 'X';
        if (q === 'ADP' || q === 'SCONJ' || q === 'CCONJ' || (tokens[k]!.lower === 'to' && pos[k + 1] === 'VERB')) {
          out.push({ from: i, to: k, kind: 'predicate', preposition: '' });
          break;
        }
      }
    }
    if (LINKING.has(tokens[i]!.lower)) {
      let j = i + 1;
      let end = -1;
      while (j < tokens.length && j - i < MAX_PREDICATE_TOKENS) {
        const q = pos[j] ?? 'X';
        if (q === 'ADJ') end = j + 1;
        else if (!(q === 'ADV' || ((tokens[j]!.lower === 'and' || tokens[j]!.lower === 'or' || tokens[j]!.text === ',') && end > 0))) break;
        j++;
      }
      // Only adjectives: "are hot and dry", not "are hot springs".
      if (end > 0 && !NOUNISH.has(pos[end] ?? '')) out.push({ from: i + 1, to: end, kind: 'predicate', preposition: '' });
    }
  }
}

const CLAUSE_STOP = new Set([',', ';', ':', '.', '!', '?', '(', ')', '"']);

/** Reasons and manners: from an opener ("because", "by", "to" + verb) to the clause's end. */
function clauses(tokens: readonly QaToken[], tags: TokenTags, out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const opener = REASON_OPENERS.has(t.lower) || MANNER_OPENERS.has(t.lower) || t.lower === 'in';
    if (!opener) continue;
    if (t.lower === 'to' && tags.pos[i + 1] !== 'VERB') continue;
    if (t.lower === 'in' && !(tokens[i + 1]?.lower === 'order' || tokens[i + 1]?.lower === 'response')) continue;
    if ((t.lower === 'for' || t.lower === 'as' || t.lower === 'so' || t.lower === 'with') && tags.pos[i] !== 'SCONJ' && t.lower !== 'for') continue;
    let j = i + 1;
    while (j < tokens.length && j - i < MAX_SPAN_TOKENS && !CLAUSE_STOP.has(tokens[j]!.text)) j++;
    if (j - i >= 2) {
      out.push({ from: i, to: j, kind: 'clause', preposition: t.lower });
      out.push({ from: i + 1, to: j, kind: 'clause', preposition: t.lower });
    }
  }
}

/** All candidates of a sentence. */
export function candidatesOf(tokens: readonly QaToken[], tags: TokenTags, questionTerms: ReadonlyMap<string, number>, withPredicates = false): Candidate[] {
  const out: Candidate[] = [];
  names(tokens, tags, out);
  dates(tokens, tags, out);
  amounts(tokens, tags, questionTerms, out);
  nounPhrases(tokens, tags, out);
  looseLists(tokens, tags, out);
  clauses(tokens, tags, out);
  if (withPredicates) predicates(tokens, tags, out);
  return out;
}
