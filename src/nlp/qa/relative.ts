/**
 * Relative clauses and appositives, the way news names the doer of a verb away from it:
 * "Councillor David Okafor, who opposed the project, said ...", "Greenleaf Books, which was
 * founded by Tomas Varga, ...", "the firm that designed the bridge", "Maria Lopez, a spokeswoman
 * for Northwind, said ...", "The board, which met on Sunday, named ...". A small, bounded pattern
 * matcher over tokens and POS tags: it finds who a relative pronoun stands for (its antecedent,
 * followed through an appositive to the name it describes), and steps back over a parenthetical
 * between a subject and its verb. Every scan is linear and bounded by MAX_PARENTHETICAL_TOKENS.
 */
import { NAME_TITLES } from '../lexicon/qa-patterns';
import type { QaToken } from './model';
import type { TokenTags } from './tagger';

/** Longest parenthetical (", who opposed the project,") stepped over, in tokens. */
export const MAX_PARENTHETICAL_TOKENS = 24;
/** Longest antecedent noun phrase or name, in tokens. */
const MAX_ANTECEDENT_TOKENS = 8;

/** Relative pronouns that open a clause about the phrase before them. */
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);
/** Lowercase words allowed inside a name ("Bank of America", "Leonardo da Vinci"). */
const NAME_GLUE = new Set(['of', 'de', 'da', 'del', 'di', 'van', 'von', 'der', 'la', 'le', 'al', 'bin', '&']);
/** Words that open an appositive description ("a spokeswoman for", "the curator of", "its founder"). */
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their']);
/** Determiners and possessives inside a description noun phrase. */
const NP_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'its', 'his', 'her', 'their', 'our']);
const NP_POS = new Set(['NOUN', 'ADJ', 'PROPN', 'NUM']);
const CLAUSE_ENDS = new Set([',', ';', ':', '(', ')', '.', '!', '?', '"', '\u2013', '\u2014', '--']);

