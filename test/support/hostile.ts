/**
 * Generators of hostile text: patterns an attacker (or a badly quoted page) sends to make a rule
 * super-linear. The tests run them at small sizes and assert the growth ratio between two sizes;
 * `npm run bench -- hostile` runs them at 100 KB and 1 MB with time and peak memory.
 */

/** `pattern` repeated to exactly `size` characters. */
export function repeatTo(pattern: string, size: number): string {
  return pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size);
}

/** A deterministic pseudo-random generator (mulberry32), so hostile texts are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words with `mark` sprinkled at random (about one in `every` characters), deterministic. */
function sprinkled(mark: string, size: number, every: number, seed: number): string {
  const rnd = seeded(seed);
  const words = ['the', 'mayor', 'said', 'council', 'agreed', 'on', 'Monday', 'that', 'we', 'will'];
  let out = '';
  while (out.length < size) {
    out += rnd() < 1 / every ? mark : '';
    out += words[Math.floor(rnd() * words.length)]!;
    out += rnd() < 0.05 ? '. ' : ' ';
  }
  return out.slice(0, size);
}

/**
 * Plain-text patterns, by name. Each returns a text of `size` characters (give or take one pattern)
 * that is valid input to every stage: article parse, segmentation, quotes, summary, questions, search.
 */
export const HOSTILE_TEXT: Readonly<Record<string, (size: number) => string>> = {
  /** An opening double quote after every cue, never closed. */
  'unbalanced double quotes': (n) => repeatTo('He said "', n),
  /** The same with curly opening marks. */
  'unbalanced curly quotes': (n) => repeatTo('She said \u201c', n),
  /** A cue and an opened quotation in every sentence of one paragraph (badly quoted real text). */
  'repeated cue phrases': (n) => repeatTo('He said: "The council agreed. ', n),
  /** Tail attributions in one endless sentence ("x, he said, x, he said, ..."). */
  'tail cues in one sentence': (n) => repeatTo('the plan works, he said, ', n),
  /** Single quotes at random in ordinary words. */
  'random single quotes': (n) => sprinkled("'", n, 3, 1),
  /** Apostrophes everywhere ("don't", "voters'"). */
  'stray apostrophes': (n) => repeatTo("voters' don't 'n' rock'n'roll ' ", n),
  /** Paragraphs that each reopen a quotation and never close it. */
  'unclosed quoted paragraphs': (n) => repeatTo('"He said the council would agree and then it did\n\n', n),
  /** Capitalized names and pronouns in one paragraph: every pronoun looks back over every name. */
  'names and pronouns': (n) => repeatTo('Mayor Ana Ruiz met Carl Berg. He said "we agree." ', n),
  /** Blank lines between one-letter paragraphs. */
  'blank lines': (n) => repeatTo('\n\n\nx', n),
  /** Thousands of Markdown headings. */
  'markdown headings': (n) => repeatTo('# h\n', n),
  /** One word with no space at all. */
  'one endless word': (n) => 'a'.repeat(n),
  /** Words and punctuation with no spaces ("a.b.c.d."). */
  'no spaces': (n) => repeatTo('Ab.cd,"ef"?', n),
  /** Spaces and words but no punctuation: one endless sentence. */
  'no punctuation': (n) => repeatTo('the mayor said we will agree ', n),
  /** Bare ampersands and angle brackets in plain text. */
  'bare < and &': (n) => repeatTo('a < b & c > d ', n),
  /** Pathological punctuation: runs of dots, dashes and question marks. */
  'punctuation runs': (n) => repeatTo('...!?!?---,,,;;;:::"""\'\'\'', n),
  /** Abbreviations and initials in a row ("U.S. Sen. J. R. R."). */
  'abbreviations': (n) => repeatTo('U.S. Sen. J. R. R. Dr. Mr. St. ', n),
};

/** `pattern` repeated after a page head, the whole page `size` characters. */
function page(pattern: string, size: number, head = '<html><body>'): string {
  return head + repeatTo(pattern, Math.max(0, size - head.length));
}

/**
 * HTML patterns, by name: pages of `size` characters that aim at the DOM (linkedom keeps a node per
 * text fragment, Readability is superlinear in nodes and depth) or at the scans before it.
 */
