/**
 * Speaker mentions: the noun phrase before a cue ("US envoy Richard Grenell said", "a campaign
 * operative said", "he said") or after it ("said Trump", "according to a spokeswoman for the
 * campaign"). Token rules over the segmentation, bounded to a few tokens each.
 */
import { NOT_SPEAKERS, PRONOUNS, ROLE_NOUNS, ROLE_OPENERS, TITLES } from '../lexicon/titles-roles';
import { CUE_VERBS } from '../lexicon/speech-verbs';
import { isCapitalized, isWord, type QuoteContext } from './context';

export type MentionType = 'name' | 'role' | 'pronoun';

export interface Mention {
  /** Token range [first, last] inclusive. */
  readonly first: number;
  readonly last: number;
  readonly type: MentionType;
}

/** Longest mention in tokens: names with titles rarely exceed this ("former Secretary of State Hillary Rodham Clinton"). */
const MAX_MENTION_TOKENS = 9;

/** Joiners allowed inside a name or role phrase when a capitalized word or role follows. */
const INNER_JOINERS = new Set(['of', 'for', 'at', 'de', 'la', 'van', 'von', 'der', 'al', 'bin', '&', '-', 'and']);

/** Determiners that open a short speaker phrase no role noun heads ("the announcer", "one user", "another commenter"). */
const PHRASE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'one', 'another', 'some', 'several', 'many']);

/** Joiners that, after a full name, open where the person works or comes from ("Ann Lee of Ohio State"). */
const AFFILIATION_JOINERS = new Set(['of', 'for', 'at']);

/** Lowercase words that may modify a role noun ("campaign", "senior", "top"): anything but these. */
const ROLE_BREAKERS = new Set([
  ...NOT_SPEAKERS, 'said', 'says', 'told', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had',
  'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'do', 'does', 'did', 'not', 'that',
  'than', 'who', 'which', 'according', 'into', 'onto', 'over', 'under', 'between', 'against', 'during',
]);

function isPossessive(word: string): boolean {
  return word.endsWith("'s") || word.endsWith("s'");
}

/**
 * The apostrophe of a plural possessive, a token of its own ("workers' union" is `workers` `'` `union`):
 * glued to a word ending in s, and not paired as a quotation mark.
 */
function isPossessiveApostrophe(ctx: QuoteContext, i: number): boolean {
  const toks = ctx.seg.tokens;
  const t = toks[i];
  const prev = toks[i - 1];
  return t !== undefined && prev !== undefined && t.kind === 'quote' && ctx.words[i] === "'" && ctx.regionOf[i]! < 0 &&
    prev.end === t.start && ctx.words[i - 1]!.endsWith('s') && isWord(ctx, i - 1);
}

/** "US" in capitals before a title or a name ("US Senator Ann Lee", "US officials"): the country, not the pronoun "us". */
function isUsAbbreviation(ctx: QuoteContext, i: number): boolean {
  const t = ctx.seg.tokens[i];
  return ctx.words[i] === 'us' && t !== undefined && ctx.folded.slice(t.start, t.end) === 'US';
}

/** A single capital letter: an initial ("H." in "Laurence H. Tribe"). */
function isInitial(ctx: QuoteContext, i: number): boolean {
  const w = ctx.words[i];
  return w !== undefined && w.length === 1 && isCapitalized(ctx, i);
}

function isNameWord(ctx: QuoteContext, i: number): boolean {
  if (!isCapitalized(ctx, i)) return false;
  const w = ctx.words[i]!;
  return !NOT_SPEAKERS.has(w) && (!CUE_VERBS.has(w) || isGivenNameCue(ctx, i) || isNameEndingCue(ctx, i)) && !isOpeningParticiple(ctx, i);
}

/**
 * A capitalized base form of a cue that ends a name ("the Islamic State", "Ohio State"): right after
 * a capitalized word inside the sentence. Only the base form: "Trump Says" and "Lee Added" are a
 * headline's verb.
 */
