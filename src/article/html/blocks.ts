/**
 * A DOM subtree -> paragraphs. Walks iteratively (no recursion, so depth cannot overflow the stack):
 * text is gathered into the current paragraph; block elements and <br> end it; headings and list
 * items are paragraphs of their own; figure captions are set aside (they describe a picture, they
 * are not the story); scripts, forms and embedded media are skipped. Inline markup that carries
 * words (<q>, <sup>, <sub>, <math>, ruby) is read as a reader sees it (inline.ts).
 */
import { isElement, TEXT_NODE, type DomElement, type DomNode } from './dom';
import { mathText, quoteMark, RUBY_ANNOTATION, scriptText } from './inline';

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'footer', 'form', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tr', 'ul', 'caption', 'center', 'body', 'html',
]);
/** Elements whose content is not article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'button', 'select', 'input', 'textarea', 'head']);
/** Caption elements: their text goes to boilerplate. */
const CAPTION = new Set(['figcaption']);
/** Table cells: separated by a space within the row's paragraph. */
const CELL = new Set(['td', 'th']);
/** Headings: a wiki's "[edit]" link at their end is not part of the heading. */
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EDIT_LINK = /\s*\[\s*edit(?: source)?\s*\]\s*$/i;
/** Superscript and subscript: read whole, then written as inline.ts says. */
const SCRIPT = new Set(['sup', 'sub']);

export interface Blocks {
  readonly paragraphs: string[];
  readonly captions: string[];
}

export function blocksOf(root: DomNode): Blocks {
  const paragraphs: string[] = [];
  const captions: string[] = [];
  let buffer: string[] = [];
  let captionDepth = 0;
  let quoteDepth = 0;
  const flush = (heading = false) => {
    let text = buffer.join('');
    buffer = [];
    if (heading) text = text.replace(EDIT_LINK, '');
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
      if (name === 'q') buffer.push(quoteMark(--quoteDepth, true));
      if (BLOCK.has(name) || CAPTION.has(name)) flush(HEADING.has(name));
      else if (CELL.has(name)) buffer.push(' ');
      if (CAPTION.has(name)) captionDepth--;
      continue;
    }
    if (SKIP.has(name) || RUBY_ANNOTATION.has(name)) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    if (name === 'math') {
      buffer.push(` ${mathText(node)} `);
      continue;
    }
    if (SCRIPT.has(name) && !hasBlockInside(node)) {
      buffer.push(scriptText(name as 'sup' | 'sub', node.textContent ?? ''));
      continue;
    }
    if (name === 'q') buffer.push(quoteMark(quoteDepth++, false));
    if (BLOCK.has(name) || CAPTION.has(name)) flush();
    if (CAPTION.has(name)) captionDepth++;
    stack.push([node, true]);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
  }
  flush();
  return { paragraphs, captions };
}

/** Whether an element holds a block (a <sup> wrapping paragraphs is read as blocks, not as one script). */
function hasBlockInside(el: DomElement): boolean {
  return el.querySelector(BLOCK_SELECTOR) !== null;
}
const BLOCK_SELECTOR = [...BLOCK, 'br'].join(',');
