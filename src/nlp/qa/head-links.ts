/**
 * The question's head noun in the answer sentence ("What fortification ..." -> "the Old Fort, a
 * stone fortification"): which spans the sentence equates with the head (an appositive, a copula,
 * "called", an item of "such as"), names that open with the head, and "the HEAD of | X". Scoring
 * (extract.ts) gives the head bonus to the linked phrase rather than to the head's own phrase.
 */
import type { QaToken } from './model';
import type { TokenTags } from './tagger';

/** Possessive determiners: what a head is "of" with one is its object, not its instance. */
export const POSSESSIVE_PRONOUNS = new Set(['its', 'his', 'her', 'their', 'our']);

/** A slash or hyphen token that joins two words into one ("Anglo-Saxon", "AC/DC"). */
export const isJoiner = (t: QaToken): boolean => t.text === '/' || t.text === '-';

/** Index of the word before the span, past an opening quote or bracket ('known as | "the bends"'). */
export function openingMarkBefore(tokens: readonly QaToken[], from: number): number {
  let k = from - 1;
  while (k >= 0 && k >= from - 2 && OPENING_MARKS.has(tokens[k]!.text)) k--;
  return k;
}
const OPENING_MARKS = new Set(['"', "'", '(', '\u201c', '\u2018', '[']);

/** A name that opens with the head noun, capitalized, after its determiner ("the Academy of the Lantern", "the River Wey"). */
export function namedByHead(tokens: readonly QaToken[], from: number, to: number, head: string): boolean {
  const k = tokens[from]!.lower === 'the' ? from + 1 : from;
  // A sentence's first word is capitalized by its place ("Clause 7 of the lease banned pets").
  return k > 0 && k < to - 1 && /^\p{Lu}/u.test(tokens[k]!.text) && sameNoun(tokens[k]!.lower, head);
}

/** The word is the head noun itself or its plural: in a name a shared stem is not enough ("the United States" holds no "unit"). */
export function sameNoun(lower: string, head: string): boolean {
  return lower === head || lower === `${head}s` || `${lower}s` === head || lower === `${head}es`;
}

/**
 * "the outpost of | Greyhaven", "the profession of | nursing": the head noun, then "of", names the
 * instance after it. Not a capitalized head: that opens a name ("the Academy of | the Lantern of
 * Letters"), and the whole name is the instance.
 */
export function headOfBefore(tokens: readonly QaToken[], from: number, headTerm: string): boolean {
  const k = openingMarkBefore(tokens, from);
  const head = tokens[k - 1];
  if (tokens[k]?.lower !== 'of' || head === undefined || head.term !== headTerm || !/^\p{Ll}/u.test(head.text)) return false;
  // What the head is "of" with a possessive is its object, not its instance ("a celebration of | our orchards").
  return !POSSESSIVE_PRONOUNS.has(tokens[from]!.lower);
}

/** Marks that set an appositive off from the phrase it renames ("the Old Fort, a stone fortification", "Blossom Day: a celebration"). */
const APPOSITION_MARKS = new Set([',', ':', '(', '\u2013', '\u2014', '--']);
/** Copulas that equate a phrase with the head's phrase ("X is the smallest unit", "its weakness is X"). */
const COPULAS = new Set(['is', 'are', 'was', 'were']);
/** Words after the head noun that name what it is ("a fungus called | leaf blight", "its main weakness is | X"). */
const HEAD_LINKERS = new Set([...COPULAS, 'called', 'named', 'termed', 'dubbed']);
/** Determiners of a definite phrase ("the capital", "their main weakness"). */
const DEFINITE_OPENERS = new Set(['the', 'its', 'his', 'her', 'their', 'our', 'this']);
/** Determiners that open an appositive phrase ("the Old Fort, a stone fortification"). */
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'one', 'another']);
/** Tags of the words of the head's own phrase before it ("a stone 18th-century | fortification"). */
export const HEAD_PHRASE_TAGS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Words of the head's phrase before it at most. */
const MAX_HEAD_PHRASE = 8;
/**
 * Tokens of a parenthetical between a subject and its copula at most: a comparison with its own
 * examples runs to thirty ("The parish council, much like a town board in ... or a district in
 * ..., is the smallest unit"). The parenthetical is taken to the nearest comma before the copula's.
 */
export const MAX_PARENTHETICAL = 40;
/** Tokens inside a bracketed conversion at most ("(3 ft 1/2 in)"). */
const MAX_BRACKET = 12;

/**
 * Where a phrase renamed by the head's phrase may end (exclusive) or start, in one sentence, and
 * the head occurrences that rename one (their own phrase is the class, not the member).
 */
export interface HeadLinks {
  readonly ends: ReadonlySet<number>;
  readonly starts: ReadonlySet<number>;
  readonly sources: ReadonlySet<number>;
}