function isNameEndingCue(ctx: QuoteContext, i: number): boolean {
  const s = ctx.sentenceOf[i]!;
  if (i - 1 <= ctx.seg.sentences[s]!.tokenStart || CUE_VERBS.get(ctx.words[i]!)!.form !== 'base') return false;
  const prev = ctx.words[i - 1]!;
  return ctx.seg.tokens[i - 1]!.kind === 'word' && isCapitalized(ctx, i - 1) && !NOT_SPEAKERS.has(prev) && !CUE_VERBS.has(prev);
}

/** A participle that opens its sentence ("Appearing before the court, ...", "Speaking on Monday, ..."): no name. */
function isOpeningParticiple(ctx: QuoteContext, i: number): boolean {
  const w = ctx.words[i]!;
  return w.length > 5 && w.endsWith('ing') && i === ctx.seg.sentences[ctx.sentenceOf[i]!]!.tokenStart;
}

/**
 * A capitalized cue word that is a given name ("spokeswoman Hope Hicks"): inside a sentence, not
 * after a quotation mark (where "Says" or "Added" open a clause), and right before another name.
 */
function isGivenNameCue(ctx: QuoteContext, i: number): boolean {
  const s = ctx.sentenceOf[i]!;
  if (i === ctx.seg.sentences[s]!.tokenStart || ctx.seg.tokens[i - 1]?.kind !== 'word') return false;
  const next = ctx.words[i + 1];
  return next !== undefined && isCapitalized(ctx, i + 1) && !NOT_SPEAKERS.has(next) && !CUE_VERBS.has(next);
}

/** The mention ending at token `last` (the word right before a cue), not reaching before `lo`. */
export function mentionEndingAt(ctx: QuoteContext, last: number, lo: number): Mention | null {
  // "Rep. Ann Lee (D-Ore.) said": step over a short parenthetical after the name.
  if (last >= lo && ctx.words[last] === ')') {
    let k = last - 1;
    while (k >= lo && k > last - 8 && ctx.words[k] !== '(') k--;
    if (k >= lo && ctx.words[k] === '(') {
      const inner = mentionEndingAt(ctx, k - 1, lo);
      return inner && inner.type === 'name' ? { first: inner.first, last, type: 'name' } : null;
    }
    return null;
  }
  if (last < lo || !isWord(ctx, last) || ctx.regionOf[last]! >= 0) return null;
  const w = ctx.words[last]!;
  if (w in PRONOUNS) return { first: last, last, type: 'pronoun' };
  // "..., one said": a new, unnamed speaker when the word opens its clause.
  if (UNNAMED_SPEAKERS.has(w) && (last === lo || ctx.words[last - 1] === ',' || ctx.seg.tokens[last - 1]?.kind === 'quote')) {
    return { first: last, last, type: 'role' };
  }
  const floor = Math.max(lo, last - MAX_MENTION_TOKENS + 1);
  if (isNameWord(ctx, last)) {
    let first = last;
    for (let i = last - 1; i >= floor; i--) {
      const wi = ctx.words[i]!;
      if (ctx.regionOf[i]! >= 0) break;
      // The period of an abbreviated title ("Rep. Ann Lee", "Sen. Okafor") is a separate token.
      if (wi === '.' && i - 1 >= floor && (TITLES.has(ctx.words[i - 1]!) || isInitial(ctx, i - 1)) && ctx.seg.tokens[i - 1]!.end === ctx.seg.tokens[i]!.start) {
        first = i - 1;
        i--;
        continue;
      }
      if (isNameWord(ctx, i) || (isWord(ctx, i) && TITLES.has(wi) && !NOT_SPEAKERS.has(wi)) || isUsAbbreviation(ctx, i)) first = i;
      else if (ctx.seg.tokens[i]!.kind === 'abbrev' && isCapitalized(ctx, i)) first = i;
      else if (INNER_JOINERS.has(wi) && i - 1 >= floor && (isNameWord(ctx, i - 1) || ROLE_NOUNS.has(ctx.words[i - 1]!))) first = i;
      else if (wi === 'the' && isNameWord(ctx, i + 1)) {
        first = i;
        break;
      } else break;
    }
    // "Clinton's campaign" is handled by the role branch; a possessive name right before a cue is not a speaker.
    if (isPossessive(w)) return null;
    while (first < last && INNER_JOINERS.has(ctx.words[first]!)) first++;
    // "Officials said": a role noun capitalized only because it opens the sentence.
    if (first === last && ROLE_NOUNS.has(w)) return { first, last, type: 'role' };
    return { first, last, type: 'name' };
  }
  if (ROLE_NOUNS.has(w)) {
    let first = last;
    for (let i = last - 1; i >= floor; i--) {
      const wi = ctx.words[i]!;
      const kind = ctx.seg.tokens[i]!.kind;
      if (ctx.regionOf[i]! >= 0) break;
      // "The transit workers' union": the possessive belongs to the phrase; its head stays the role.
      if (isPossessiveApostrophe(ctx, i)) continue;
      if (ROLE_OPENERS.has(wi) || kind === 'number') {
        first = i;
        // "a spokesman for the campaign": continue over the joiner to the head role.
        const j = i - 1;
        if (j - 1 >= floor && INNER_JOINERS.has(ctx.words[j]!) && ROLE_NOUNS.has(ctx.words[j - 1]!)) {
          i = j;
          first = j - 1;
          continue;
        }
        break;
      }
      if (isWord(ctx, i) && !ROLE_BREAKERS.has(wi) && !CUE_VERBS.has(wi)) first = i;
      // "the Kent senator and Labour leadership candidate": two roles of one person.
      else if (wi === 'and' && i - 1 >= floor && (ROLE_NOUNS.has(ctx.words[i - 1]!) || TITLES.has(ctx.words[i - 1]!)) && ctx.regionOf[i - 1]! < 0) first = i;
      else break;
    }
    return { first, last, type: 'role' };
  }
  // "the announcer", "the ad's narrator": a short phrase opened by a determiner.
  if (!ROLE_BREAKERS.has(w) && !CUE_VERBS.has(w) && !isPossessive(w)) {
    for (let i = last - 1; i >= Math.max(lo, last - 3); i--) {
      const wi = ctx.words[i]!;
      if (ctx.regionOf[i]! >= 0 || !isWord(ctx, i)) break;
      if (PHRASE_DETERMINERS.has(wi)) return { first: i, last, type: 'role' };
      if (ROLE_BREAKERS.has(wi) || CUE_VERBS.has(wi)) break;
    }
  }
  return null;
}

