/** POS tags of an indexed sentence, computed on first use and kept in the index's cache. */
import type { QaIndex } from './model';
import { tagTokens, type TokenTags } from './tagger';

export function sentenceTags(index: QaIndex, sentenceIndex: number): TokenTags {
  const cached = index.tags.get(sentenceIndex);
  if (cached) return cached;
  const s = index.sentences[sentenceIndex]!;
  const tags = tagTokens(index.folded, s.tokens);
  index.tags.set(sentenceIndex, tags);
  return tags;
}
