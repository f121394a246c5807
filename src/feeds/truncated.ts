/**
 * Feeds cut off on the way (a server that stops mid-response, a cache that stored half a file,
 * `</rss` without its `>`) still hold complete items, and feed readers show them. This finds the
 * last point where the document was still whole at the level of a feed's structure and closes
 * what is open there, so the feed parser reads the items before the cut.
 *
 * Bounded: one linear pass of htmlparser2's XML tokenizer (no DOM, no recursion), an explicit
 * stack, and cut points only at shallow depths (a feed's items sit 2-3 elements deep), so at most
 * `TRUNCATION_LIMITS.maxCutDepth` closing tags are added. A close tag that does not match the
 * element open at that point ends the walk: what came before it is all that is trusted.
 */
import { Tokenizer } from 'htmlparser2';

export const TRUNCATION_LIMITS = {
  /** Deepest element whose end may be a cut point (rss > channel > item > title is 4). */
  maxCutDepth: 8,
} as const;

/** A document closed after its last whole part. */
export interface RepairedXml {
  readonly text: string;
  /** The cut is inside an item: its last element is that item, with only its complete children. */
  readonly partialItem: boolean;
}

const ITEM_NAMES = new Set(['item', 'entry']);
const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/**
 * The document cut after its last whole item, item child, or element outside the items, with the
 * elements open there closed. Undefined when there is nothing to cut (the document's root closed
 * whole, so what is wrong is not a truncation) or no cut point at all.
 */
export function closeTruncatedXml(doc: string): RepairedXml | undefined {
  const stack: string[] = [];
  /** How many of the open elements are items. */
  let openItems = 0;
  let pendingName = '';
  let cut = -1;
  let cutStack: readonly string[] = [];
  let cutInItem = false;
  let rootClosed = false;
  let stopped = false;

  /** An element ended explicitly at `end` (exclusive); `parentIsItem` when its parent is an item. */
  const ended = (name: string, end: number) => {
    const depth = stack.length;
    if (depth === 0) {
      rootClosed = true;
      stopped = true;
      cut = end;
      cutStack = [];
      cutInItem = false;
      return;
    }
    const isItem = ITEM_NAMES.has(localName(name));
    const parentIsItem = ITEM_NAMES.has(localName(stack[depth - 1]!));
    if (depth + 1 > TRUNCATION_LIMITS.maxCutDepth) return;
    if (isItem || parentIsItem || openItems === 0) {
      cut = end;
      cutStack = stack.slice();
      cutInItem = openItems > 0;
    }
  };

  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, {
    onopentagname(start, end) {
      if (!stopped) pendingName = doc.slice(start, end);
    },
    onopentagend() {
      if (stopped) return;
      stack.push(pendingName);
      if (ITEM_NAMES.has(localName(pendingName))) openItems++;
    },
    onselfclosingtag(endIndex) {
      if (stopped) return;
      // <link href="…"/>: a whole element, as if opened and closed.
      ended(pendingName, endIndex + 1);
    },
    onclosetag(start, endIndex) {
      if (stopped) return;
      const name = doc.slice(start, endIndex);
      if (stack[stack.length - 1] !== name) {
        stopped = true;
        return;
      }
      stack.pop();
      if (ITEM_NAMES.has(localName(name))) openItems--;
      ended(name, endIndex + 1);
    },
    onattribdata() {}, onattribentity() {}, onattribend() {}, onattribname() {},
    oncdata() {}, oncomment() {}, ondeclaration() {}, onend() {}, onprocessinginstruction() {},
    ontext() {}, ontextentity() {},
  });
  tokenizer.write(doc);
  tokenizer.end();
  if (cut === -1 || (rootClosed && doc.slice(cut).trim() === '')) return undefined;
  const closing = cutStack.slice().reverse().map((n) => `</${n}>`).join('');
  return { text: doc.slice(0, cut) + closing, partialItem: cutInItem };
}
