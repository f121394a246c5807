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
