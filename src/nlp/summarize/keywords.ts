/**
 * Keywords: the terms and names an article is about, for the summary reply ("Keywords: Venezuela,
 * Richard Grenell, migrants"). Content words are ranked by their salience in the article (tf against
 * the generic-news background, names boosted); a name is shown with its first name when the text
 * gives one ("Grenell" -> "Richard Grenell"), never with a title ("President Trump" stays "Trump").
 */
import type { SentenceFeatures } from './features';
import type { TermStats } from './salience';

/** How many keywords a reply shows by default. */
export const DEFAULT_KEYWORD_COUNT = 8;

/** Words before a name that are titles or roles, not first names: never part of a keyword. */
const TITLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'vice', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sen', 'senator', 'gov', 'governor', 'rep', 'mayor',
  'prime', 'minister', 'secretary', 'envoy', 'ambassador', 'king', 'queen', 'prince', 'princess', 'duke',
  'duchess', 'pope', 'judge', 'justice', 'chief', 'general', 'gen', 'officer', 'coach', 'manager', 'captain',
  'director', 'ceo', 'chairman', 'chairwoman', 'lord', 'lady', 'sir', 'dame', 'professor', 'prof', 'detective',
  'sergeant', 'sgt', 'lieutenant', 'colonel', 'col', 'commissioner', 'chancellor', 'speaker', 'leader',
  'spokesman', 'spokeswoman', 'former', 'saint', 'st', 'father', 'sister', 'brother', 'uncle', 'aunt',
]);

/** A name or word without a trailing possessive ("Grenell's" -> "Grenell", "migrants'" -> "migrants"). */
function withoutPossessive(s: string): string {
  if (s.endsWith("'s")) return s.slice(0, -2);
  if (s.endsWith("'")) return s.slice(0, -1);
  return s;
}

/** Ranked keywords from sentence features and their term statistics. */
export function rankKeywords(features: readonly SentenceFeatures[], stats: Pick<TermStats, 'tf' | 'weight'>, limit = DEFAULT_KEYWORD_COUNT): string[] {
  // Display forms: stem -> every surface form it was written in; names: stem -> every "First Last".
  // Counted only for the stems the ranking below asks about.
  const forms = new Map<string, string[]>();
  const names = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, stem: string, form: string): void => {
    const list = m.get(stem);
    if (list) list.push(form);
    else m.set(stem, [form]);
  };
  for (const f of features) {
    const terms = f.terms;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      // Only terms used twice or more are ranked, so only theirs are tallied. A proper noun shows
      // as written, any other term in its lowercase form.
      const ranked = (stats.tf.get(t.stem) ?? 0) >= 2;
      if (ranked) add(forms, t.stem, t.proper ? withoutPossessive(f.folded.slice(t.start - f.start, t.end - f.start)) : t.word);
      const prev = terms[i - 1];
      if (t.proper && prev && prev.proper && prev.end + 1 === t.start && !TITLE_WORDS.has(prev.word)) {
        const prevRanked = (stats.tf.get(prev.stem) ?? 0) >= 2;
        if (!ranked && !prevRanked) continue;
        const pair = withoutPossessive(f.folded.slice(prev.start - f.start, t.end - f.start));
        if (ranked) add(names, t.stem, pair);
        if (prevRanked) add(names, prev.stem, pair);
      }
    }
  }
  const ranked: Array<[string, number]> = [];
  for (const [stem, weight] of stats.weight) if ((stats.tf.get(stem) ?? 0) >= 2) ranked.push([stem, weight]);
  ranked.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [stem] of ranked) {
    if (out.length >= limit) break;
    const form = mostCommon(forms.get(stem));
    const display = mostCommon(names.get(stem)) ?? form;
    if (!display || TITLE_WORDS.has(form?.toLowerCase() ?? '')) continue;
    const key = display.toLowerCase();
    // "Richard Grenell" already covers a later "Richard".
    const words = key.split(' ');
    // "Richard Grenell" already covers a later "Richard"; "Harbor Street" a later "Street Bridge".
    if (seen.has(key) || out.some((o) => o.toLowerCase().split(' ').some((w) => words.includes(w)))) continue;
    seen.add(key);
    out.push(display);
  }
  return out;
}

/** The most frequent form (the alphabetically first on a tie); undefined for none. */
function mostCommon(list: readonly string[] | undefined): string | undefined {
  if (!list) return undefined;
  const counts = new Map<string, number>();
  for (const form of list) counts.set(form, (counts.get(form) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [form, c] of counts) if (c > n || (c === n && best !== undefined && form < best)) [best, n] = [form, c];
  return best;
}
