/**
 * A cheap, linear pre-check run before any XML parser sees a feed. Entity declarations in a DOCTYPE
 * are how entity-expansion bombs ("billion laughs", quadratic blow-up) and external-entity reads
 * (XXE) are built; real feeds never need them. feedsmith configures fast-xml-parser with
 * `processEntities: false`, so such a bomb would not explode today, but it would leave raw
 * `&lol9;` references in titles; refusing the document with a clear code is both safer (it does
 * not depend on a parser setting staying put) and more honest to the person who added the feed.
 */
import { FeedError } from './errors';

/**
 * The prolog ends where the root element starts: the first `<` followed by a name-start character.
 * DOCTYPE internal subsets only contain `<!` and `<?` constructs, so they sit wholly inside it.
 */
export function prologEnd(text: string): number {
  for (let i = text.indexOf('<'); i !== -1 && i < text.length - 1; i = text.indexOf('<', i + 1)) {
    const c = text.charCodeAt(i + 1);
    const isNameStart = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
    if (isNameStart) return i;
  }
  return text.length;
}

/** Throws FeedError FEED_XML_ENTITIES when the document's prolog declares entities. JSON is left alone. */
export function assertSafeXml(text: string, url?: string): void {
  const first = text.trimStart().charAt(0);
  if (first === '{' || first === '[') return;
  const prolog = text.slice(0, prologEnd(text));
  if (prolog.toUpperCase().includes('<!ENTITY')) {
    throw new FeedError(
      'FEED_XML_ENTITIES',
      'The feed declares XML entities in its DOCTYPE (the shape of an entity-expansion bomb); it was refused unparsed.',
      url,
    );
  }
}
