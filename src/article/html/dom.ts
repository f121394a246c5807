/**
 * The few DOM members Lede uses, typed for strict TypeScript (the project does not load the DOM lib;
 * linkedom implements these). Keeps the HTML code honest about what it touches.
 */
import { parseHTML } from 'linkedom';
import { inlineMath } from './inline';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  readonly parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createTextNode(text: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** A page names its <html> or <body> element; a pasted snippet ("<p>Hi</p><p>there</p>") does not. */
const DOCUMENT_ELEMENT = /<(?:html|body)[\s>]/i;

/**
 * Parse a page. linkedom makes the first element of a fragment the document element (so a snippet
 * "<p>A</p><p>B</p>" gets an empty body, or none), so a fragment is wrapped in a document first.
 * Formulas (<math>) are replaced by their text right away (inline.ts), before anything else reads
 * the page: Readability drops hidden MathML and the unknown elements that draw it.
 */
export function parseDocument(html: string): DomDocument {
  const parse = (h: string) => (parseHTML(h) as unknown as { document: DomDocument }).document;
  let doc: DomDocument | undefined;
  if (DOCUMENT_ELEMENT.test(html)) {
    const whole = parse(html);
    if (whole.documentElement && whole.body) doc = whole;
  }
  doc ??= parse(`<!doctype html><html><head></head><body>${html}</body></html>`);
  inlineMath(doc);
  return doc;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}
