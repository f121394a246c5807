/**
 * Inline markup that carries words: what a reader sees is what the text holds.
 *
 * - `<math>` (MathML) becomes its text, inline: the `alttext` attribute, else the TeX annotation
 *   (`<annotation encoding="application/x-tex">`), else a linear reading of its elements
 *   ("x = (−b ± √(b^2 − 4ac))/(2a)"). The formula replaces the whole rendering that wraps it (a
 *   MathJax `<mjx-container>`, a KaTeX or MediaWiki `<span>` with a hidden MathML copy and a picture
 *   or glyph rendering), so it is read once, and before Readability, which drops hidden MathML and
 *   unknown elements.
 * - `<sup>`/`<sub>` keep their characters with no space inserted ("1<sup>st</sup>" -> "1st");
 *   digits and signs become superscript or subscript characters, as printed ("10<sup>6</sup>" ->
 *   "10⁶", not "106"; "H<sub>2</sub>O" -> "H₂O"). A bracketed footnote marker ("<sup>[1]</sup>",
 *   "[n 2]", "[citation needed]") is a link, not prose: it is dropped.
 * - `<q>` gets the quote marks a browser draws: “…”, ‘…’ when nested.
 * - `<abbr>`, `<time>`, `<data>`: their text, as shown (the title/datetime attributes are not text).
 * - `<rt>`/`<rp>` (ruby readings and their fallback brackets) are skipped: the base text is the word.
 */
import type { DomDocument, DomElement, DomNode } from './dom';
import { isElement, TEXT_NODE } from './dom';

export const QUOTE_OPEN = ['\u201C', '\u2018'] as const;
export const QUOTE_CLOSE = ['\u201D', '\u2019'] as const;

/** The quote mark a `<q>` at nesting depth `depth` (0 = outermost) opens or closes with. */
export function quoteMark(depth: number, closing: boolean): string {
  return (closing ? QUOTE_CLOSE : QUOTE_OPEN)[depth % 2]!;
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '\u2212': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
};
const SUBSCRIPT: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '\u2212': '₋', '=': '₌', '(': '₍', ')': '₎',
};
/** A footnote or citation marker: "[1]", "[12]", "[n 3]", "[a]", "[note 2]", "[citation needed]". */
const FOOTNOTE_MARKER = /^\s*\[[\p{L}\p{N} .,–-]{1,24}\]\s*$/u;
/** Longest script text mapped to super/subscript characters ("10<sup>-12</sup>"). */
const MAX_SCRIPT_DIGITS = 12;

/** The text a `<sup>` or `<sub>` holding `text` stands for in the body. */
export function scriptText(kind: 'sup' | 'sub', text: string): string {
  if (FOOTNOTE_MARKER.test(text)) return '';
  const trimmed = text.trim();
  const table = kind === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
  if (trimmed.length === 0 || trimmed.length > MAX_SCRIPT_DIGITS || !/\d/.test(trimmed)) return text;
  let out = '';
  for (const c of trimmed) {
    const mapped = table[c];
    if (mapped === undefined) return text; // letters ("st", "th", "er") stay as written
    out += mapped;
  }
  return out;
}

/** Elements skipped whole: ruby readings (`<rt>`) and their fallback brackets (`<rp>`). */
export const RUBY_ANNOTATION = new Set(['rt', 'rp']);

const TEX = 'application/x-tex';
/** MediaWiki wraps its TeX: "{\displaystyle A^{H}}" is "A^{H}". */
const TEX_STYLE_WRAPPER = /^\{\\(?:displaystyle|textstyle|scriptstyle)\s*([\s\S]*)\}$/;
/** Operators read with a space either side in the linear form ("a + b = c"). */
const SPACED_OPERATORS = new Set(['=', '+', '-', '\u2212', '±', '∓', '×', '÷', '·', '<', '>', '≤', '≥', '≠', '≈', '≡', '→', '←', '⇒', '⇔', '⟺', '∈', '∉', '⊂', '⊆', '∪', '∩']);
/** Longest formula text kept; a longer one is cut at a character boundary (a hostile page's MathML). */
const MAX_MATH_TEXT = 2_000;

