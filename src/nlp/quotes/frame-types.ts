/**
 * The value every cue rule returns: a cue, its speaker mention and its content fragments, with the
 * pattern that found them and how much that pattern is trusted. A module of its own so that the rule
 * modules name the type without importing the dispatcher (frames.ts) that imports them.
 */
import type { CueClass } from '../lexicon/speech-verbs';
import type { Span } from './content';
import type { Mention } from './mentions';

export type FramePattern = 'head' | 'tail' | 'inverted' | 'according' | 'gerund' | 'quoted' | 'ellipsis' | 'label';

export interface Frame {
  readonly pattern: FramePattern;
  /** Cue token range [cueFirst, cueLast]; -1 for a Q&A label. */
  readonly cueFirst: number;
  readonly cueLast: number;
  readonly cueClass: CueClass;
  readonly mention: Mention | null;
  /** Content pieces as offsets (one, or two around a middle attribution). */
  readonly fragments: Span[];
  readonly sentence: number;
  /** How much the pattern itself is trusted (before speaker resolution). */
  readonly trust: number;
}
