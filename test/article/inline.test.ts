import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article';
import { extractFlat } from '../../src/article/html/flat';
import { quoteMark, scriptText } from '../../src/article/html/inline';

/** A page Readability takes as an article: the paragraph under test among ordinary ones. */
function page(paragraph: string): string {
  const filler = [
    'The survey team spent three weeks on the ridge, measuring how far the old stone wall had moved since the last winter storms.',
    'Their report, published on Tuesday, recommends that the footpath stay closed until the spring thaw has been inspected by engineers.',
  ];
  return `<!doctype html><html><head><title>Notes from the ridge</title></head><body><article>
    <h1>Notes from the ridge</h1><p>${filler[0]}</p><p>${paragraph}</p><p>${filler[1]}</p></article></body></html>`;
}

/** The body paragraph that holds `probe`. */
function paragraphWith(html: string, probe: string): string {
  const a = parseArticle({ content: page(html), source: 'inline.html', format: 'html' });
  const found = a.text.split('\n\n').find((p) => p.includes(probe));
  if (found === undefined) throw new Error(`no paragraph holds ${probe}: ${a.text}`);
  return found;
}

describe('<math> keeps its text, inline', () => {
  it('GIVEN MathML with alttext THEN the alttext stands in the sentence', () => {
    expect(paragraphWith('The area grows as <math alttext="r^2"><msup><mi>r</mi><mn>2</mn></msup></math> when the radius grows.', 'area')).toBe(
      'The area grows as r^2 when the radius grows.',
    );
  });

  it('GIVEN no alttext but a TeX annotation THEN the TeX is the text, not the MathML tokens', () => {
    const math = '<math><semantics><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><annotation encoding="application/x-tex">a+b</annotation><annotation-xml encoding="MathML-Content"><apply><plus/><ci>a</ci><ci>b</ci></apply></annotation-xml></semantics></math>';
    expect(paragraphWith(`The sum ${math} is checked twice.`, 'sum')).toBe('The sum a+b is checked twice.');
  });

  it('GIVEN bare presentation MathML THEN it is read linearly: scripts, fractions, roots, signs', () => {
    const quadratic = '<math><mi>x</mi><mo>=</mo><mfrac><mrow><mo>\u2212</mo><mi>b</mi><mo>\u00B1</mo><msqrt><msup><mi>b</mi><mn>2</mn></msup><mo>\u2212</mo><mn>4</mn><mi>a</mi><mi>c</mi></msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac></math>';
    expect(paragraphWith(`The roots are ${quadratic}, as every pupil learns.`, 'roots')).toBe(
      'The roots are x = (\u2212b \u00B1 \u221A(b^2 \u2212 4ac))/(2a), as every pupil learns.',
    );
  });

  it('GIVEN the formula touching the next word (MathJax drops the space) THEN a space separates them, none before punctuation', () => {
    expect(paragraphWith('Solve <math><mi>y</mi><mo>=</mo><mn>0</mn></math>and then <math><mi>z</mi></math>.', 'Solve')).toBe('Solve y = 0 and then z.');
  });

  it('GIVEN a MathJax container (glyph rendering hidden from readers, MathML copy for them) THEN the formula is read once', () => {
    const mathjax = '<mjx-container class="MathJax" jax="CHTML"><mjx-math aria-hidden="true"><mjx-mi><mjx-c class="c1"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml display="inline"><math><mi>n</mi><mo>&gt;</mo><mn>3</mn></math></mjx-assistive-mml></mjx-container>';
    expect(paragraphWith(`It holds for ${mathjax} and fails below.`, 'holds')).toBe('It holds for n > 3 and fails below.');
  });

  it('GIVEN a wiki formula (hidden MathML with wrapped TeX, picture fallback) THEN the TeX is read once, unwrapped', () => {
    const wiki = '<span class="formula"><span style="display: none;"><math alttext="{\\displaystyle A^{H}}"><mi>A</mi></math></span><img src="f.svg" alt="{\\displaystyle A^{H}}" aria-hidden="true"></span>';
    expect(paragraphWith(`The transpose ${wiki} is written with an H.`, 'transpose')).toBe('The transpose A^{H} is written with an H.');
  });

  it('GIVEN KaTeX (MathML copy plus an aria-hidden HTML rendering) THEN the formula is read once', () => {
    const katex = '<span class="katex"><span class="katex-mathml"><math><semantics><mi>k</mi><annotation encoding="application/x-tex">k</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="mord">k</span></span></span>';
    expect(paragraphWith(`Each ${katex} counts once in the tally.`, 'tally')).toBe('Each k counts once in the tally.');
  });
});