/** The mention starting at token `first` (right after an inverted cue or "according to"), not past `hi`. */
export function mentionStartingAt(ctx: QuoteContext, first: number, hi: number): Mention | null {
  if (first > hi || !isWord(ctx, first) || ctx.regionOf[first]! >= 0) return null;
  const w = ctx.words[first]!;
  if (w in PRONOUNS && !isUsAbbreviation(ctx, first)) return { first, last: first, type: 'pronoun' };
  const ceil = Math.min(hi, first + MAX_MENTION_TOKENS - 1);
  let last = -1;
  let sawName = false;
  let sawRole = false;
  let personWords = 0;
  for (let i = first; i <= ceil; i++) {
    const wi = ctx.words[i]!;
    if (ctx.regionOf[i]! >= 0 || !isWord(ctx, i)) {
      if (ctx.seg.tokens[i]!.kind === 'number' && i === first) continue;
      if (i > first && isPossessiveApostrophe(ctx, i)) continue; // "according to the workers' union"
      // "Vann R. Newkirk", "Sen. Warren": the period of an initial or title inside the name.
      if (wi === '.' && i > first && (isInitial(ctx, i - 1) || TITLES.has(ctx.words[i - 1]!)) && i + 1 <= ceil && isNameWord(ctx, i + 1)) continue;
      break;
    }
    if (isNameWord(ctx, i)) {
      last = i;
      sawName = true;
      if (!TITLES.has(wi)) personWords++;
      if (isPossessive(wi)) continue;
    } else if (ROLE_NOUNS.has(wi)) {
      last = i;
      sawRole = true;
    } else if ((i === first && ROLE_OPENERS.has(wi)) || isUsAbbreviation(ctx, i)) {
      continue;
    } else if (TITLES.has(wi) && !NOT_SPEAKERS.has(wi)) {
      continue;
    } else if (i > first && isCapitalized(ctx, i) && INNER_JOINERS.has(ctx.words[i - 1]!) && !NOT_SPEAKERS.has(wi)) {
      // "Secretary of State": a capitalized word after a joiner is a name even when it is also a cue ("State").
      last = i;
    } else if (INNER_JOINERS.has(wi) && last >= 0 && i + 1 <= ceil && (isNameWord(ctx, i + 1) || isCapitalized(ctx, i + 1) || ROLE_OPENERS.has(ctx.words[i + 1]!))) {
      // "Ann Lee of Ohio State": after a person's full name, "of" opens an affiliation, not more name
      // ("Bank of America" and "Secretary of State" have one word or a title before it).
      if (personWords >= 2 && AFFILIATION_JOINERS.has(wi)) break;
      continue;
    } else if (!sawName && !sawRole && !ROLE_BREAKERS.has(wi) && !CUE_VERBS.has(wi) && i > first) {
      continue; // adjectives before a role noun: "a senior campaign official"
    } else {
      break;
    }
  }
  if (last < 0) return null;
  return { first, last, type: sawName && !ROLE_NOUNS.has(ctx.words[last]!) ? 'name' : 'role' };
}

