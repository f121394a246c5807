/**
 * The speaker index's entries rebuilt from the search store's counts instead of every quote: the
 * same merge as `buildSpeakerIndex` (src/nlp/quotes/speaker-index.ts) — a one-word key joins the
 * one multi-word key that ends with it ("Trump" -> "Donald Trump"), and stays apart when several
 * do — the same name choice and the same order (most quoted first, then name).
 *
 * Merging only ever joins keys with the same last word, so the entries of one "family" (every key
 * ending with a word) depend on that family alone: the directory reads just the families it needs.
 */
import { canonicalName, nameKey } from '../nlp/quotes';
import type { SpeakerForm, SpeakerKeyCount } from '../store/ports';

/** One speaker of a server with its totals: what `/whosaid` and speaker suggestions show. */
export interface SpeakerSummary {
  /** The fullest name seen for this speaker. */
  readonly name: string;
  /** Every form written or resolved for it, sorted. */
  readonly aliases: readonly string[];
  /** The index keys merged into this speaker (the multi-word key first). */
  readonly keys: readonly string[];
  readonly quotes: number;
  readonly articles: number;
}

/** The last word of a key (keys are words joined by single spaces). */
export const lastWord = (key: string): string => key.slice(key.lastIndexOf(' ') + 1);

/** buildSpeakerIndex's choice: most name words, then the shortest; ties go to the most quoted, then the name. */
function pickName(forms: readonly SpeakerForm[], key: string): string {
  const ranked = forms
    .filter((f) => nameKey(f.form).join(' ') === key || nameKey(f.form).length > 1)
    .sort(
      (a, b) =>
        nameKey(b.form).length - nameKey(a.form).length ||
        a.form.length - b.form.length ||
        Number(b.isName) - Number(a.isName) ||
        b.quotes - a.quotes ||
        (a.form < b.form ? -1 : a.form > b.form ? 1 : 0),
    );
  const name = ranked[0]?.form ?? forms[0]?.form ?? key;
  return canonicalName(name) ?? name;
}

/** The entries of the families given (all their keys and forms), most quoted first, then by name. */
export function speakerSummaries(keys: readonly SpeakerKeyCount[], forms: readonly SpeakerForm[]): SpeakerSummary[] {
  const formsOf = new Map<string, SpeakerForm[]>();
  for (const f of forms) {
    if (!formsOf.has(f.key)) formsOf.set(f.key, []);
    formsOf.get(f.key)!.push(f);
  }
  const multi = keys.filter((k) => k.key.includes(' '));
  /** One-word key -> the one multi-word key it joins. */
  const joins = new Map<string, SpeakerKeyCount>();
  for (const k of keys) {
    if (k.key.includes(' ')) continue;
    const full = multi.filter((m) => lastWord(m.key) === k.key);
    if (full.length === 1) joins.set(k.key, full[0]!);
  }
  const out: SpeakerSummary[] = [];
  for (const k of keys) {
    if (joins.has(k.key)) continue;
    const single = k.key.includes(' ') ? keys.find((s) => s.key === lastWord(k.key) && joins.get(s.key) === k) : undefined;
    const members = single ? [k, single] : [k];
    const entryForms = members.flatMap((m) => formsOf.get(m.key) ?? []);
    out.push({
      name: pickName(entryForms, k.key),
      aliases: [...new Set(entryForms.map((f) => f.form))].sort(),
      keys: members.map((m) => m.key),
      quotes: members.reduce((n, m) => n + m.quotes, 0),
      // Articles quoting both forms count once.
      articles: k.articles + (single ? single.articles - k.withLast : 0),
    });
  }
  return out.sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
}
