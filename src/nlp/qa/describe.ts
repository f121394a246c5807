/**
 * "Who is Claudia Sheinbaum?" asks for a description, not another name: the title written before
 * the name ("Mexican President Claudia Sheinbaum") or an appositive after it ("Halvorsen
 * Engineering, a firm based in Oslo,"). When the article gives neither, the question is refused:
 * any other name near the asked one would be a confident wrong answer.
 */
import { NAME_TITLES } from '../lexicon/qa-patterns';
import type { QaIndex, QaSentence, QuestionAnalysis } from './model';

/** Lowercase role words that make a run before a name a title ("US envoy", "the company's chief executive"). */
const ROLE_WORDS = new Set([...NAME_TITLES, 'envoy', 'official', 'engineer', 'founder', 'owner', 'coach', 'executive', 'spokesperson', 'analyst', 'economist', 'professor', 'author', 'reporter', 'candidate', 'lawmaker', 'activist', 'chairwoman', 'chair', 'commissioner', 'prosecutor', 'attorney']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their']);
const isRole = (t: { lower: string }): boolean => ROLE_WORDS.has(t.lower) && !DETERMINERS.has(t.lower);
/** A capitalized word that is not a title: part of a name ("Richard" before "Grenell"). */
const isNameWord = (t: { text: string; lower: string; kind: string }): boolean =>
  t.kind !== 'punct' && /^\p{Lu}/u.test(t.text) && !ROLE_WORDS.has(t.lower) && !DETERMINERS.has(t.lower);

/** Longest description taken, in tokens. */
const MAX_DESCRIPTION_TOKENS = 16;

export interface Description {
  readonly sentence: QaSentence;
  readonly start: number;
  readonly end: number;
}

/** The question is "Who is/was <Name>?" with nothing else to match. */
export function asksForDescription(q: QuestionAnalysis): boolean {
  if (q.wh !== 'who' || q.terms.size === 0) return false;
  // Every word after the copula is capitalized: a name, not "the President of Egypt".
  const m = /^\s*who\s+(?:is|was|are|were)\s+([^?]+)\??\s*$/i.exec(q.text);
  if (!m || !m[1]!.split(/\s+/).filter(Boolean).every((w) => /^\p{Lu}/u.test(w))) return false;
  for (const t of q.terms.keys()) if (!q.names.has(t)) return false;
  return true;
}

/** The description of the asked name, or null when the article gives none. */
export function findDescription(index: QaIndex, q: QuestionAnalysis): Description | null {
  const nameTerms = [...q.names];
  for (const s of index.sentences) {
    const toks = s.tokens;
    for (let i = 0; i < toks.length; i++) {
      // The name's last word, with all its words just before it.
      if (toks[i]!.term !== nameTerms[nameTerms.length - 1]) continue;
      const first = i - (nameTerms.length - 1);
      if (first < 0 || !nameTerms.every((t, k) => toks[first + k]!.term === t)) continue;
      // Title before: "Mexican President | Claudia Sheinbaum", "US envoy | (Richard) Grenell".
      let nameStart = first;
      while (nameStart > 0 && isNameWord(toks[nameStart - 1]!)) nameStart--;
      let k = nameStart;
      while (k > 0 && nameStart - k < MAX_DESCRIPTION_TOKENS && (isRole(toks[k - 1]!) || (k < nameStart && isNameWord(toks[k - 1]!)))) k--;
      if (k < nameStart && isRole(toks[nameStart - 1]!)) return { sentence: s, start: toks[k]!.start, end: toks[nameStart - 1]!.end };
      // Appositive after: "Halvorsen Engineering, a firm based in Oslo,".
      if (toks[i + 1]?.text === ',' && ['a', 'an', 'the'].includes(toks[i + 2]?.lower ?? '')) {
        let e = i + 3;
        while (e < toks.length && e - i < MAX_DESCRIPTION_TOKENS && ![',', ';', '.', ')', '"'].includes(toks[e]!.text)) e++;
        if (e > i + 3) return { sentence: s, start: toks[i + 2]!.start, end: toks[e - 1]!.end };
      }
    }
  }
  return null;
}
