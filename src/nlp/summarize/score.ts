/**
 * Sentence scores: a position prior (the lede) mixed with centrality, term salience, name/number
 * density and title similarity, all in [0, 1], multiplied by the static penalties.
 */
import type { Segmentation } from '../segment';
import { cosine, lexRank, sentenceVectors, similarityMatrix, type SentenceVector } from './centrality';
import { sentenceFeatures, type SentenceFeatures } from './features';
import { isStoryWithFactor, staticFactor } from './penalties';
import { sentenceSalience, termStats, type TermStats } from './salience';
import { termsOf } from './terms';
import type { SummaryWeights } from './weights';

/** Everything the selector and the keyword ranker need, computed once per article. */
export interface ScoredArticle {
  readonly features: readonly SentenceFeatures[];
  readonly stats: TermStats;
  readonly similarity: Float64Array;
  /** Final score per sentence (0 = never pick). */
  readonly scores: readonly number[];
  /** Each sentence's staticFactor (0 = furniture or a fragment: no keywords come from it). */
  readonly factors: readonly number[];
  /** The parts, for explaining and tuning. */
  readonly parts: {
    readonly position: readonly number[];
    readonly centrality: readonly number[];
    readonly salience: readonly number[];
    readonly entities: readonly number[];
    readonly title: readonly number[];
    readonly quality: readonly number[];
  };
}

/** Names and numbers per word, scaled to [0, 1] by the article's maximum. */
function entityDensity(features: readonly SentenceFeatures[]): number[] {
  const raw = features.map((f) => (f.wordCount > 0 ? (f.properNouns + f.numbers) / Math.sqrt(f.wordCount) : 0));
  const max = Math.max(0, ...raw);
  return max > 0 ? raw.map((v) => v / max) : raw.map(() => 0);
}

function titleSimilarity(title: string | undefined, vectors: readonly SentenceVector[], stats: TermStats): number[] {
  if (!title || title.trim() === '') return vectors.map(() => 0);
  // The title is segmented on its own, then weighted with the article's idf.
  const weights = new Map<string, number>();
  let sq = 0;
  const seg = { text: title, folded: title, paragraphs: [], sentences: [], tokens: tokenizeTitle(title) };
  for (const t of termsOf(seg, 0, seg.tokens.length)) {
    const w = (weights.get(t.stem) ?? 0) + (stats.idf.get(t.stem) ?? 0);
    weights.set(t.stem, w);
  }
  for (const w of weights.values()) sq += w * w;
  const tv: SentenceVector = { weights, norm: Math.sqrt(sq) };
  return vectors.map((v) => cosine(v, tv));
}

/** Word tokens of a short title (titles are one line; no sentence logic needed). */
function tokenizeTitle(title: string): Array<{ start: number; end: number; kind: 'word' }> {
  const out: Array<{ start: number; end: number; kind: 'word' }> = [];
  const re = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu;
  const bounded = title.slice(0, 500);
  for (let m = re.exec(bounded); m; m = re.exec(bounded)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'word' });
  return out;
}

/**
 * Each sentence's position counted in story sentences before it (furniture and fragments do not
 * count): the position prior is about where the story starts, not where the page does.
 */
export function storyRanks(story: readonly boolean[]): number[] {
  const out: number[] = [];
  let seen = 0;
  for (const isStory of story) {
    out.push(seen);
    if (isStory) seen++;
  }
  return out;
}

/** Score every (capped) sentence of a segmentation. */
export function scoreSentences(seg: Segmentation, weights: SummaryWeights, title?: string): ScoredArticle {
  const features = sentenceFeatures(seg);
  const stats = termStats(features);
  const vectors = sentenceVectors(features, stats);
  const similarity = similarityMatrix(vectors);
  const centrality = lexRank(similarity, features.length);
  const salience = sentenceSalience(features, stats);
  const entities = entityDensity(features);
  const titleSim = titleSimilarity(title, vectors, stats);
  const factors = features.map((f) => staticFactor(f));
  const story = features.map((f, i) => isStoryWithFactor(f, factors[i]!));
  const rank = storyRanks(story);
  const position = rank.map((r) => 1 / Math.pow(1 + r / weights.positionScale, weights.positionDecay));
  const lede = story.indexOf(true);
  const quality = features.map(
    (f, i) => (i === lede ? staticFactor(f, true) : factors[i]!) * Math.pow(weights.conciseWords / Math.max(weights.conciseWords, f.wordCount), weights.conciseness),
  );
  const scores = features.map(
    (_, i) =>
      quality[i]! *
      (weights.position * position[i]! +
        weights.centrality * centrality[i]! +
        weights.salience * salience[i]! +
        weights.entities * entities[i]! +
        weights.title * titleSim[i]!),
  );
  return { features, stats, similarity, scores, factors, parts: { position, centrality, salience, entities, title: titleSim, quality } };
}