export const HOSTILE_HTML: Readonly<Record<string, (size: number) => string>> = {
  /** Bare '<' only: every one splits the text, one DOM node per byte (120 s and 2.7 GB at 2 MB). */
  'bare <': (n) => page('<', n),
  /** Bare '<' between words. */
  'bare < between words': (n) => page('a < b ', n),
  /** A stray '<' before every tag. */
  'stray < before tags': (n) => page('<<p>x', n),
  /** Bare '&' (not references). */
  'bare &': (n) => page('&', n),
  /** Named character references: a text node each. */
  'character references': (n) => page('&amp;', n),
  /** Numeric character references. */
  'numeric references': (n) => page('&#65;', n),
  /** No-break spaces: written back as '&#160;' when Readability serializes the page. */
  'no-break spaces': (n) => page('\u00A0', n, '<html><body><p>'),
  /** Nesting that never closes. */
  'deep nesting': (n) => page('<div>', n),
  /** End tags that close nothing: the parser keeps nesting ("<div></x>"). */
  'end tags closing nothing': (n) => page('<div></x>', n),
  /** Paragraphs under 200 divs: Readability reads every subtree of every subtree. */
  'paragraphs deep down': (n) => page('<p>The mayor said it.</p>', n, `<html><body>${'<div>'.repeat(200)}`),
  /** "/>" on a div: ignored outside svg, so these nest too. */
  'self-closing divs': (n) => page('<div/>', n),
  /** Thousands of tiny elements. */
  'tiny elements': (n) => page('<b>x</b>', n),
  /** Thousands of empty elements. */
  'empty elements': (n) => page('<i></i>', n),
  /** "</p>" alone: the parser makes a <p> of each. */
  'end tags alone': (n) => page('</p>', n),
  /** Thousands of empty comments. */
  'many comments': (n) => page('<!---->', n),
  /** "<!-->" is a whole comment, so what follows is markup. */
  'short comment then <': (n) => page('<', n, '<html><body><!-->'),
  /** A comment never closed. */
  'unclosed comment': (n) => page('a ', n, '<html><body><p>Text.</p><!--'),
  /** A script never closed. */
  'unclosed script': (n) => page('a < b ', n, '<html><body><p>Text.</p><script>'),
  /** A <noscript> is not raw text to the parser: its '<' count. */
  'noscript full of <': (n) => page('<', n, '<html><body><noscript>'),
  /** A quote inside an attribute name does not start a value ("<p a"b c>"). */
  'quote in attribute name': (n) => page('<', n, '<html><body><p a"b c>'),
  /** CDATA never closed (a comment in HTML). */
  'unclosed CDATA': (n) => page('a ', n, '<html><body><![CDATA['),
  /** Thousands of CDATA sections. */
  'many CDATA': (n) => page('<![CDATA[x]]>', n),
  /** Declarations opened and never closed ("<!<!<!"): the rest is text. */
  'unclosed declarations': (n) => page('<!', n),
  /** One word with no space. */
  'one endless word': (n) => page('a', n, '<html><body><p>'),
  /** Words and punctuation with no spaces. */
  'no spaces': (n) => page('Ab.cd,"ef"?', n, '<html><body><p>'),
  /** One attribute value as long as the page. */
  'huge attribute': (n) => `<html><body><p title="${'a'.repeat(Math.max(0, n - 50))}">Text here.</p>`,
  /** A title full of references (the title's text is decoded, so each is a node). */
  'title of references': (n) => page('&amp;', n, '<html><head><title>'),
  /** An ordinary article of the same size, for comparison. */
  'ordinary paragraphs': (n) => page('<p>The mayor said the bridge would open in May, and the council agreed after a long debate.</p>', n, '<html><head><title>Bridge</title></head><body><article>'),
};

/**
 * Markdown patterns, by name, for the line scanner and the inline rules (plain-text patterns such as
 * blank lines and headings are in HOSTILE_TEXT and are read as Markdown too).
 */
export const HOSTILE_MARKDOWN: Readonly<Record<string, (size: number) => string>> = {
  /** One line of block-quote markers. */
  'block-quote markers': (n) => '>'.repeat(n),
  /** Nested block quotes on every line. */
  'nested quote lines': (n) => repeatTo('> > > > x\n', n),
  /** Autolinks never closed, each overlapping the next. */
  'unclosed autolinks': (n) => repeatTo('<http://a', n),
  /** Backslash escapes. */
  'escapes': (n) => repeatTo('\\*', n),
  /** A list item per line. */
  'list items': (n) => repeatTo('- a\n', n),
  /** A Setext heading every two lines. */
  'setext headings': (n) => repeatTo('a\n=\n', n),
  /** Fences opened and closed on every line. */
  'fences': (n) => repeatTo('```\n', n),
  /** Table separator rows. */
  'table rows': (n) => repeatTo('|-|-|\n', n),
  /** Links opened and never closed. */
  'link openers': (n) => repeatTo('[a](', n),
  /** Images opened and never closed. */
  'image openers': (n) => repeatTo('![a](', n),
  /** Brackets only. */
  'brackets': (n) => repeatTo('[[', n),
  /** Emphasis opened and never closed. */
  'emphasis openers': (n) => repeatTo('*a ', n),
  /** Strong emphasis opened and never closed. */
  'strong openers': (n) => repeatTo('**a', n),
  /** Code spans opened and never closed. */
  'code span openers': (n) => repeatTo('`a', n),
  /** Inline HTML tags never closed. */
  'inline tag openers': (n) => repeatTo('<b a=', n),
  /** Character references. */
  'entities': (n) => repeatTo('&amp;', n),
  /** Front matter that never closes. */
  'unclosed front matter': (n) => `---\n${repeatTo('title: x\n', n)}`,
  /** One heading line of '#'. */
  'hash line': (n) => '#'.repeat(n),
  /** A heading with an endless closing sequence. */
  'closing hashes': (n) => `# a ${'#'.repeat(n)}`,
  /** Thematic breaks. */
  'thematic breaks': (n) => repeatTo('* * *\n', n),
};
