/**
 * The parser's stack of open elements, kept as htmlparser2 (linkedom's parser) keeps it, so that a
 * scan can tell how deep the DOM will be without building it. The tag soup an attacker writes is
 * read the parser's way: an end tag closes only an element that is open ("<div></x>" nests), "/>"
 * closes only inside <svg> and <math> ("<div/>" nests), and a start tag closes the elements it
 * implies (a <p> ends an open <p>, an <li> an open <li>), so unclosed paragraphs do not nest.
 */

/** Start tags that close the open elements listed first (htmlparser2's openImpliesClose). */
const P = ['p'];
const FORM_TAGS = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIED_CLOSES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    tr: ['tr', 'th', 'td'], th: ['th'], td: ['thead', 'th', 'td'], body: ['head', 'link', 'script'], li: ['li'],
    p: P, h1: P, h2: P, h3: P, h4: P, h5: P, h6: P,
    select: FORM_TAGS, input: FORM_TAGS, output: FORM_TAGS, button: FORM_TAGS, datalist: FORM_TAGS, textarea: FORM_TAGS,
    option: ['option'], optgroup: ['optgroup', 'option'], dd: ['dd', 'dt'], dt: ['dd', 'dt'],
    address: P, article: P, aside: P, blockquote: P, details: P, div: P, dl: P, fieldset: P, figcaption: P, figure: P,
    footer: P, form: P, header: P, hr: P, main: P, nav: P, ol: P, pre: P, section: P, table: P, ul: P,
    rt: ['rt', 'rp'], rp: ['rt', 'rp'], tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'],
  }).map(([name, closes]) => [name, new Set(closes)]),
);
/** Elements the parser never opens (htmlparser2's list, a little longer than HTML's). */
const PARSER_VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements inside which "/>" closes a tag. */
const FOREIGN = new Set(['math', 'svg']);
/** Elements inside <svg>/<math> that go back to HTML rules ("/>" ignored again). */
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

export interface OpenElements {
  /** A start tag; `slash` when written self-closing. */
  open(name: string, slash: boolean): void;
  /** An end tag. */
  close(name: string): void;
  /** Whether an element of this name is open. */
  isOpen(name: string): boolean;
  /** Elements open now: the depth at which the next node lands. */
  readonly depth: number;
  /** The most elements open at once so far: the DOM's depth below the document. */
  readonly maxDepth: number;
}

/** A stack of open elements. Each operation is amortized O(1): open names are counted, not searched. */
export function openElements(): OpenElements {
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  // htmlparser2 starts with one "not foreign" entry, pushes one per <svg>/<math>/integration element
  // and drops one per end tag of those names, whether or not the element was open.
  const foreign: boolean[] = [false];
  let maxDepth = 0;
  /** An element as a leaf of the current one (a void element, or the element "</p>" alone makes). */
  const leaf = () => {
    if (stack.length + 1 > maxDepth) maxDepth = stack.length + 1;
  };
  const push = (name: string) => {
    leaf();
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const pop = (): string => {
    const name = stack.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    return name;
  };
  return {
    open(name, slash) {
      const implied = IMPLIED_CLOSES.get(name);
      if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1]!)) pop();
      if (PARSER_VOID.has(name)) return leaf();
      push(name);
      if (FOREIGN.has(name)) foreign.push(true);
      else if (INTEGRATION.has(name)) foreign.push(false);
      if (slash && foreign[foreign.length - 1] === true && stack[stack.length - 1] === name) pop();
    },
    close(name) {
      if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
      if (name === 'br' || (name === 'p' && !openCount.get(name))) return leaf(); // "</br>", and "</p>" alone, make an element
      if (PARSER_VOID.has(name) || !openCount.get(name)) return;
      while (pop() !== name);
    },
    isOpen: (name) => (openCount.get(name) ?? 0) > 0,
    get depth() {
      return stack.length;
    },
    get maxDepth() {
      return maxDepth;
    },
  };
}
