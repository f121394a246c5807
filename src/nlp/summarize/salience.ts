/**
 * Term salience: how much a term says about *this* article. tf-idf where the "document frequency"
 * comes from a background of generic news words (words every story uses get a low weight) and, inside
 * the article, from how many sentences use the term (a term in every sentence separates nothing).
 */
import { GENERIC_NEWS_WORDS } from '../lexicon/summary-background';
import type { SentenceFeatures } from './features';
import { stemOf } from './terms';

/** Background weight per stem, derived once from the word table. */
const BACKGROUND: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const [word, weight] of Object.entries(GENERIC_NEWS_WORDS)) {
    const stem = stemOf(word);
    m.set(stem, Math.min(m.get(stem) ?? 1, weight));
  }
  return m;
})();

/** Background weight of a stem: 1 unless it is a generic news word. */
export function backgroundWeight(stem: string): number {
  return BACKGROUND.get(stem) ?? 1;
}

/** Names count more: a capitalized term is who or where the story is about. */
const PROPER_NOUN_BOOST = 1.5;

export interface TermStats {
  /** Stem -> occurrences in the article. */
  readonly tf: ReadonlyMap<string, number>;
  /** Stem -> number of sentences containing it. */
  readonly sf: ReadonlyMap<string, number>;
  /** Stem -> salience weight (tf-idf against the background). */
  readonly weight: ReadonlyMap<string, number>;
  /** Stem -> inverse sentence frequency times background, for sentence vectors. */
  readonly idf: ReadonlyMap<string, number>;
  readonly sentenceCount: number;
}

/** One stem's counts while the statistics are gathered. */
interface Tally {
  tf: number;
  sf: number;
  proper: number;
}

/** Each stem's counts, in the order stems first appear: one lookup per stem and sentence. */
function tallyOf(features: readonly SentenceFeatures[]): Map<string, Tally> {
  const tally = new Map<string, Tally>();
  for (const f of features) {
    for (const [stem, n] of f.termCounts) {
      const t = tally.get(stem);
      if (t === undefined) tally.set(stem, { tf: n, sf: 1, proper: 0 });
      else {
        t.tf += n;
        t.sf++;
      }
    }
    for (const t of f.terms) if (t.proper) tally.get(t.stem)!.proper++;
  }
  return tally;
}

/** Salience weight of a stem used `count` times, `proper` of them capitalized inside a sentence. */
function weightOf(stem: string, count: number, proper: number): number {
  const isName = proper * 2 >= count;
  return Math.log1p(count) * backgroundWeight(stem) * (isName ? PROPER_NOUN_BOOST : 1);
}

/** Article-level term statistics from the sentence features, in the order stems first appear. */
export function termStats(features: readonly SentenceFeatures[]): TermStats {
  const n = Math.max(1, features.length);
  const tf = new Map<string, number>();
  const sf = new Map<string, number>();
  const weight = new Map<string, number>();
  const idf = new Map<string, number>();
  for (const [stem, t] of tallyOf(features)) {
    tf.set(stem, t.tf);
    sf.set(stem, t.sf);
    weight.set(stem, weightOf(stem, t.tf, t.proper));
    idf.set(stem, Math.log1p(n / t.sf) * backgroundWeight(stem));
  }
  return { tf, sf, weight, idf, sentenceCount: features.length };
}

/** The part of termStats that keywords read (tf and weight), without the sentence-vector parts. */
export function keywordStats(features: readonly SentenceFeatures[]): Pick<TermStats, 'tf' | 'weight'> {
  const tf = new Map<string, number>();
  const weight = new Map<string, number>();
  for (const [stem, t] of tallyOf(features)) {
    tf.set(stem, t.tf);
    weight.set(stem, weightOf(stem, t.tf, t.proper));
  }
  return { tf, weight };
}

/**
 * Salience of each sentence: the summed weight of its distinct terms that recur in the article
 * (a term used once is not a theme), divided by a length normaliser so long sentences do not win by
 * size alone. Returned scaled to [0, 1] by the article's maximum.
 */
export function sentenceSalience(features: readonly SentenceFeatures[], stats: TermStats): number[] {
  const raw = features.map((f) => {
    let sum = 0;
    for (const stem of f.termCounts.keys()) {
      if ((stats.tf.get(stem) ?? 0) < 2) continue;
      sum += stats.weight.get(stem) ?? 0;
    }
    return sum / Math.sqrt(Math.max(8, f.termCounts.size));
  });
  const max = Math.max(0, ...raw);
  return max > 0 ? raw.map((v) => v / max) : raw.map(() => 0);
}