/** The text of a `<math>` element: alttext, else the TeX annotation, else a linear reading of its elements. */
export function mathText(math: DomElement): string {
  const alt = math.getAttribute('alttext')?.trim();
  const tex = alt || findTex(math);
  const text = tex ? unwrapTex(tex) : linearMath(math);
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_MATH_TEXT);
}

function unwrapTex(tex: string): string {
  const t = tex.replace(/\s+/g, ' ').trim();
  return TEX_STYLE_WRAPPER.exec(t)?.[1]?.trim() ?? t;
}

function findTex(math: DomElement): string | undefined {
  const annotations = math.querySelectorAll('annotation');
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i]!;
    if (a.getAttribute('encoding')?.trim().toLowerCase() === TEX) {
      const t = a.textContent?.trim();
      if (t) return t;
    }
  }
  return undefined;
}

/**
 * A linear reading of presentation MathML, iteratively (no recursion): tokens as written, scripts
 * as ^ and _, fractions as (a)/(b), roots as √(…). Annotations are skipped (they are other encodings).
 */
function linearMath(math: DomElement): string {
  // Each frame renders one element's children, then combines them by the element's name.
  interface Frame { el: DomElement; parts: string[]; next: number }
  const stack: Frame[] = [{ el: math, parts: [], next: 0 }];
  let result = '';
  let budget = MAX_MATH_TEXT * 4;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const children = frame.el.childNodes;
    if (frame.next < children.length && budget > 0) {
      const child = children[frame.next++]!;
      budget--;
      if (child.nodeType === TEXT_NODE) {
        const t = (child.textContent ?? '').trim();
        if (t) frame.parts.push(t);
      } else if (isElement(child)) {
        const name = child.localName.toLowerCase();
        if (name !== 'annotation' && name !== 'annotation-xml') stack.push({ el: child, parts: [], next: 0 });
      }
      continue;
    }
    stack.pop();
    const text = combine(frame.el.localName.toLowerCase(), frame.parts);
    const parent = stack[stack.length - 1];
    if (parent) {
      if (text) parent.parts.push(text);
    } else result = text;
  }
  return result;
}

/** A script, numerator or root argument: bare when one character or already in brackets, else in parentheses. */
function group(s: string | undefined): string {
  const t = (s ?? '').trim();
  if (t.length <= 1 || /^\([^()]*\)$/.test(t)) return t;
  return `(${t})`;
}

/** Accents drawn over a letter (<mover>): written after it, as the text of the accent ("x˙"). */
const ACCENTS = /^[\u02C6\u02C7\u02D8-\u02DD\u00AF\u00A8\u005E\u007E\u2192\u02D9\u0307\u0302\u0303\u0304]$/;

/** Operators that can be signs ("−b"); relations ("=") are never unary. */
const UNARY = new Set(['+', '-', '\u2212', '±', '∓']);

