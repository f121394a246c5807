/**
 * Speaker resolution within one article: every mention gets the canonical name of the person or
 * organisation it refers to, or null when no rule is confident.
 * - names: titles stripped; a surname alone takes the full name used elsewhere in the article
 *   ("Grenell" -> "Richard Grenell") when only one full name ends with it;
 * - pronouns ("he", "she", "they"): the most recent compatible *speaker* within the last paragraphs
 *   first (news keeps the speaker in focus: "he was quoted as saying" after Maduro and Trump were
 *   mentioned still means Grenell), then the most recent compatible person named;
 * - indefinite roles ("a source", "officials") stay unresolved: the speaker is shown as written.
 */
import { PRONOUNS } from '../lexicon/titles-roles';
import { isCapitalized, type QuoteContext } from './context';
import type { Mention } from './mentions';
import { canonicalName, genderOf, isPersonLike, nameKey, type Gender } from './names';
import { NOT_SPEAKERS, TITLES } from '../lexicon/titles-roles';
import { CUE_VERBS } from '../lexicon/speech-verbs';

/** How many paragraphs back a pronoun may look for its antecedent. */
const PRONOUN_PARAGRAPH_WINDOW = 3;
/**
 * How many earlier speakers, and named persons, a pronoun may look back over. News keeps its
 * antecedent among the last few names; the bound keeps a paragraph of thousands of names (a list,
 * an attack) linear instead of quadratic.
 */
const PRONOUN_SPEAKERS_BACK = 30;
const PRONOUN_PERSONS_BACK = 60;

interface Person {
  readonly name: string;
  gender: Gender;
  readonly offset: number;
  readonly paragraph: number;
}

export interface Resolution {
  readonly ref: string | null;
  /** Multiplier on the frame's trust. */
  readonly certainty: number;
}

export class SpeakerResolver {
  private readonly persons: Person[] = [];
  private readonly fullNames = new Map<string, Set<string>>();
  private readonly genders = new Map<string, Gender>();
  /** nameKey of each name met, computed once (names repeat through an article). */
  private readonly keys = new Map<string, string[]>();
  /** canonicalName and genderOf of each capitalized run met (runs repeat through an article: about 9% of an analysis before). */
  private readonly runs = new Map<string, { name: string | null; gender: Gender }>();
  private readonly personLikeCache = new Map<string, boolean>();
  /** Resolved speakers of earlier frames, in text order. */
  private readonly speakers: Array<{ name: string; offset: number; paragraph: number; plural: boolean }> = [];

  constructor(private readonly ctx: QuoteContext) {
    this.collectNames();
  }

