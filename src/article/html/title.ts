/**
 * Page titles. `cleanTitle` cuts a site name off a title: "Venezuela agrees to deal | Reuters" ->
 * "Venezuela agrees to deal". Site names are cut only when we can tell they are site names, because
 * dashes and colons are common in real headlines ("Trump - Venezuela talks", "Exclusive: ...").
 * `chooseTitle` picks the headline among a page's title sources (meta, JSON-LD, <title>, <h1>) by
 * agreement, so one stray source (a social-media title, a JSON-LD "headline" that is a description)
 * loses to the others.
 */

/** Separators between a headline and a site name, strongest first. */
const SEPARATORS: ReadonlyArray<{ sep: string; anyShortTail: boolean }> = [
  { sep: ' | ', anyShortTail: true }, // pipes are almost never inside a headline (a declared title's short tail still stays: CleanTitleOptions.declared)
  { sep: ' :: ', anyShortTail: true },
  { sep: ' » ', anyShortTail: true },
  { sep: ' · ', anyShortTail: true },
  { sep: ' — ', anyShortTail: false },
  { sep: ' – ', anyShortTail: false },
  { sep: ' - ', anyShortTail: false },
  { sep: ': ', anyShortTail: false }, // a real colon in a headline stays unless the part is the site's name
];
/** Dashes after which a short capitalised tail is taken for a site name even when the site is unknown. */
const GUESS_SEPARATORS = [' — ', ' – ', ' - '];
/** A "short tail" after a pipe is a site or section name, not part of the headline. */
const MAX_SITE_WORDS = 4;
/** A guessed site name (no site known) has at most this many words, after a headline of at least twice as many and at least GUESS_MIN_HEAD. */
const MAX_GUESSED_SITE_WORDS = 3;
const GUESS_MIN_HEAD_WORDS = 4;
/** A title ending in a bracketed part: the text before it, and the part. */
const BRACKETED_TAIL = /^(.*\S)\s*[[(（]([^[\]()（）]{1,80})[\])）]$/u;
/** Legal-form words that a site's name may carry and its titles leave out ("Spiceworks Inc" -> "Spiceworks"). */
const LEGAL_FORM = /[\s,]+(?:inc|ltd|llc|plc|gmbh|corp|corporation|co|company|limited|s\.?a|ag)\.?$/i;
/** A name shaped like a domain: "tidecast.example", "Přístav.cz", "www.harbour.example". */
const DOMAIN_SHAPED = /^(?:www\.)?[\p{L}\p{N}-]{2,40}\.[\p{L}]{2,12}$/u;
/** Host labels that name no site. */
const NON_SITE_LABELS = new Set(['www', 'com', 'org', 'net', 'co', 'news', 'blog', 'blogs', 'amp', 'mobile']);

export const squash = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]/gu, '');

/** The forms of a page's site names that a title may carry: each name, without a legal form, and the labels of the host and of a domain-shaped name. */
export function siteForms(siteNames: readonly string[], host: string | undefined): Set<string> {
  const forms = new Set<string>();
  for (const name of siteNames) {
    forms.add(squash(name));
    forms.add(squash(name.replace(LEGAL_FORM, '')));
  }
  // A site named by its domain ("Harbourmaster.example") is known by its host's words too, as a URL's host is.
  const domainNamed = siteNames.map((n) => n.trim()).filter((n) => DOMAIN_SHAPED.test(n));
  for (const h of [...domainNamed, ...(host ? [host] : [])]) {
    const labels = h.toLowerCase().replace(/^www\./, '').split('.');
    forms.add(squash(labels.join('.')));
    // Every label but the top-level domain: "en.wikipedia.org" -> "wikipedia", "heraldsun.com.au" -> "heraldsun".
    for (const label of labels.slice(0, -1)) {
      if (label.length < 3 || NON_SITE_LABELS.has(label)) continue;
      forms.add(squash(label));
      if (/^the.{3,}/.test(label)) forms.add(squash(label.slice(3))); // "theguardian" names "The Guardian" (squashed "guardian")
    }
  }
  forms.delete('');
  return forms;
}

/** True when `part` names the site: one of its forms, the first words of a short name ("Fandom" of "Fandom powered by Wikia"), or a domain-shaped token. */
function isSiteName(part: string, forms: ReadonlySet<string>, siteNames: readonly string[]): boolean {
  const p = squash(part);
  if (p === '') return false;
  if (forms.has(p)) return true;
  const start = part.trim().toLowerCase();
  if (p.length >= 5 && siteNames.some((n) => wordsIn(n) <= MAX_SITE_WORDS && n.toLowerCase().startsWith(`${start} `))) return true;
  return /^[\p{L}\p{N}-]{2,40}\.[\p{L}]{2,12}$/u.test(part.trim());
}