/** Titles written with a period before a name: that period ends no clause ("by Dr. Amal Haddad,"). */
const ABBREVIATED_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'rev', 'capt', 'col', 'lt', 'sgt', 'adm', 'st']);
/** The token at k is the period of an initial or an abbreviated title, glued to it, before a capitalized word. */
function isNamePeriod(tokens: readonly QaToken[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  if (!t || !prev || t.text !== '.' || t.start !== prev.end) return false;
  return (prev.text.length === 1 || ABBREVIATED_TITLES.has(prev.lower)) && isCapitalized(tokens[k + 1]);
}
const isCapitalized = (t: QaToken | undefined): boolean => t !== undefined && t.kind !== 'punct' && /^\p{Lu}/u.test(t.text);
const isTitle = (t: QaToken): boolean => NAME_TITLES.has(t.lower);

/** A token range [from, to) of the sentence. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** Who does a verb: a name ("David Okafor") or a description ("the board") as a token range. */
export interface Doer extends Span {
  readonly kind: 'name' | 'description';
}

/**
 * The capitalized name run ending at `end` (inclusive), without a leading title; null when `end`
 * is no name word, or only a sentence's capitalized first word that the tagger does not take for
 * a proper noun ("Residents, who had waited").
 */
function nameEndingAt(tokens: readonly QaToken[], tags: TokenTags, end: number): Span | null {
  if (!isCapitalized(tokens[end]) || isTitle(tokens[end]!)) return null;
  if (end === 0 && tags.pos[0] !== 'PROPN') return null;
  let from = end;
  while (from > 0 && end - from < MAX_ANTECEDENT_TOKENS) {
    const prev = tokens[from - 1]!;
    if (isCapitalized(prev) && !isTitle(prev)) from--;
    else if (NAME_GLUE.has(prev.lower) && from >= 2 && isCapitalized(tokens[from - 2]) && !isTitle(tokens[from - 2]!)) from -= 2;
    else break;
  }
  // "The Board": a sentence-initial determiner is not part of the name.
  if (from === 0 && NP_DETERMINERS.has(tokens[0]!.lower)) from++;
  return from <= end ? { from, to: end + 1 } : null;
}

/** The lowercase noun phrase ending at `end` ("the new board", "Northwind's chief executive"); null when none. */
function descriptionEndingAt(tokens: readonly QaToken[], tags: TokenTags, end: number): Span | null {
  const t = tokens[end];
  if (!t || t.kind !== 'word' || (end > 0 && !/^\p{Ll}/u.test(t.text)) || tags.pos[end] !== 'NOUN') return null;
  let from = end;
  while (from > 0 && end - from < MAX_ANTECEDENT_TOKENS) {
    const prev = tokens[from - 1]!;
    const pos = tags.pos[from - 1] ?? 'X';
    if (NP_DETERMINERS.has(prev.lower)) {
      from--;
      break;
    }
    if (NP_POS.has(pos) || prev.lower === "'s" || (prev.text === '-' && from >= 2)) from--;
    else break;
  }
  return { from, to: end + 1 };
}

/**
 * "Maria Lopez, a spokeswoman for Northwind," / "Northwind's chief executive, Paul Brandt,": the
 * name a description at [from, to) stands beside as an appositive, or null.
 */
export function appositiveName(tokens: readonly QaToken[], tags: TokenTags, description: Span): Span | null {
  // NAME , DESCRIPTION
  if (tokens[description.from - 1]?.text === ',' && description.from >= 2) {
    const name = nameEndingAt(tokens, tags, description.from - 2);
    if (name && APPOSITIVE_OPENERS.has(tokens[description.from]?.lower ?? '')) return name;
  }
  // DESCRIPTION , NAME ,
  if (tokens[description.to]?.text === ',' && isCapitalized(tokens[description.to + 1])) {
    let end = description.to + 1;
    while (end + 1 < tokens.length && end - description.to < MAX_ANTECEDENT_TOKENS && isCapitalized(tokens[end + 1])) end++;
    const after = tokens[end + 1];
    if (after && CLAUSE_ENDS.has(after.text)) return nameEndingAt(tokens, tags, end);
  }
  return null;
}

/**
 * The antecedent of the relative pronoun at `r` ("who" in "David Okafor, who opposed"): the name
 * or description just before it (after its comma). A description that stands as an appositive
 * beside a name ("Halvorsen, the firm that designed the bridge") resolves to the name. Null when
 * `r` is no relative pronoun or nothing fitting stands before it ("said that", "so that").
 */
export function antecedentOf(tokens: readonly QaToken[], tags: TokenTags, r: number): Doer | null {
  const rel = tokens[r];
  if (!rel || !RELATIVE_PRONOUNS.has(rel.lower)) return null;
  const comma = tokens[r - 1]?.text === ',';
  // "that" is a relative pronoun only right after a noun ("the firm that designed"), never after a comma or a verb.
  if (rel.lower === 'that' && (comma || tags.pos[r - 1] !== 'NOUN')) return null;
  const end = comma ? r - 2 : r - 1;
  if (end < 0) return null;
  const name = nameEndingAt(tokens, tags, end);
  if (name) return { ...name, kind: 'name' };
  const description = descriptionEndingAt(tokens, tags, end);
  if (!description) return null;
  const named = appositiveName(tokens, tags, description);
  return named ? { ...named, kind: 'name' } : { ...description, kind: 'description' };
}

/**
 * The comma that opens the parenthetical closed by the comma at `close`, when what lies between is
 * one: a relative clause (", which met on Sunday,"), a participle with its agent (", led by Sara
 * Holm,") or an appositive (", a spokeswoman for Northwind,"). -1 otherwise.
 */
export function parentheticalOpening(tokens: readonly QaToken[], tags: TokenTags, close: number): number {
  if (tokens[close]?.text !== ',') return -1;
  for (let k = close - 1; k > 0 && close - k <= MAX_PARENTHETICAL_TOKENS; k--) {
    const t = tokens[k]!;
    if (t.text !== ',') {
      if (CLAUSE_ENDS.has(t.text) && !isNamePeriod(tokens, k)) return -1;
      continue;
    }
    const first = tokens[k + 1];
    if (!first || k + 1 >= close) return -1;
    if (first.lower === 'who' || first.lower === 'which' || first.lower === 'whose') return k;
    if (tags.pos[k + 1] === 'VERB' && /ed$/.test(first.lower) && tokens[k + 2]?.lower === 'by') return k;
    if (APPOSITIVE_OPENERS.has(first.lower) && tags.pos[k + 1] !== 'PRON') return k;
    return -1;
  }
  return -1;
}

/**
 * The subject of the verb at `v` when a relative clause or parenthetical decides it: the
 * antecedent of a relative pronoun just before the verb ("Okafor, who (also) opposed"), or the
 * phrase before a parenthetical that separates it from its verb ("The board, which met on Sunday,
 * named"). `gap` says which words may stand between a subject and its verb ("had", "also").
 * Null when neither pattern is there.
 */
export function clauseSubject(tokens: readonly QaToken[], tags: TokenTags, v: number, gap: (t: QaToken) => boolean): Doer | null {
  let k = v - 1;
  while (k >= 0 && v - k <= 4 && gap(tokens[k]!)) k--;
  if (k < 0) return null;
  if (RELATIVE_PRONOUNS.has(tokens[k]!.lower)) return antecedentOf(tokens, tags, k);
  const open = parentheticalOpening(tokens, tags, k);
  if (open < 1) return null;
  const name = nameEndingAt(tokens, tags, open - 1);
  if (name) return { ...name, kind: 'name' };
  const description = descriptionEndingAt(tokens, tags, open - 1);
  return description ? { ...description, kind: 'description' } : null;
}

/**
 * "Greenleaf Books, which was founded by Tomas Varga," / "The expedition, led by Sara Holm,": when
 * the verb at `v` is passive inside a parenthetical, what it was done to is the phrase the
 * parenthetical is about. Returns that phrase, or null when the verb is not in such a clause.
 */
export function passiveClauseObject(tokens: readonly QaToken[], tags: TokenTags, v: number): Span | null {
  if (tokens[v + 1]?.lower !== 'by') return null;
  let k = v - 1;
  // ", which was founded by" / ", which has been run by" / ", led by"
  while (k >= 0 && v - k <= 3 && ['was', 'were', 'is', 'are', 'been', 'has', 'have', 'had', 'being'].includes(tokens[k]!.lower)) k--;
  if (k < 0) return null;
  let open = -1;
  if (tokens[k]!.lower === 'which' || tokens[k]!.lower === 'that') {
    const ante = antecedentOf(tokens, tags, k);
    return ante ? { from: ante.from, to: ante.to } : null;
  }
  if (k === v - 1 && tokens[k]!.text === ',') open = k;
  if (open < 1) return null;
  const name = nameEndingAt(tokens, tags, open - 1);
  if (name) return name;
  return descriptionEndingAt(tokens, tags, open - 1);
}

/** Prepositions that attach what an agent noun is of ("the founder of Bluebird Labs", "a designer at Halvorsen"). */
const AGENT_OF = new Set(['of', 'at', 'for']);

/**
 * "Ana Ruiz, the founder of Bluebird Labs," / "Bluebird's founder, Ana Ruiz," / "battery developer
 * John Goodenough": the agent noun at `v` heads an appositive beside a name, or is its title. Returns the name and the description (with its "of"
 * phrase), or null when the noun at `v` stands in no appositive.
 */
export function agentAppositive(tokens: readonly QaToken[], tags: TokenTags, v: number): { name: Span; description: Span } | null {
  if (tags.pos[v] !== 'NOUN') return null;
  const head = descriptionEndingAt(tokens, tags, v);
  if (!head) return null;
  // "solar panel designer Ana M. Reyes": the agent noun as the name's title.
  if (isCapitalized(tokens[v + 1]) && !isTitle(tokens[v + 1]!)) {
    let end = v + 1;
    while (end + 1 < tokens.length && end - v < MAX_ANTECEDENT_TOKENS && (isCapitalized(tokens[end + 1]) || isNamePeriod(tokens, end + 1))) end++;
    if (isCapitalized(tokens[end])) return { name: { from: v + 1, to: end + 1 }, description: head };
  }
  let to = v + 1;
  if (AGENT_OF.has(tokens[to]?.lower ?? '')) {
    let k = to + 1;
    while (k < tokens.length && k - v <= MAX_ANTECEDENT_TOKENS && !CLAUSE_ENDS.has(tokens[k]!.text)) k++;
    to = k;
  }
  const description = { from: head.from, to };
  const name = appositiveName(tokens, tags, description);
  return name ? { name, description } : null;
}