  /** Capitalized runs of two or more words outside quotations: the people and bodies of the article. */
  private collectNames(): void {
    const { ctx } = this;
    const toks = ctx.seg.tokens;
    let i = 0;
    while (i < toks.length) {
      if (!isCapitalized(ctx, i) || ctx.regionOf[i]! >= 0) {
        i++;
        continue;
      }
      if (toks[i]!.kind === 'abbrev') {
        i++;
        continue;
      }
      let j = i;
      const sentence = ctx.sentenceOf[i]!;
      while (j + 1 < toks.length && isCapitalized(ctx, j + 1) && ctx.regionOf[j + 1]! < 0 && ctx.sentenceOf[j + 1] === sentence && toks[j + 1]!.kind !== 'abbrev' && j - i < 6) j++;
      // "Here's Dunn", "There's Lee": a contraction of a function word opens no name; nor does an
      // inverted cue opening a sentence ("Said Lee:", "Added Ruiz,").
      const opener = ctx.words[i]!;
      const first = NOT_SPEAKERS.has(opener.replace(/['\u2019]s$/, '')) || (CUE_VERBS.get(opener)?.form === 'past' && j > i) ? i + 1 : i;
      if (j > first || (j === first && !NOT_SPEAKERS.has(ctx.words[j]!) && !TITLES.has(ctx.words[j]!))) {
        const text = ctx.folded.slice(toks[first]!.start, toks[j]!.end);
        let known = this.runs.get(text);
        if (!known) {
          const canonical = canonicalName(text);
          known = { name: canonical, gender: canonical ? genderOf(text) : null };
          this.runs.set(text, known);
        }
        const name = known.name;
        if (name) {
          const gender = known.gender;
          const para = ctx.seg.sentences[ctx.sentenceOf[first]!]!.paragraph;
          this.persons.push({ name, gender, offset: toks[first]!.start, paragraph: para });
          const key = this.keyOf(name);
          if (key.length >= 2) {
            const last = key.at(-1)!;
            if (!this.fullNames.has(last)) this.fullNames.set(last, new Set());
            this.fullNames.get(last)!.add(name);
          }
          if (gender && !this.genders.has(name)) this.genders.set(name, gender);
        }
      }
      i = j + 1;
    }
  }

  private keyOf(name: string): string[] {
    let key = this.keys.get(name);
    if (!key) {
      key = nameKey(name);
      this.keys.set(name, key);
    }
    return key;
  }

  /** Index of the first person named at or after `offset` (persons are in text order). */
  private personsBefore(offset: number): number {
    let lo = 0;
    let hi = this.persons.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.persons[mid]!.offset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The full name for a surname alone, when the article uses exactly one full name ending with it. */
  private expand(name: string): string {
    const key = this.keyOf(name);
    if (key.length !== 1) return name;
    const full = this.fullNames.get(key[0]!);
    return full && full.size === 1 ? [...full][0]! : name;
  }

  /** isPersonLike, computed once per name. */
  private personLike(name: string): boolean {
    let v = this.personLikeCache.get(name);
    if (v === undefined) {
      v = isPersonLike(name);
      this.personLikeCache.set(name, v);
    }
    return v;
  }

  private genderOfName(name: string): Gender {
    return this.genders.get(name) ?? null;
  }

  /** Resolve one mention (in text order) and remember it as the latest speaker. */
  resolve(mention: Mention | null, mentionText: string | null, offset: number, paragraph: number): Resolution {
    if (!mention || !mentionText) return { ref: null, certainty: 1 };
    let res: Resolution;
    if (mention.type === 'pronoun') res = this.resolvePronoun(this.ctx.words[mention.first]!, offset, paragraph);
    else if (mention.type === 'name') {
      const name = canonicalName(mentionText);
      res = { ref: name ? this.expand(name) : null, certainty: 1 };
    } else {
      // Roles: a capitalized body ("the White House", "the Trump administration") is a name; "a source" is not.
      const opener = this.ctx.words[mention.first]!;
      // The first word may be capitalized only because it opens the sentence ("Officials said").
      const capitalized = /\p{Lu}/u.test(mentionText.replace(/^\S+\s*/, ''));
      res = { ref: capitalized && !['a', 'an', 'another', 'one'].includes(opener) ? canonicalName(mentionText) : null, certainty: 1 };
    }
    if (res.ref) {
      const plural = mention.type === 'role' || (mention.type === 'pronoun' && this.ctx.words[mention.first] === 'they');
      this.speakers.push({ name: res.ref, offset, paragraph, plural });
    }
    return res;
  }

  private resolvePronoun(pronoun: string, offset: number, paragraph: number): Resolution {
    const kind = PRONOUNS[pronoun];
    if (kind === 'self' || kind === 'n' || kind === undefined) return { ref: null, certainty: 1 };
    const wanted: Gender = kind === 'm' ? 'm' : kind === 'f' ? 'f' : null;
    // "he" and "she" point at people only: never at a place, a party or a heading named nearby.
    const compatible = (name: string): boolean => {
      const g = this.genderOfName(name);
      return (g === null || g === wanted) && this.personLike(name);
    };
    // 1. The latest compatible speaker nearby.
    for (let k = this.speakers.length - 1; k >= 0 && k >= this.speakers.length - PRONOUN_SPEAKERS_BACK; k--) {
      const sp = this.speakers[k]!;
      if (sp.offset > offset) continue;
      if (paragraph - sp.paragraph > PRONOUN_PARAGRAPH_WINDOW) break;
      if (kind === 'pl' ? sp.plural : !sp.plural && compatible(sp.name)) {
        if (wanted && !this.genders.has(sp.name)) this.genders.set(sp.name, wanted);
        return { ref: sp.name, certainty: 0.95 };
      }
    }
    if (kind === 'pl') return { ref: null, certainty: 1 };
    // 2. The latest compatible person named before it.
    const end = this.personsBefore(offset);
    const floor = Math.max(0, end - PRONOUN_PERSONS_BACK);
    for (let k = end - 1; k >= floor; k--) {
      const p = this.persons[k]!;
      if (paragraph - p.paragraph > PRONOUN_PARAGRAPH_WINDOW) break;
      const name = this.expand(p.name);
      // First pass: a person whose given name or title says the pronoun's gender.
      if (wanted && this.genderOfName(name) === wanted && this.personLike(name)) return { ref: name, certainty: 0.85 };
    }
    // Second pass: the latest person of unknown gender.
    for (let k = end - 1; k >= floor; k--) {
      const p = this.persons[k]!;
      if (paragraph - p.paragraph > PRONOUN_PARAGRAPH_WINDOW) break;
      const name = this.expand(p.name);
      const key = this.keyOf(name);
      if (key.length < 2 && !this.fullNames.has(key[0] ?? '')) continue;
      if (compatible(name)) {
        if (wanted && !this.genders.has(name)) this.genders.set(name, wanted);
        return { ref: name, certainty: 0.7 };
      }
    }
    return { ref: null, certainty: 1 };
  }
}