/** Words that end a descriptor after an inverted cue ("said a lobbyist who ...", "said a voter at the rally"). */
const DESCRIPTOR_STOPS = new Set([
  'who', 'whose', 'which', 'that', 'with', 'at', 'in', 'on', 'from', 'for', 'of', 'after', 'before', 'during',
  'as', 'while', 'when', 'outside', 'inside', 'near', 'to', 'about',
]);
/** Most words of a descriptor after its determiner ("an industry lobbyist", "the 46-year-old retired teacher"). */
const MAX_DESCRIPTOR_WORDS = 5;
/** Pronoun-like words for a new, unnamed speaker ("one said", "said another"). */
const UNNAMED_SPEAKERS = new Set(['one', 'another']);

/** A token written against both its neighbours, with no space ("46-year-old"). */
function isGlued(ctx: QuoteContext, k: number): boolean {
  const t = ctx.seg.tokens;
  return t[k - 1] !== undefined && t[k + 1] !== undefined && t[k - 1]!.end === t[k]!.start && t[k]!.end === t[k + 1]!.start;
}

/** Whether token `k` ends the words of a speaker phrase: the sentence, a comma or a clause opener. */
function endsPhrase(ctx: QuoteContext, k: number, hi: number): boolean {
  const w = ctx.words[k];
  return k > hi || w === undefined || ctx.seg.tokens[k]!.kind === 'punct' || DESCRIPTOR_STOPS.has(w);
}

/**
 * A speaker phrase after an inverted cue that no lexicon word heads: "said an industry lobbyist",
 * "said the 46-year-old", "says psychologist Ann Lee" (a descriptor before a name), "said another"
 * (a new, unnamed speaker). Read only where the cue's position already makes the next words its
 * subject; null when the words do not end where a speaker phrase ends.
 */
