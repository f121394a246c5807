/**
 * The few DOM members Lede uses, typed for strict TypeScript (the project does not load the DOM lib;
 * linkedom implements these). Keeps the HTML code honest about what it touches.
 */
import { parseHTML } from 'linkedom';

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
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** A page names its <html> or <body> element; a pasted snippet ("<p>Hi</p><p>there</p>") does not. */
const DOCUMENT_ELEMENT = /<(?:html|body)[\s>]/i;

/**
 * Parse a page. linkedom makes the first element of a fragment the document element (so a snippet
 * "<p>A</p><p>B</p>" gets an empty body, or none), so a fragment is wrapped in a document first.
 */
export function parseDocument(html: string): DomDocument {
  const parse = (h: string) => (parseHTML(h) as unknown as { document: DomDocument }).document;
  if (DOCUMENT_ELEMENT.test(html)) {
    const doc = parse(html);
    if (doc.documentElement && doc.body) return doc;
  }
  return parse(`<!doctype html><html><head></head><body>${html}</body></html>`);
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}
