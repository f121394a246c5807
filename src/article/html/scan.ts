/**
 * A linear, allocation-light HTML tag scanner that never builds a tree: used to measure a page
 * before handing it to a DOM (depth, element count) and to extract text flat when the page is too
 * deep or too big for one. It understands comments, raw-text elements (script/style...) and
 * self-closing/void elements; it does not need to be a conforming parser for either purpose.
 */

/** Elements whose content is raw text up to the matching end tag. */
export const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template', 'iframe', 'noembed', 'noframes']);
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

const NAME_CHAR = /[A-Za-z0-9:-]/;

/** Scan `html` once, calling the handlers in document order. O(n) in the input length. */
export function scanHtml(html: string, handlers: ScanHandlers): void {
  const lower = html.toLowerCase();
  let i = 0;
  let textStart = 0;
  const emitText = (end: number) => {
    if (end > textStart && handlers.text) handlers.text(html.slice(textStart, end));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      emitText(lt);
      const end = html.indexOf('-->', lt + 4);
      i = textStart = end < 0 ? html.length : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      emitText(lt);
      const end = html.indexOf('>', lt);
      i = textStart = end < 0 ? html.length : end + 1;
      continue;
    }
    const closing = next === '/';
    let j = lt + (closing ? 2 : 1);
    const nameStart = j;
    while (j < html.length && NAME_CHAR.test(html[j]!)) j++;
    if (j === nameStart || !/[A-Za-z]/.test(html[nameStart]!)) {
      i = lt + 1; // a bare "<" in text
      continue;
    }
    const name = lower.slice(nameStart, j);
    const gt = findTagEnd(html, j);
    emitText(lt);
    const raw = html.slice(lt, Math.min(gt + 1, lt + 2048));
    const selfClosing = !closing && (VOID_ELEMENTS.has(name) || html[gt - 1] === '/');
    handlers.tag?.({ kind: closing ? 'close' : 'open', name, selfClosing, raw });
    i = textStart = gt + 1;
    if (!closing && !selfClosing && RAW_TEXT_ELEMENTS.has(name)) {
      const endTag = lower.indexOf(`</${name}`, i);
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

/** The index of the '>' closing a tag, skipping quoted attribute values. */
function findTagEnd(html: string, from: number): number {
  let quote: string | undefined;
  for (let k = from; k < html.length; k++) {
    const c = html[k];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return k;
    }
  }
  return html.length - 1;
}

/** Elements whose end tag is optional (HTML omits </p>, </li>...): they do not count as nesting. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body']);

export interface HtmlShape {
  readonly maxDepth: number;
  readonly elements: number;
  /** '&' in text outside tags and raw-text elements: each entity (or bare '&') becomes its own linkedom text node. */
  readonly entities: number;
}

/** How deep and how big a page is, and how many '&' its text holds, without parsing it into a DOM. */
export function measureHtml(html: string): HtmlShape {
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  let entities = 0;
  scanHtml(html, {
    text(t) {
      for (let k = t.indexOf('&'); k !== -1; k = t.indexOf('&', k + 1)) entities++;
    },
    tag(t) {
      if (t.kind === 'open') {
        elements++;
        if (t.selfClosing || OPTIONAL_END.has(t.name)) return;
        depth++;
        if (depth > maxDepth) maxDepth = depth;
      } else if (!OPTIONAL_END.has(t.name) && depth > 0) {
        depth--;
      }
    },
  });
  return { maxDepth, elements, entities };
}
