/**
 * The data shapes of question answering: the per-article index, an analysed question, and the
 * result handed to the CLI and the bot.
 */
import type { Segmentation, TokenKind } from '../segment';
import type { AnswerType } from '../lexicon/qa-answer-types';
import type { TokenTags } from './tagger';

export type { AnswerType };

/** One token of a sentence, with its matching key. */
export interface QaToken {
  readonly start: number;
  readonly end: number;
  /** Folded surface form. */
  readonly text: string;
  readonly lower: string;
  /** Matching key (stem of the word family), see terms.ts. */
  readonly term: string;
  readonly kind: TokenKind;
  /** A content word (counts for retrieval). */
  readonly content: boolean;
}

export interface QaSentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly QaToken[];
  /** Content term -> occurrences in the sentence. */
  readonly termCounts: ReadonlyMap<string, number>;
  /** Number of content tokens (BM25 document length). */
  readonly length: number;
  /**
   * A sentence that opens with a pronoun or "the/this + noun" ("It was rebuilt...", "The academy
   * published...") continues its predecessor's subject: the predecessor's name terms, which count
   * for retrieval at a discount (WEIGHTS.inherited) where the sentence lacks them.
   */
  readonly inherited: ReadonlySet<string>;
}

/** Everything about one article that does not depend on the question; reusable across questions. */
export interface QaIndex {
  readonly text: string;
  readonly folded: string;
  readonly sentences: readonly QaSentence[];
  /** Content term -> number of sentences that contain it. */
  readonly sentenceFrequency: ReadonlyMap<string, number>;
  readonly averageLength: number;
  /** POS tags per sentence, filled the first time a question needs them (a cache, not state). */
  readonly tags: Map<number, TokenTags>;
  /** Lowercased words the article writes capitalized inside a sentence: known names, not sentence-initial capitals. */
  readonly knownNames: ReadonlySet<string>;
  readonly segmentation: Segmentation;
}

/** The question, analysed. */
export interface QuestionAnalysis {
  readonly text: string;
  /** The wh-word that decides the type ("who", "when", "how many", "what"...), or '' when none. */
  readonly wh: string;
  readonly answerType: AnswerType;
  /** The noun after what/which ("country" in "What country..."), lowercased; '' when none. */
  readonly head: string;
  /** Content terms with weights (proper names and numbers weigh more). */
  readonly terms: ReadonlyMap<string, number>;
  /** Terms of the names (capitalized words) and numbers the question mentions. */
  readonly names: ReadonlySet<string>;
  /** Consecutive content-term pairs, for phrase matching. */
  readonly bigrams: readonly string[];
  /** The question asks for the subject of its verb ("Who refused X?"), not its object ("Who did X meet?"). */
  readonly asksSubject: boolean;
  /**
   * Where the answer sits among the question's words once the question is turned back into a
   * statement ("Who did Grenell meet?" -> "Grenell met ___"): terms expected before the answer
   * and after it. Terms in neither are neutral.
   */
  readonly leftTerms: ReadonlySet<string>;
  readonly rightTerms: ReadonlySet<string>;
  /** Terms of the question's main verb(s), used to place the answer before or after it. */
  readonly verbTerms: ReadonlySet<string>;
  /** A who-said question: a speaker or a phrase to look up in the quotes. */
  readonly quoteQuery: QuoteQuery | null;
  /**
   * What a number answer measures: 'money' ("how much did it cost"), 'quantity' ("how much" with
   * its unit), 'count' ("how many"); null for other questions.
   */
  readonly measure: 'money' | 'quantity' | 'count' | null;
  /** The key constraint of a copular question ("the president of Colombia"), or null. */
  readonly focus: QuestionFocus | null;
  /**
   * The question asks what something is or what happened ("What is a mortgage?", "What were the
   * conditions in the camps?", "What happened to the ferry?"): a description, which may be a
   * long phrase with its "of" phrases, not one short name.
   */
  readonly describes: boolean;
  /** "which continent": the closed class the answer must come from (lowercase words), or null. */
  readonly members: ReadonlySet<string> | null;
  /** "what game console": the head's instances are named, so a name fits better than a common noun. */
  readonly wantsName: boolean;
  /** The question asks what something is called ("What is X called?", "another word for X", "known as"). */
  readonly asksTerm: boolean;
  /** The question asks for a sort of its head ("What kind of membrane ..."): the head's modifier answers. */
  readonly asksKind: boolean;
  /**
   * The question asks what its subject does or is like ('do'), how it did something ('how'), or
   * how it is described ('describe'): a predicate answers.
   */
  readonly predicate: 'do' | 'how' | 'describe' | null;
  /** The question asks for an example or one of several ("What is an example of X?"): the text's "such as" lists them. */
  readonly asksExample: boolean;
  /** The preposition right before the wh-word ("into what", "On what console"), lowercase, or ''. */
  readonly whPreposition: string;
  /** The names the question writes, each as its capitalized words' terms ("Britain Can Make It"). */
  readonly nameRuns: ReadonlyArray<readonly string[]>;
  /** The question asks for several things ("Which countries...", "What are the three..."): a list answers. */
  readonly plural: boolean;
}

/** "Who is the president of Colombia?": head term "presid", modifier terms ["colombia"]. */
export interface QuestionFocus {
  /** Matching key of the role or relation noun. */
  readonly head: string;
  /** Matching keys of the names and nouns it is of. */
  readonly modifiers: readonly string[];
}

export interface QuoteQuery {
  /** "What did Grenell say (about X)?": the speaker's name as asked. */
  readonly speaker: string | null;
  /** "Who said the visit was a big gift?": the phrase as asked. */
  readonly phrase: string | null;
  /** "... about the visit": the topic, for ranking the speaker's quotes. */
  readonly topic: string | null;
}

/**
 * What Lede needs from a quote (the quotes module's `Quote` satisfies it): the quoted text, its
 * span and who said it.
 */
export interface QuoteLike {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  /** The resolved name when `speaker` is a pronoun or a description. */
  readonly speakerRef?: string | null;
  /** The speaker mention's span, when known. */
  readonly speakerStart?: number | null;
  readonly speakerEnd?: number | null;
  readonly confidence?: number;
}

/** A quote given as an answer. */
export interface AnswerQuote {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
}

export interface AnswerResult {
  /** An answer was found with enough confidence to show it. */
  readonly found: boolean;
  /** The answer span's text (verbatim); null when not found. */
  readonly answer: string | null;
  readonly answerStart: number | null;
  readonly answerEnd: number | null;
  /** The source sentence, or when !found the closest sentence, to show as a labelled hint. */
  readonly sentence: { readonly index: number; readonly start: number; readonly end: number; readonly text: string } | null;
  /** 0..1. */
  readonly confidence: number;
  readonly answerType: AnswerType;
  /**
   * When !found: the best span Lede considered, below the confidence bar. For diagnostics and
   * evaluation only; never show it as an answer.
   */
  readonly rejected?: { readonly text: string; readonly start: number; readonly end: number };
  /** Who-said questions: the quotes that answer it (best first). */
  readonly quotes?: readonly AnswerQuote[];
}