/** An operator is unary (no spaces) first in a row or after another operator or an opening bracket. */
function joinRow(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    const spaced = part.length > 2 && part.startsWith(' ') && part.endsWith(' ') && UNARY.has(part.trim());
    const trimmedOut = out.trimEnd();
    const unary = spaced && (trimmedOut === '' || out.endsWith(' ') || /[([{,]$/.test(trimmedOut));
    out += unary ? part.trim() : part;
  }
  return out;
}

function combine(name: string, parts: string[]): string {
  switch (name) {
    case 'mo': {
      const op = parts.join('');
      return SPACED_OPERATORS.has(op) ? ` ${op} ` : op;
    }
    case 'msup':
      return `${parts[0] ?? ''}^${group(parts[1])}`;
    case 'msub':
    case 'munder':
      return `${parts[0] ?? ''}_${group(parts[1])}`;
    case 'msubsup':
    case 'munderover':
      return `${parts[0] ?? ''}_${group(parts[1])}^${group(parts[2])}`;
    case 'mover':
      return ACCENTS.test((parts[1] ?? '').trim()) ? `${parts[0] ?? ''}${(parts[1] ?? '').trim()}` : `${parts[0] ?? ''}^${group(parts[1])}`;
    case 'mfrac':
      return `${group(parts[0])}/${group(parts[1])}`;
    case 'msqrt':
      return `√${group(joinRow(parts))}`;
    case 'mroot':
      return `${parts[1] ?? ''}√${group(parts[0])}`;
    case 'mtable':
      return parts.map((p) => p.trim()).join('; '); // rows of aligned equations
    default:
      return joinRow(parts);
  }
}

interface MutableDomNode extends DomNode {
  replaceWith(...nodes: unknown[]): void;
}

/** Elements that draw a formula around a hidden MathML copy: the formula replaces the whole wrapper. */
const FORMULA_WRAPPERS = /^mjx-|^span$/;
/** Most child nodes of a formula wrapper (MathJax: the rendering and the MathML copy, with whitespace between). */
const MAX_WRAPPER_CHILDREN = 8;
/** Hidden parts of a formula's wrapper (a picture or glyph rendering, a screen-reader copy): no words of their own. */
function isHiddenRendering(el: DomElement): boolean {
  if (el.getAttribute('aria-hidden') === 'true' || el.getAttribute('hidden') !== null) return true;
  return /display\s*:\s*none/i.test(el.getAttribute('style') ?? '');
}

/**
 * Replace every `<math>` in the page with its text (see mathText), before any other reading of the
 * DOM. The replaced node is the widest inline wrapper whose only words are this formula's.
 */
export function inlineMath(doc: DomDocument): void {
  const maths = doc.querySelectorAll('math');
  for (let i = 0; i < maths.length; i++) {
    const math = maths[i]!;
    if (hasAncestorNamed(math, 'math')) continue; // read with the outer formula
    const text = mathText(math);
    let target: DomElement = math;
    for (let up = 0; up < 4; up++) {
      const parent = target.parentNode;
      if (!parent || !isElement(parent) || !FORMULA_WRAPPERS.test(parent.localName.toLowerCase())) break;
      if (!onlyThisFormula(parent, target)) break;
      target = parent;
    }
    const before = previousText(target);
    const after = nextText(target);
    const padBefore = before !== '' && !/[\s([{“‘"']$/.test(before) ? ' ' : '';
    const padAfter = /^[\p{L}\p{N}]/u.test(after) ? ' ' : '';
    (target as unknown as MutableDomNode).replaceWith(doc.createTextNode(`${padBefore}${text}${padAfter}`));
  }
}

function hasAncestorNamed(el: DomElement, name: string): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (isElement(p) && p.localName.toLowerCase() === name) return true;
  return false;
}

/** Whether every word in `wrapper` outside `inner` sits in a hidden rendering (no words of its own). */
function onlyThisFormula(wrapper: DomElement, inner: DomElement): boolean {
  const children = wrapper.childNodes;
  if (children.length > MAX_WRAPPER_CHILDREN) return false; // a wrapper holds a formula and its renderings, a few nodes
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c === inner) continue;
    if (c.nodeType === TEXT_NODE) {
      if ((c.textContent ?? '').trim() !== '') return false;
    } else if (isElement(c)) {
      const name = c.localName.toLowerCase();
      if (name === 'img' || name === 'svg' || name.startsWith('mjx-') || isHiddenRendering(c)) continue;
      if ((c.textContent ?? '').trim() !== '') return false;
    }
  }
  return true;
}

interface SiblingNode extends DomNode {
  readonly previousSibling: DomNode | null;
  readonly nextSibling: DomNode | null;
}

/** The text just before a node, when it is a text node; an element before it counts as a word (pad with a space). */
function previousText(node: DomNode): string {
  const prev = (node as SiblingNode).previousSibling;
  if (!prev) return '';
  return prev.nodeType === TEXT_NODE ? (prev.textContent ?? '') : 'x';
}

/** The text just after a node, when it is a text node; an element after it counts as a word. */
function nextText(node: DomNode): string {
  const next = (node as SiblingNode).nextSibling;
  if (!next) return '';
  return next.nodeType === TEXT_NODE ? (next.textContent ?? '') : 'x';
}