describe('<sup>, <sub>, <q>, <abbr>, <time>, ruby: what a reader sees', () => {
  it('GIVEN digits in <sup>/<sub> THEN superscript/subscript characters, with no space inside the word', () => {
    expect(paragraphWith('Water (H<sub>2</sub>O) covers 3.6\u00D710<sup>8</sup> km<sup>2</sup> of the planet.', 'Water')).toBe(
      'Water (H\u2082O) covers 3.6\u00D710\u2078 km\u00B2 of the planet.',
    );
  });

  it('GIVEN letters in <sup> (ordinals) THEN they stay as written, joined to the number', () => {
    expect(paragraphWith('She finished 1<sup>st</sup> and he came 22<sup>nd</sup> in the race.', 'race')).toBe('She finished 1st and he came 22nd in the race.');
  });

  it('GIVEN bracketed footnote markers in <sup> THEN they are dropped; a bare number stays as a superscript', () => {
    expect(paragraphWith('The wall dates from 1820.<sup><a href="#n1">[1]</a></sup> It was rebuilt<sup>[citation needed]</sup> later.<sup>2</sup>', 'wall dates')).toBe(
      'The wall dates from 1820. It was rebuilt later.\u00B2',
    );
  });

  it('GIVEN <q>, nested THEN curly quote marks as browsers draw them', () => {
    expect(paragraphWith('The guide said <q>the sign reads <q>keep out</q> for a reason</q> and walked on.', 'guide')).toBe(
      'The guide said \u201Cthe sign reads \u2018keep out\u2019 for a reason\u201D and walked on.',
    );
  });

  it('GIVEN <abbr> and <time> THEN their shown text stays, not their title or datetime', () => {
    expect(paragraphWith('The <abbr title="Ordnance Survey">OS</abbr> team met at <time datetime="2025-03-04T09:00">nine on Tuesday</time> by the gate.', 'team met')).toBe(
      'The OS team met at nine on Tuesday by the gate.',
    );
  });

  it('GIVEN ruby text THEN the base text is kept and the reading is skipped', () => {
    expect(paragraphWith('The sign said <ruby>\u5C71<rp>(</rp><rt>\u3084\u307E</rt><rp>)</rp></ruby> in large letters.', 'sign said')).toBe('The sign said \u5C71 in large letters.');
  });

  it('GIVEN a wiki heading with an [edit] link THEN the heading keeps only its words', () => {
    const a = parseArticle({ content: page('Intro text of the section that follows below, long enough to count.</p><h2>History<span>[<a href="?action=edit">edit</a>]</span></h2><p>The wall was built in 1820 by the parish.'), source: 'x.html', format: 'html' });
    expect(a.text.split('\n\n')).toContain('History');
  });
});

describe('inline helpers', () => {
  it('scriptText maps digits and signs only, drops bracketed markers', () => {
    expect(scriptText('sup', '-12')).toBe('\u207B\u00B9\u00B2');
    expect(scriptText('sub', '(1)')).toBe('\u208D\u2081\u208E');
    expect(scriptText('sup', 'th')).toBe('th');
    expect(scriptText('sup', 'n+1')).toBe('n+1');
    expect(scriptText('sup', '[n 2]')).toBe('');
    expect(scriptText('sup', '+')).toBe('+');
  });

  it('quoteMark alternates double and single marks by depth', () => {
    expect([quoteMark(0, false), quoteMark(1, false), quoteMark(1, true), quoteMark(0, true), quoteMark(2, false)].join('')).toBe('\u201C\u2018\u2019\u201D\u201C');
  });
});

describe('flat extraction (pages too big for a DOM) reads the same markup', () => {
  it('GIVEN math, q, sup/sub and ruby THEN the flat text matches the DOM rules', () => {
    const html = '<p>When <math alttext="a \\ne 0"><mi>a</mi></math>, then <math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^2</annotation></semantics></math>and <q>yes <q>no</q></q>: mc<sup>2</sup>, 1<sup>st</sup>, H<sub>2</sub>O, here<sup>[4]</sup>, \u5C71<rp>(</rp><rt>\u3084\u307E</rt><rp>)</rp>.</p>';
    expect(extractFlat(html).paragraphs.filter((p) => p.trim() !== '')).toEqual([
      'When a \\ne 0, then x^2 and \u201Cyes \u2018no\u2019\u201D: mc\u00B2, 1st, H\u2082O, here, \u5C71.',
    ]);
  });

  it('GIVEN 200,000 unclosed <sup> and <math> tags THEN the flat text comes back in bounded time', () => {
    const html = `<p>${'<sup>7 <math alttext="z">'.repeat(100_000)}end</p>`;
    const started = performance.now();
    const text = extractFlat(html).paragraphs.join('');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(text.endsWith('end')).toBe(true);
  });
});

describe('hostile formulas stay bounded on the DOM path', () => {
  it('GIVEN 5,000 formulas in one wrapper THEN the page parses in bounded time and keeps every formula', () => {
    const html = page(`Counts: <span>${'<math><mi>q</mi></math> '.repeat(5_000)}</span> done.`);
    const started = performance.now();
    const a = parseArticle({ content: html, source: 'many.html', format: 'html' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(a.text.match(/\bq\b/g)?.length).toBe(5_000);
  });
});