export function descriptorStartingAt(ctx: QuoteContext, first: number, hi: number): Mention | null {
  if (first > hi || !isWord(ctx, first) || ctx.regionOf[first]! >= 0 || isCapitalized(ctx, first)) return null;
  const w = ctx.words[first]!;
  if (UNNAMED_SPEAKERS.has(w) && endsPhrase(ctx, first + 1, hi)) return { first, last: first, type: 'role' };
  // "psychologist Ann Lee", "longtime resident Ann Lee": lowercase words, then a name.
  if (!ROLE_OPENERS.has(w)) {
    for (let k = first; k <= Math.min(hi, first + 2); k++) {
      if (isNameWord(ctx, k)) {
        const named = mentionStartingAt(ctx, k, hi);
        return named && named.type === 'name' ? named : null;
      }
      if (!isWord(ctx, k) || ROLE_BREAKERS.has(ctx.words[k]!) || CUE_VERBS.has(ctx.words[k]!)) return null;
    }
    return null;
  }
  if (w !== 'a' && w !== 'an' && w !== 'the') return null;
  for (let k = first + 1; k <= Math.min(hi, first + MAX_DESCRIPTOR_WORDS + 2); k++) {
    const wk = ctx.words[k]!;
    // A hyphen inside a compound ("the 46-year-old") is part of the word.
    if (wk === '-' && k > first + 1 && isGlued(ctx, k)) continue;
    const word = isWord(ctx, k) || ctx.seg.tokens[k]!.kind === 'number';
    if (!word || ctx.regionOf[k]! >= 0 || isCapitalized(ctx, k) || ROLE_BREAKERS.has(wk) || CUE_VERBS.has(wk)) return null;
    if (ctx.words[k + 1] === '-' && isGlued(ctx, k + 1)) continue;
    if (endsPhrase(ctx, k + 1, hi)) return { first, last: k, type: 'role' };
  }
  return null;
}

/** The first mention that opens a sentence or clause (its grammatical subject, for ", saying ..."). */
export function subjectAt(ctx: QuoteContext, from: number, to: number): Mention | null {
  let i = from;
  // Skip an opening adverbial ("On Friday, ...", "In a statement, ...") up to its comma.
  for (let k = from; k < Math.min(to, from + 8); k++) {
    if (ctx.words[k] === ',') {
      if (!isNameWord(ctx, from) || ROLE_OPENERS.has(ctx.words[from]!)) i = k + 1;
      break;
    }
  }
  while (i < to && (ctx.seg.tokens[i]!.kind === 'quote' || NOT_SPEAKERS.has(ctx.words[i]!)) && !(ctx.words[i]! in PRONOUNS) && !(ctx.words[i] === 'the' || ctx.words[i] === 'a' || ctx.words[i] === 'an')) i++;
  const m = mentionStartingAt(ctx, i, to - 1);
  if (!m) return null;
  // The subject must be followed by a verb-like word, not be the object of a preposition.
  return m;
}

/** Most tokens of a subject phrase no lexicon word heads ("58 percent of Florida voters", "ordinary Chinese traders"). */
const MAX_SUBJECT_PHRASE_TOKENS = 10;
/** Joiners inside such a phrase ("supporters of reform", "one in five", "companies and traders"). */
const SUBJECT_PHRASE_JOINERS = new Set(['of', 'in', 'for', 'from', 'at', 'and', 'on', 'across']);
/** Number words, which the speaker lists treat as determiners ("One in five say", "two in three said"). */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
/** Words before a number inside a share ("about four in 10", "nearly 60 percent", "more than 300"). */
const QUANTITY_LEADS = new Set(['about', 'nearly', 'almost', 'roughly', 'around', 'only', 'just', 'than', 'more', 'fewer', 'over', 'under']);
/** Conjunctions and adverbs that open a sentence before its subject ("But voters say", "Still, critics argue"). */
const SENTENCE_LEADS = new Set(['but', 'and', 'yet', 'still', 'so', 'now', 'again', 'meanwhile', 'instead', 'indeed', 'also', 'however']);
/** Words that open a subordinate clause or relative: a subject phrase never holds one ("When the moderator said"). */
const CLAUSE_OPENERS = new Set(['who', 'whom', 'whose', 'which', 'that', 'when', 'while', 'if', 'because', 'although', 'though', 'since', 'unless', 'whether', 'where', 'as', 'what', 'how', 'why']);

/** Finite auxiliaries: an opening phrase holding one is a clause, not an adverbial. */
const FINITE_WORDS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'did', 'does', 'do']);

function isNumberLike(ctx: QuoteContext, k: number): boolean {
  const t = ctx.seg.tokens[k];
  return t !== undefined && (t.kind === 'number' || NUMBER_WORDS.has(ctx.words[k]!) || ctx.words[k] === '%');
}

/** Determiners after which a verb's base form is a noun ("the state", "a report", "her claim"). */
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 'our']);