/**
 * The phrases a sentence equates with an occurrence of the question's head noun ("What
 * fortification ...?"): an appositive pair ("the Old Fort, a stone fortification"; "the older
 * method, hand weaving"), a copula ("The parish council, much like ..., is the smallest unit";
 * "its main weakness is its short battery life"), a measure with its bracketed conversion before
 * the head ("a 914 mm (3 ft) narrow gauge") or a naming word ("a fungus called leaf blight"). The head's phrase is only the class; the phrase in the other slot names the member
 * the question asks for. One pass over the sentence: each head occurrence marks at most a few
 * token positions, each found within a bounded look-back.
 */
export function headLinks(tokens: readonly QaToken[], tags: TokenTags, headTerm: string): HeadLinks {
  const ends = new Set<number>();
  const starts = new Set<number>();
  const sources = new Set<number>();
  if (!headTerm) return { ends, starts, sources };
  for (let h = 0; h < tokens.length; h++) {
    if (tokens[h]!.term !== headTerm) continue;
    const linked = ends.size + starts.size;
    let hs = h;
    while (hs > 0 && h - hs < MAX_HEAD_PHRASE && (HEAD_PHRASE_TAGS.has(tags.pos[hs - 1] ?? '') || POSSESSIVE_PRONOUNS.has(tokens[hs - 1]!.lower) || tokens[hs - 1]!.lower === "'s" || (isJoiner(tokens[hs - 1]!) && hs - 2 >= 0 && tokens[hs - 1]!.start === tokens[hs - 2]!.end))) hs--;
    // "X, a stone fortification": X ends at the mark. The appositive opens with a determiner;
    // without one the comma more often separates list items ("X, geologist Tom Hale and ...").
    if (hs >= 2 && APPOSITION_MARKS.has(tokens[hs - 1]!.text) && APPOSITIVE_OPENERS.has(tokens[hs]!.lower)) ends.add(hs - 1);
    // "a 914 mm (3 ft) narrow gauge": a measure whose conversion is bracketed between it and the
    // head's phrase modifies the head; X ends at the bracket.
    if (hs >= 2 && tokens[hs - 1]!.text === ')') {
      for (let p = hs - 2; p >= 1 && hs - p <= MAX_BRACKET; p--) {
        if (tokens[p]!.text === ')') break;
        if (tokens[p]!.text === '(') {
          ends.add(p);
          break;
        }
      }
    }
    // "X is the smallest unit", "X, much like Y, is the smallest unit".
    const c = hs - 1;
    if (c >= 1 && COPULAS.has(tokens[c]!.lower)) {
      ends.add(c);
      if (tokens[c - 1]!.text === ',') {
        for (let p = c - 2; p >= 1 && c - p <= MAX_PARENTHETICAL; p--) {
          if (tokens[p]!.text === ',') {
            ends.add(p);
            break;
          }
        }
      }
    }
    // "the older method, hand weaving"; "a fungus called leaf blight"; "its weakness is X". A
    // bracket after the head most often holds its abbreviation; instances ("such as") are
    // `instanceOfHead`'s. A copula after the head says what it is only when the phrase is
    // definite ("its main weakness is X"): "killer cells are a part of ..." classifies the head.
    const next = tokens[h + 1];
    const definite = DEFINITE_OPENERS.has(tokens[hs]!.lower);
    const apposed = next !== undefined && next.text !== '(' && APPOSITION_MARKS.has(next.text) && HEAD_PHRASE_TAGS.has(tags.pos[h + 2] ?? '');
    if (apposed || (next && HEAD_LINKERS.has(next.lower) && (definite || !COPULAS.has(next.lower)))) starts.add(h + 2);
    else if (next && next.lower === 'known' && tokens[h + 2]?.lower === 'as') starts.add(h + 3);
    if (ends.size + starts.size > linked) sources.add(h);
  }
  return { ends, starts, sources };
}

/**
 * The span is an instance the sentence lists for the head noun: "grains, such as | barley, | rye
 * and | spelt", "ports, including Hull, Leith and | Dover"; any item of the list, as each is one. Bounded like `introducesExample`.
 */
export function instanceOfHead(tokens: readonly QaToken[], from: number, headTerm: string): boolean {
  let k = from - 1;
  for (let steps = 0; k >= 0 && steps < 16; steps++, k--) {
    const t = tokens[k]!.lower;
    let opener = -1;
    if (t === 'including' || t === 'like' || t === 'e.g.') opener = k;
    else if (t === 'as' && tokens[k - 1]?.lower === 'such') opener = k - 1;
    if (opener >= 0) {
      const before = tokens[opener - 1]?.text === ',' ? opener - 2 : opener - 1;
      return tokens[before]?.term === headTerm && !(t === 'like' && before < opener - 1);
    }
    if (t === '.' || t === ';' || t === ':' || t === '(' || t === ')') return false;
  }
  return false;
}

/** The span [from, to) fills a slot `headLinks` marked (past an opening quote or bracket). */
export function headLinked(tokens: readonly QaToken[], links: HeadLinks, from: number, to: number): boolean {
  if (links.ends.has(to)) return true;
  return links.starts.has(from) || links.starts.has(openingMarkBefore(tokens, from) + 1);
}