const wordsIn = (s: string): number => s.split(' ').filter(Boolean).length;
/** Words in a part of a title, separators not counted. */
const wordsOf = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** A short capitalised tail after a dash, behind a headline twice as long: a site name nobody declared ("… – My website"). */
function looksLikeSiteTail(head: string, tail: string): boolean {
  const tw = wordsIn(tail);
  const hw = wordsIn(head);
  return tw <= MAX_GUESSED_SITE_WORDS && hw >= GUESS_MIN_HEAD_WORDS && hw >= 2 * tw && /^\p{Lu}/u.test(tail) && !/[.!?,:;"“”]/.test(tail);
}

/**
 * A site name without its slogan: "Harbour.example - News that floats" -> "Harbour.example", when
 * the part before the separator is the host's name or shaped like a domain.
 */
export function cleanSiteName(siteName: string, host: string | undefined): string {
  const t = siteName.replace(/\s+/g, ' ').trim();
  const forms = siteForms([], host);
  for (const sep of [' - ', ' – ', ' — ', ' | ', ': ']) {
    const at = t.indexOf(sep);
    if (at <= 0) continue;
    const head = t.slice(0, at).trim();
    if (forms.has(squash(head)) || /^[\p{L}\p{N}-]{2,40}\.[\p{L}]{2,12}$/u.test(head)) return head;
  }
  return t;
}

export interface CleanTitleOptions {
  /** Cut a short capitalised tail after a dash even when no site name is known (for the <title> element). */
  guessSite?: boolean;
  /**
   * A title the publisher declared for this article (og:title and the other meta titles, the JSON-LD
   * headline): only a known site name is cut from it, never a short tail merely guessed to be one,
   * because what a publisher puts there on purpose (a series, a column, a writer: "Chapter 12 | Harbour
   * Tales") is part of the title. The <title> element is the page template's, and its short pipe tails
   * are sections and site names often enough to be cut unknown.
   */
  declared?: boolean;
}

export function cleanTitle(title: string, siteName?: string | readonly string[], host?: string, options: CleanTitleOptions = {}): string {
  const names = siteName === undefined ? [] : typeof siteName === 'string' ? [siteName] : siteName;
  const forms = siteForms(names, host);
  let t = title.replace(/\s+/g, ' ').trim();
  // A known site name in brackets at the end ("Ferries run again [Island Post]") goes first; what was
  // before it is cleaned as any title is. A bracket that names no known site ("[Updated]", a wire
  // service "(Harbour Wire)") is part of the title.
  const bracketed = BRACKETED_TAIL.exec(t);
  if (bracketed && isSiteName(bracketed[2]!, forms, names)) t = bracketed[1]!.trim();
  for (const { sep, anyShortTail } of SEPARATORS) {
    const last = t.lastIndexOf(sep);
    if (last > 0) {
      const head = t.slice(0, last);
      const tail = t.slice(last + sep.length);
      const shortTail = wordsIn(tail) <= MAX_SITE_WORDS;
      if (isSiteName(tail, forms, names) || (!options.declared && anyShortTail && shortTail && head.length >= tail.length)) {
        t = head.trim();
        break;
      }
    }
    const first = t.indexOf(sep);
    if (first > 0) {
      const head = t.slice(0, first);
      if (isSiteName(head, forms, names)) {
        t = t.slice(first + sep.length).trim();
        break;
      }
    }
  }
  if (options.guessSite && t === title.replace(/\s+/g, ' ').trim()) {
    for (const sep of GUESS_SEPARATORS) {
      const last = t.lastIndexOf(sep);
      if (last > 0 && looksLikeSiteTail(t.slice(0, last), t.slice(last + sep.length))) return t.slice(0, last).trim();
    }
  }
  return t;
}

/** Where a title candidate comes from. */
export type TitleSource = 'meta' | 'jsonld' | 'title' | 'h1';

export interface TitleCandidate {
  source: TitleSource;
  text: string;
}

/**
 * The order that breaks ties between sources, and picks whose writing of an agreed headline is kept.
 * The JSON-LD headline comes first: it is the headline written for search results, to be read away
 * from the page as a Discord embed is, and it is what Readability and search engines take. When the
 * JSON-LD headline and the <title> say one thing and og:title and the <h1> another (a punchy display
 * headline beside a plainer one: "The ferries are back" / "How the ferries came back"), the plainer
 * one says more to a reader who has not seen the page.
 */
const TIE_ORDER: readonly TitleSource[] = ['jsonld', 'meta', 'title', 'h1'];

/**
 * The headline among a page's title sources. Each source is cleaned of known site names (the <title>
 * element also of a guessed one); a <title> or <h1> that holds another source plus separators and a
 * few words more ("New Zealand - Wikipedia" beside the <h1> "New Zealand") becomes the longest such
 * source, while a declared title (meta, JSON-LD) keeps what its publisher put beside the headline.
 * Then the text most kinds of source agree on (same words, any punctuation: agreementKey) wins, ties
 * going to JSON-LD, meta, <title>, <h1> in that order (TIE_ORDER); an <h1> alone (often a logo) wins
 * only when nothing else is there.
 */
export function chooseTitle(candidates: readonly TitleCandidate[], siteNames: readonly string[], host: string | undefined): string | undefined {
  const cleaned = candidates
    .map((c) => ({
      source: c.source,
      whole: c.text.replace(/\s+/g, ' ').trim(),
      text: c.source === 'h1' ? c.text.replace(/\s+/g, ' ').trim() : cleanTitle(c.text, siteNames, host, { guessSite: c.source === 'title', declared: c.source === 'meta' || c.source === 'jsonld' }),
    }))
    .filter((c) => c.text !== '');
  // A <title> or <h1> no other source confirms is reduced to the part another confirms, its head first
  // ("X - Site" before "Site - X"). The declared titles (og:title and the like, JSON-LD) are not: the
  // publisher wrote them for this article, so only a known site name is cut from them (cleanTitle), and
  // a series, column or author they carry ("Chapter 12 - The Long Tide", "... | Ana Reyes") stays.
  for (const c of cleaned) {
    if (c.source !== 'title' && c.source !== 'h1') continue;
    const others = cleaned.filter((o) => o !== c && o.text.length < c.whole.length);
    if (others.some((o) => agreementKey(o.text) === agreementKey(c.text))) continue;
    const part = confirmedPart(c.whole, others.map((o) => o.text), 'head') ?? confirmedPart(c.whole, others.map((o) => o.text), 'tail');
    if (part !== undefined) c.text = part;
  }
  const votes = new Map<string, { text: string; sources: Set<TitleSource> }>();
  for (const c of cleaned) {
    const key = agreementKey(c.text) || c.text;
    const entry = votes.get(key) ?? { text: c.text, sources: new Set<TitleSource>() };
    entry.sources.add(c.source);
    votes.set(key, entry);
  }
  const rank = (e: { sources: Set<TitleSource> }): number => Math.min(...[...e.sources].map((s) => TIE_ORDER.indexOf(s)));
  const ranked = [...votes.values()]
    .filter((e) => e.sources.size > 1 || !e.sources.has('h1') || votes.size === 1)
    .sort((a, b) => b.sources.size - a.sources.size || rank(a) - rank(b));
  const best = ranked[0];
  if (!best) return undefined;
  // The writing of the best-ranked source that agrees.
  const order = [...best.sources].sort((a, b) => TIE_ORDER.indexOf(a) - TIE_ORDER.indexOf(b));
  return cleaned.find((c) => c.source === order[0] && agreementKey(c.text) === agreementKey(best.text))?.text ?? best.text;
}

/**
 * Two sources name the same headline when they hold the same words in the same order, whatever the
 * punctuation between them and with or without a possessive "'s": "Dropbox's ATF - a framework" and
 * "Dropbox ATF: a framework" are one headline written twice, and the best-ranked source's writing is kept.
 */
export function agreementKey(text: string): string {
  return squash(text.replace(/(?<=\p{L})['’]s(?![\p{L}\p{N}])/gu, ''));
}

/**
 * The part of `whole` that equals one of `parts` when what is cut off is short pieces between
 * separators (a site, a section, an author: each at most MAX_SITE_WORDS words) and no longer than the
 * part kept (a logo <h1> "Island Post" does not make "Ferries run again - Island Post" the logo).
 */
function confirmedPart(whole: string, parts: readonly string[], side: 'head' | 'tail'): string | undefined {
  const wanted = new Set(parts.map(agreementKey).filter((p) => p !== ''));
  const shortPieces = (rest: string) => rest.split(/\s(?:[|»·—–-]|::)\s|:\s/).every((piece) => wordsIn(piece.trim()) <= MAX_SITE_WORDS);
  // The longest confirmed part: cut no more than it takes to agree ("X | Author | Section" beside
  // og:title "X | Author" and the <h1> "X" becomes "X | Author", which two sources then hold).
  let best: string | undefined;
  for (const { sep } of SEPARATORS) {
    for (let at = whole.indexOf(sep); at > 0; at = whole.indexOf(sep, at + 1)) {
      const head = whole.slice(0, at).trim();
      const tail = whole.slice(at + sep.length).trim();
      const part =
        side === 'head' && wanted.has(agreementKey(head)) && shortPieces(tail) && wordsOf(head) >= wordsOf(tail) ? head
        : side === 'tail' && wanted.has(agreementKey(tail)) && shortPieces(head) && wordsOf(tail) >= wordsOf(head) ? tail
        : undefined;
      if (part !== undefined && (best === undefined || part.length > best.length)) best = part;
    }
  }
  return best;
}
