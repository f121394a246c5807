/**
 * A DOM subtree -> paragraphs. Walks iteratively (no recursion, so depth cannot overflow the stack):
 * text is gathered into the current paragraph; block elements and <br> end it; headings and list
 * items are paragraphs of their own; figure captions are set aside (they describe a picture, they
 * are not the story); scripts, forms and embedded media are skipped.
 */
import { isElement, TEXT_NODE, type DomNode } from './dom';

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'footer', 'form', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tr', 'ul', 'caption', 'center', 'body', 'html',
]);
/** Elements whose content is not article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'button', 'select', 'input', 'textarea', 'head']);
/** Caption elements: their text goes to boilerplate. */
const CAPTION = new Set(['figcaption']);
/** Table cells: separated by a space within the row's paragraph. */
const CELL = new Set(['td', 'th']);

export interface Blocks {
  readonly paragraphs: string[];
  readonly captions: string[];
}

export function blocksOf(root: DomNode): Blocks {
  const paragraphs: string[] = [];
  const captions: string[] = [];
  let buffer: string[] = [];
  let captionDepth = 0;
  const flush = () => {
    const text = buffer.join('');
    buffer = [];
    if (text.trim() === '') return;
    (captionDepth > 0 ? captions : paragraphs).push(text);
  };
  // Explicit stack of [node, leaving]: leaving=true marks the end of an element.
  const stack: Array<[DomNode, boolean]> = [[root, false]];
  while (stack.length > 0) {
    const [node, leaving] = stack.pop()!;
    if (!isElement(node)) {
      if (node.nodeType === TEXT_NODE && !leaving) buffer.push(node.textContent ?? '');
      continue;
    }
    const name = node.localName.toLowerCase();
    if (leaving) {
      if (BLOCK.has(name) || CAPTION.has(name)) flush();
      else if (CELL.has(name)) buffer.push(' ');
      if (CAPTION.has(name)) captionDepth--;
      continue;
    }
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    if (BLOCK.has(name) || CAPTION.has(name)) flush();
    if (CAPTION.has(name)) captionDepth++;
    stack.push([node, true]);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
  }
  flush();
  return { paragraphs, captions };
}
