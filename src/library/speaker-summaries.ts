/**
 * The speaker index's entries rebuilt from the search store's counts instead of every quote: the
 * same merge as `buildSpeakerIndex` (src/nlp/quotes/speaker-index.ts) — a one-word key joins the
 * one multi-word key that ends with it ("Trump" -> "Donald Trump"), and stays apart when several
 * do — the same name choice and the same order (most quoted first, then name).
 *
 * Merging only ever joins keys with the same last word, so the entries of one "family" (every key
 * ending with a word) depend on that family alone: the directory reads just the families it needs.
 */
import { canonicalName, speakerKey } from '../nlp/quotes';
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

/** buildSpeakerIndex's choice: most name words, then the shortest; ties go to the name, the most quoted, then the first in order. */
function pickName(forms: readonly SpeakerForm[], key: string): string {
  const ranked = forms
    .map((f) => ({ f, words: speakerKey(f.form) }))
    .filter(({ words }) => words.join(' ') === key || words.length > 1)
    .sort(
      (a, b) =>
        b.words.length - a.words.length ||
        a.f.form.length - b.f.form.length ||
        Number(b.f.isName) - Number(a.f.isName) ||
        b.f.quotes - a.f.quotes ||
        (a.f.form < b.f.form ? -1 : a.f.form > b.f.form ? 1 : 0),
    );
  const name = ranked[0]?.f.form ?? forms[0]?.form ?? key;
  return canonicalName(name) ?? name;
}

/**
 * The speakers among `keys` (each family whole: every key ending with the same word), as lists of
 * the keys merged into one speaker, the multi-word key first.
 */
export function groupSpeakerKeys(keys: readonly SpeakerKeyCount[]): SpeakerKeyCount[][] {
  const multiByLast = new Map<string, SpeakerKeyCount[]>();
  const single = new Map<string, SpeakerKeyCount>();
  for (const k of keys) {
    if (!k.key.includes(' ')) single.set(k.key, k);
    else {
      const last = lastWord(k.key);
      if (!multiByLast.has(last)) multiByLast.set(last, []);
      multiByLast.get(last)!.push(k);
    }
  }
  const groups: SpeakerKeyCount[][] = [];
  for (const k of keys) {
    if (!k.key.includes(' ')) {
      // A one-word key stands alone unless exactly one full name ends with it.
      if ((multiByLast.get(k.key)?.length ?? 0) !== 1) groups.push([k]);
      continue;
    }
    const siblings = multiByLast.get(lastWord(k.key))!;
    const joining = siblings.length === 1 ? single.get(lastWord(k.key)) : undefined;
    groups.push(joining ? [k, joining] : [k]);
  }
  return groups;
}

/** The speakers of `groups` (from groupSpeakerKeys) with their names from `forms`, most quoted first, then by name. */
export function speakerSummaries(groups: readonly (readonly SpeakerKeyCount[])[], forms: readonly SpeakerForm[]): SpeakerSummary[] {
  const formsOf = new Map<string, SpeakerForm[]>();
  for (const f of forms) {
    if (!formsOf.has(f.key)) formsOf.set(f.key, []);
    formsOf.get(f.key)!.push(f);
  }
  const out = groups.map((members): SpeakerSummary => {
    const [k, joining] = members as [SpeakerKeyCount, SpeakerKeyCount | undefined];
    const entryForms = members.flatMap((m) => formsOf.get(m.key) ?? []);
    return {
      name: pickName(entryForms, k.key),
      aliases: [...new Set(entryForms.map((f) => f.form))].sort(),
      keys: members.map((m) => m.key),
      quotes: members.reduce((n, m) => n + m.quotes, 0),
      // Articles quoting both forms count once.
      articles: k.articles + (joining ? joining.articles - k.withLast : 0),
    };
  });
  return out.sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
}
