/**
 * The speaker index across articles (a server's library): one entry per person or body, with the
 * aliases seen ("Trump", "President Trump", "Donald Trump") and every quote with its article.
 * A surname alone joins the one full name that ends with it; when several do ("Bill Clinton",
 * "Hillary Clinton") it stays apart rather than guess.
 */
import { PRONOUNS, TITLES } from '../lexicon/titles-roles';
import { canonicalName, sameSpeaker, speakerKey } from './names';
import type { Quote } from './types';

export interface ArticleQuotes<A = string> {
  /** The article (id or any caller value: title, date...). */
  readonly article: A;
  readonly quotes: readonly Quote[];
}

export interface SpeakerEntry<A = string> {
  /** The fullest name seen for this speaker. */
  readonly name: string;
  /** Every form written or resolved for it. */
  readonly aliases: readonly string[];
  readonly quotes: ReadonlyArray<{ readonly article: A; readonly quote: Quote }>;
}

function speakerName(q: Quote): string | null {
  if (q.speakerRef) return q.speakerRef;
  if (!q.speaker || Object.hasOwn(PRONOUNS, q.speaker.toLowerCase())) return null;
  const name = /^\p{Lu}/u.test(q.speaker) ? canonicalName(q.speaker) : null;
  if (name) return name;
  // A role named without a name ("The mayor said", "a spokeswoman said"): filed under the role, as a reader writes it.
  return speakerKey(q.speaker).length > 0 ? q.speaker.replace(/^(?:The|A|An)\b/, (d) => d.toLowerCase()) : null;
}

/** A mention worth listing as an alias: a written name ("President Trump"), not a pronoun ("he"). */
function isNameMention(mention: string): boolean {
  return /^\p{Lu}/u.test(mention) && !Object.hasOwn(PRONOUNS, mention.toLowerCase()) && canonicalName(mention) !== null;
}

/** Who a quote counts for in the speaker index: the name, its key, and the mention kept as an alias. */
export interface QuoteSpeaker {
  /** The name the quote is filed under ("Richard Grenell", or "Grenell" before aliases merge). */
  readonly name: string;
  /** The name's key (`speakerKey` joined by spaces): quotes with the same key are one speaker. */
  readonly key: string;
  /** The mention as written when it is a name ("US envoy Richard Grenell"), else null. */
  readonly mention: string | null;
}

/**
 * The speaker a quote is filed under, or null when it has none the index can name. The one rule
 * behind `buildSpeakerIndex` and the search rows the store keeps for each quote.
 */
export function quoteSpeaker(q: Quote): QuoteSpeaker | null {
  const name = speakerName(q);
  if (!name) return null;
  const key = speakerKey(name).join(' ');
  if (key.length === 0) return null;
  return { name, key, mention: q.speaker && isNameMention(q.speaker) ? q.speaker : null };
}

/** Build the index; entries sorted by number of quotes, then name. */
export function buildSpeakerIndex<A>(articles: ReadonlyArray<ArticleQuotes<A>>): SpeakerEntry<A>[] {
  const groups = new Map<string, { names: Set<string>; quotes: Array<{ article: A; quote: Quote }> }>();
  for (const a of articles) {
    for (const q of a.quotes) {
      const who = quoteSpeaker(q);
      if (!who) continue;
      if (!groups.has(who.key)) groups.set(who.key, { names: new Set(), quotes: [] });
      const g = groups.get(who.key)!;
      g.names.add(who.name);
      if (who.mention) g.names.add(who.mention);
      g.quotes.push({ article: a.article, quote: q });
    }
  }
  // Merge single-token keys into the one multi-token key with the same last token.
  const keys = [...groups.keys()];
  for (const k of keys) {
    if (k.includes(' ')) continue;
    const full = keys.filter((f) => f.includes(' ') && groups.has(f) && sameSpeaker(f, k));
    if (full.length !== 1) continue;
    const into = groups.get(full[0]!)!;
    const from = groups.get(k)!;
    from.names.forEach((n) => into.names.add(n));
    into.quotes.push(...from.quotes);
    groups.delete(k);
  }
  const entries: SpeakerEntry<A>[] = [];
  for (const [key, g] of groups) {
    const name = [...g.names].filter((n) => speakerKey(n).join(' ') === key || speakerKey(n).length > 1).sort((a, b) => speakerKey(b).length - speakerKey(a).length || a.length - b.length)[0] ?? [...g.names][0]!;
    entries.push({ name: canonicalName(name) ?? name, aliases: [...g.names].sort(), quotes: g.quotes });
  }
  return entries.sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
}

/** What finding and suggesting read of an entry (an index entry, or a summary of one). */
export interface NamedSpeaker {
  readonly name: string;
  readonly aliases: readonly string[];
}

/** The index entry for a typed name (any alias), or undefined. */
export function findSpeaker<E extends NamedSpeaker>(index: readonly E[], name: string): E | undefined {
  const key = speakerKey(name).join(' ');
  return (
    index.find((e) => e.aliases.some((a) => speakerKey(a).join(' ') === key)) ??
    index.find((e) => sameSpeaker(e.name, name))
  );
}

const wordsOf = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

/**
 * Speaker names for what was typed, for autocomplete, best first: a name or alias starting with it;
 * then, for several typed words, speakers with a word starting with each typed word, titles typed
 * with a name needing no match ("president trump" finds Donald Trump, whose aliases may never say
 * "President Trump"); then names containing it.
 */
export function suggestSpeakers(index: readonly NamedSpeaker[], typed: string, limit = 25): string[] {
  const t = typed.trim().toLowerCase();
  const starts = index.filter((e) => e.aliases.some((a) => a.toLowerCase().startsWith(t)) || e.name.toLowerCase().split(' ').some((w) => w.startsWith(t)));
  const typedWords = wordsOf(t);
  const nameWords = typedWords.filter((w) => !TITLES.has(w));
  const wanted = nameWords.length > 0 ? nameWords : typedWords;
  const byWords =
    typedWords.length > 1
      ? index.filter((e) => {
          if (starts.includes(e)) return false;
          const have = [e.name, ...e.aliases].flatMap(wordsOf);
          return wanted.every((w) => have.some((h) => h.startsWith(w)));
        })
      : [];
  const contains = index.filter((e) => !starts.includes(e) && !byWords.includes(e) && e.name.toLowerCase().includes(t));
  return [...starts, ...byWords, ...contains].slice(0, limit).map((e) => e.name);
}
