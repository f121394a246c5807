/**
 * A linear, allocation-light HTML tag scanner that never builds a tree: the flat text extraction
 * (flat.ts) for pages too deep or too big for a DOM. It is not a conforming parser, but its tag
 * boundaries follow htmlparser2 (linkedom's parser), so flat text and DOM text agree on what is
 * markup: a tag ends at the first '>' outside a quoted attribute value, quotes count only where a
 * value starts, end tags ignore quotes, `<!-->` is a whole comment, only the parser's raw-text
 * elements hide their content, and what never closes is text.
 */

/** Elements whose content htmlparser2 reads as raw text up to the matching end tag (not noscript, iframe...). */
export const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
/** Elements that never have content. */
export const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

export interface TagEvent {
  readonly kind: 'open' | 'close';
  readonly name: string;
  /** For 'open': the tag is void or written self-closing. */
  readonly selfClosing: boolean;
  /** The raw tag text, e.g. '<meta property="og:title" content="x">' (bounded to 2 KB). */
  readonly raw: string;
}

export interface ScanHandlers {
  text?(text: string): void;
  tag?(tag: TagEvent): void;
  /** Called with the raw content of a raw-text element (e.g. the <title> text). */
  rawText?(name: string, content: string): void;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** htmlparser2's tag-name end: whitespace, '/' or '>'. */
const endsTagName = (c: number) => c === 0x2f || c === 0x3e || isSpace(c);
const endsEndTagName = (c: number) => c === 0x3e || isSpace(c);
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

/** Scan `html` once, calling the handlers in document order. O(n) in the input length. */
export function scanHtml(html: string, handlers: ScanHandlers): void {
  let i = 0;
  let textStart = 0;
  const emitText = (end: number) => {
    if (end > textStart && handlers.text) handlers.text(html.slice(textStart, end));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      emitText(lt);
      // Searched from the first '-': "<!-->" and "<!--->" are whole (empty) comments, as in the parser.
      const end = html.indexOf('-->', lt + 2);
      i = textStart = end < 0 ? html.length : end + 3;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const end = html.indexOf('>', lt);
      if (end < 0) break; // never closed: the parser keeps the rest as text
      emitText(lt);
      i = textStart = end + 1;
      continue;
    }
    const closing = next === 0x2f; /* / */
    let nameStart = lt + 1;
    if (closing) {
      nameStart = lt + 2;
      while (nameStart < html.length && isSpace(html.charCodeAt(nameStart))) nameStart++; // "</ p>" closes a p
      if (nameStart >= html.length) break; // the rest is text
      if (html.charCodeAt(nameStart) === 0x3e) {
        i = nameStart + 1; // "</>" is text
        continue;
      }
      if (!isAsciiLetter(html.charCodeAt(nameStart))) {
        const end = html.indexOf('>', nameStart); // "</1 x>": a bogus comment; never closed, the rest is text
        if (end < 0) break;
        emitText(lt);
        i = textStart = end + 1;
        continue;
      }
    } else if (!isAsciiLetter(next)) {
      i = lt + 1; // a bare "<" in text
      continue;
    }
    let j = nameStart;
    // An end tag's name runs to a space or '>' ("</div/>" closes no div), a start tag's also stops at '/'.
    while (j < html.length && !(closing ? endsEndTagName : endsTagName)(html.charCodeAt(j))) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    const end = closing ? endTagEnd(html, j) : findTagEnd(html, j);
    if (end === undefined) break; // never closed: the rest is text
    const gt = end.gt;
    emitText(lt);
    const raw = html.slice(lt, Math.min(gt + 1, lt + 2048));
    const selfClosing = !closing && (VOID_ELEMENTS.has(name) || end.slash);
    handlers.tag?.({ kind: closing ? 'close' : 'open', name, selfClosing, raw });
    i = textStart = gt + 1;
    if (!closing && !selfClosing && RAW_TEXT_ELEMENTS.has(name)) {
      const endTag = indexOfEndTag(html, name, i);
      const contentEnd = endTag < 0 ? html.length : endTag;
      handlers.rawText?.(name, html.slice(i, contentEnd));
      if (endTag < 0) return;
      const endGt = html.indexOf('>', endTag);
      handlers.tag?.({ kind: 'close', name, selfClosing: false, raw: `</${name}>` });
      i = textStart = endGt < 0 ? html.length : endGt + 1;
    }
  }
  emitText(html.length);
}

/**
 * Where `</name` next starts, in any letter case. Not through a lower-cased copy of the page: lower
 * casing can change a string's length ('İ' becomes two code units), and the offsets with it.
 */
function indexOfEndTag(html: string, name: string, from: number): number {
  for (let k = html.indexOf('</', from); k !== -1; k = html.indexOf('</', k + 2)) {
    if (html.slice(k + 2, k + 2 + name.length).toLowerCase() === name) return k;
  }
  return -1;
}

/** Where a tag ends: its '>', and whether it was written self-closing. */
interface TagEnd {
  readonly gt: number;
  readonly slash: boolean;
}

/** The '>' closing an end tag: the parser skips to it without looking at quotes. */
function endTagEnd(html: string, from: number): TagEnd | undefined {
  const gt = html.indexOf('>', from);
  return gt < 0 ? undefined : { gt, slash: false };
}

/**
 * Where a start tag ends (from just after its name), following htmlparser2's attribute states: a
 * quote starts a value only right after '=' (spaces allowed between), so `<p a"b>` ends at its first
 * '>'; '/' then '>' (spaces allowed between) outside a value writes the tag self-closing. Undefined
 * when the tag never ends.
 */
function findTagEnd(html: string, from: number): TagEnd | undefined {
  let state: 'before' | 'name' | 'afterName' | 'valueStart' | 'unquoted' | 'slash' = 'before';
  for (let k = from; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (c === 0x3e /* > */) return { gt: k, slash: state === 'slash' };
    switch (state) {
      case 'before':
      case 'name':
      case 'afterName':
      case 'slash':
        if (c === 0x2f /* / */) state = 'slash';
        else if (isSpace(c)) state = state === 'name' ? 'afterName' : state;
        else if (c === 0x3d /* = */ && (state === 'name' || state === 'afterName')) state = 'valueStart';
        else state = 'name'; // any other character ('=' or a quote where no name is open included) starts or continues a name
        break;
      case 'valueStart':
        if (c === 0x22 || c === 0x27) {
          const close = html.indexOf(html[k]!, k + 1);
          if (close < 0) return undefined;
          k = close;
          state = 'before';
        } else if (!isSpace(c)) state = 'unquoted';
        break;
      case 'unquoted':
        if (isSpace(c)) state = 'before';
        break;
    }
  }
  return undefined;
}