/** Whether token `k` can be a word of a subject phrase read back from its cue. */
function subjectPhraseWord(ctx: QuoteContext, k: number): boolean {
  if (ctx.regionOf[k]! >= 0) return false;
  const w = ctx.words[k]!;
  if (isNumberLike(ctx, k) || isPossessiveApostrophe(ctx, k)) return true;
  if (QUANTITY_LEADS.has(w) && isNumberLike(ctx, k + 1)) return true;
  if (!isWord(ctx, k) || CLAUSE_OPENERS.has(w) || w in PRONOUNS) return false;
  // A base form right after a determiner is a noun ("voters in the state", "authors of the report").
  if (CUE_VERBS.has(w) && !(CUE_VERBS.get(w)!.form === 'base' && NOUN_DETERMINERS.has(ctx.words[k - 1] ?? ''))) return false;
  if (SUBJECT_PHRASE_JOINERS.has(w)) return true;
  return !ROLE_BREAKERS.has(w) || ROLE_OPENERS.has(w);
}

/**
 * The subject of a cue that no speaker rule reads because no lexicon word heads it ("Chinese military
 * commentators have said", "But 58 percent of Florida voters said", "Organizers of both conventions
 * insist", "One in five say", "Again, those surveyed said"): the words before the cue back to the start
 * of the sentence, after an opening conjunction, or after the comma of an opening adverbial. The
 * phrase must open its clause there, and its last word must be able to head a noun phrase (not a
 * joiner, an adverb or a determiner); otherwise the cue belongs to some other construction.
 */
export function subjectPhraseEndingAt(ctx: QuoteContext, last: number, ts: number): Mention | null {
  if (last < ts || !subjectPhraseWord(ctx, last)) return null;
  const head = ctx.words[last]!;
  if (SUBJECT_PHRASE_JOINERS.has(head) || QUANTITY_LEADS.has(head) || (ROLE_OPENERS.has(head) && !NUMBER_WORDS.has(head)) || (head.length > 3 && head.endsWith('ly'))) return null;
  // "those surveyed said": a participle heads the phrase only after "those".
  // "those surveyed said", "56 percent of voters polled said": a participle heads the phrase only
  // after "those" or a plural noun it modifies.
  const prev = ctx.words[last - 1] ?? '';
  if (head.endsWith('ed') && prev !== 'those' && !(prev.length > 3 && prev.endsWith('s') && !prev.endsWith('ss') && !CUE_VERBS.has(prev) && isWord(ctx, last - 1) && !isCapitalized(ctx, last - 1))) return null;
  let first = last;
  while (first - 1 >= ts && first - 1 > last - MAX_SUBJECT_PHRASE_TOKENS && subjectPhraseWord(ctx, first - 1)) first--;
  while (first < last && SUBJECT_PHRASE_JOINERS.has(ctx.words[first]!)) first++;
  const before = first - 1;
  if (first === ts || (before === ts && (ctx.seg.tokens[ts]!.kind === 'quote' || SENTENCE_LEADS.has(ctx.words[ts]!)))) return { first, last, type: 'role' };
  // "On social issues they lean left: 42% say ...": a colon opens a clause of its own.
  if (ctx.words[before] === ':' && ctx.regionOf[before]! < 0) return { first, last, type: 'role' };
  // "Again, those surveyed said", "In Iowa, most caucusgoers said": after an opening adverbial's comma
  // (a short phrase that opens with a preposition, an adverb or a conjunction and has no verb of its own).
  if (ctx.words[before] === ',' && before - ts <= 6) {
    const opener = ctx.words[ts]!;
    const adverbial = SENTENCE_LEADS.has(opener) || NOT_SPEAKERS.has(opener) && !(opener in PRONOUNS) || (opener.length > 3 && opener.endsWith('ly'));
    for (let k = ts; k < before; k++) {
      const w = ctx.words[k]!;
      if (CUE_VERBS.has(w) || FINITE_WORDS.has(w) || w in PRONOUNS) return null;
    }
    if (adverbial) return { first, last, type: 'role' };
  }
  return null;
}
