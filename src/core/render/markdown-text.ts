/**
 * Discord markdown read in a terminal: what a Discord user sees styled, the console shows as
 * readable text. Plain mode (pipes, logs, tests) drops the markers whose meaning survives without
 * styling (bold, italics, underline, spoilers, headers) and keeps the two plain-text conventions
 * whose meaning would be lost (`code`, ~~struck~~); ANSI mode (an interactive terminal) shows every
 * style as a terminal style and drops all markers.
 *
 * Text the Discord renderers meant literally reaches here escaped (`\*`, see escapeMarkdown in
 * escape.ts) and is shown as written; an unescaped `*` that cannot open or close a style (`5 * 3`,
 * a lone `*`) stays too, as on Discord. One pass over each line with closers found by per-marker
 * cursors that only move forward: linear in the text, whatever it contains.
 */

export type MarkdownTextStyle = 'plain' | 'ansi';

/** SGR codes for each inline style (ANSI mode). */
const SGR = { bold: '1', italic: '3', underline: '4', strike: '9', spoiler: '7', code: '36', dim: '2' } as const;
type Style = keyof typeof SGR;

interface Marker {
  readonly text: string;
  readonly style: Style;
  /** A second style the marker sets (`***` is bold and italic). */
  readonly also?: Style;
  /** Kept around the content in plain mode: the plain-text convention carries the meaning. */
  readonly keepInPlain?: boolean;
}

/**
 * Inline markers, longest first so `**` wins over `*` (`***x***` reads as bold around italics).
 * Reason for each: Discord's own inline rules (bold, italics with * or _, underline, strike, spoiler).
 */
const MARKERS: readonly Marker[] = [
  { text: '***', style: 'bold', also: 'italic' },
  { text: '**', style: 'bold' },
  { text: '__', style: 'underline' },
  { text: '~~', style: 'strike', keepInPlain: true },
  { text: '||', style: 'spoiler' },
  { text: '*', style: 'italic' },
  { text: '_', style: 'italic' },
];

/** ASCII punctuation a backslash escapes on Discord (the character then shows literally). */
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** `<t:unix>` / `<t:unix:R>` as "YYYY-MM-DD HH:MM UTC" (Discord shows it in the reader's own zone). */
function timestamp(seconds: string): string {
  const ms = Number(seconds) * 1000;
  const d = new Date(ms);
  return Number.isFinite(ms) && !Number.isNaN(d.getTime()) ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : `<t:${seconds}>`;
}

/** Discord's angle-bracket tokens: times, user/role/channel mentions, custom emoji, unembedded links. */
const ANGLE = /<(?:t:(\d{1,15})(?::[a-zA-Z])?|@!?(\d{1,25})|@&(\d{1,25})|#(\d{1,25})|a?(:[\w~]{1,64}:)\d{1,25}|(https?:\/\/[^\s<>]{1,2000}))>/y;
/** `[text](url)` or `[text](<url>)` starting at a `[`; text on one line without brackets. */
const LINK = /\[([^\]\n]{1,1000})\]\(<?(https?:\/\/[^\s()<>]{1,2000})>?\)/y;

class LineRenderer {
  private out = '';
  private readonly stack: Style[] = [];
  /** For each marker, the next position (≥ the last query) where it can close, or -1 if none. */
  private readonly cursors = new Map<string, { at: number; found: number }>();
  /** Backtick run lengths known to have no closing run on this line (so no search is repeated). */
  private readonly unclosedCode = new Set<number>();
  /** Positions consumed by an escape (the backslash and the escaped character). */
  private readonly escaped: boolean[];

  constructor(
    private readonly s: string,
    private readonly ansi: boolean,
  ) {
    this.escaped = new Array<boolean>(s.length).fill(false);
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '\\' && i + 1 < s.length && ESCAPABLE.test(s[i + 1]!)) {
        this.escaped[i] = this.escaped[i + 1] = true;
        i++;
      }
    }
  }

  render(): string {
    this.inline(0, this.s.length);
    return this.out;
  }

  private open(style: Style): void {
    this.stack.push(style);
    if (this.ansi) this.out += `\x1b[${SGR[style]}m`;
  }

  private close(): void {
    this.stack.pop();
    if (this.ansi) this.out += `\x1b[0m${this.stack.map((st) => `\x1b[${SGR[st]}m`).join('')}`;
  }

  /** Whether `m` at `j` can close a span (not escaped; `*` and `_` not after a space, `_` not inside a word). */
  private closesAt(m: Marker, j: number): boolean {
    const s = this.s;
    for (let k = 0; k < m.text.length; k++) if (this.escaped[j + k]) return false;
    if (m.text === '*' && (isSpace(s[j - 1]) || s[j - 1] === '*' || s[j + 1] === '*')) return false;
    if (m.text === '_' && (isSpace(s[j - 1]) || isWordChar(s[j + 1]) || s[j + 1] === '_' || s[j - 1] === '_')) return false;
    return true;
  }

  /** The first position ≥ `from` and < `to` where `m` closes; queries come in increasing `from`. */
  private closer(m: Marker, from: number, to: number): number {
    let c = this.cursors.get(m.text);
    if (!c) {
      c = { at: -1, found: -1 };
      this.cursors.set(m.text, c);
    }
    if (c.at <= from || (c.found !== -1 && c.found < from)) {
      // Scan on from where the last scan stopped (never twice over the same characters).
      let j = Math.max(from, c.at);
      c.found = -1;
      for (; j + m.text.length <= this.s.length; j++) {
        if (this.s.startsWith(m.text, j) && this.closesAt(m, j)) {
          c.found = j;
          break;
        }
      }
      c.at = c.found === -1 ? this.s.length : c.found;
    }
    return c.found !== -1 && c.found >= from && c.found + m.text.length <= to ? c.found : -1;
  }

  /** Whether `m` at `i` opens a span (next character not a space; `_` not inside a word). */
  private opensAt(m: Marker, i: number): boolean {
    const s = this.s;
    const next = s[i + m.text.length];
    if (isSpace(next)) return false;
    if (m.text === '_' && (isWordChar(s[i - 1]) || next === '_')) return false;
    if (m.text === '*' && next === '*') return false;
    return true;
  }

  private inline(from: number, to: number): void {
    const s = this.s;
    let i = from;
    while (i < to) {
      const ch = s[i]!;
      if (this.escaped[i]) {
        this.out += s[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (ch === '`') {
        i = this.code(i, to);
        continue;
      }
      if (ch === '<') {
        ANGLE.lastIndex = i;
        const m = ANGLE.exec(s);
        if (m && m.index + m[0].length <= to) {
          this.out += m[1] ? timestamp(m[1]) : m[2] ? `@${m[2]}` : m[3] ? `@role:${m[3]}` : m[4] ? `#${m[4]}` : m[5] ? m[5] : `<${m[6]}>`;
          i += m[0].length;
          continue;
        }
      }
      if (ch === '[') {
        LINK.lastIndex = i;
        const m = LINK.exec(s);
        if (m && m.index + m[0].length <= to) {
          this.inline(i + 1, i + 1 + m[1]!.length);
          this.out += ` <${m[2]}>`;
          i += m[0].length;
          continue;
        }
      }
      const marker = MARKERS.find((m) => s.startsWith(m.text, i));
      if (marker && this.opensAt(marker, i)) {
        const j = this.closer(marker, i + marker.text.length + 1, to);
        if (j !== -1) {
          const plainKeep = !this.ansi && marker.keepInPlain;
          if (plainKeep) this.out += marker.text;
          this.open(marker.style);
          if (marker.also) this.open(marker.also);
          this.inline(i + marker.text.length, j);
          if (marker.also) this.close();
          this.close();
          if (plainKeep) this.out += marker.text;
          i = j + marker.text.length;
          continue;
        }
      }
      if (marker) {
        this.out += marker.text;
        i += marker.text.length;
        continue;
      }
      this.out += ch;
      i++;
    }
  }

  /** An inline code span at `i` (a run of n backticks up to the next run of exactly n): verbatim. */
  private code(i: number, to: number): number {
    const s = this.s;
    let n = 0;
    while (i + n < to && s[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let j = this.unclosedCode.has(n) ? -1 : s.indexOf(fence, i + n);
    // A longer run is not a closer: skip past it (bounded by the line; each character looked at once per search).
    while (j !== -1 && j + n <= to && s[j + n] === '`') {
      let k = j;
      while (k < to && s[k] === '`') k++;
      j = s.indexOf(fence, k);
    }
    if (j === -1) this.unclosedCode.add(n);
    if (j === -1 || j + n > to || j === i + n) {
      this.out += fence;
      return i + n;
    }
    if (this.ansi) {
      this.open('code');
      this.out += s.slice(i + n, j);
      this.close();
    } else {
      this.out += `\`${s.slice(i + n, j)}\``;
    }
    return j + n;
  }
}

/** One line's inline markdown as text. */
export function inlineMarkdownToText(line: string, style: MarkdownTextStyle = 'plain'): string {
  return new LineRenderer(line, style === 'ansi').render();
}

const HEADER = /^(#{1,3}) (?=\S)/;
const SUBTEXT = /^-# (?=\S)/;

/**
 * A Discord message or embed body as readable text: code blocks verbatim (fences dropped), headers
 * and subtext without their markers, block quotes kept as `> `, everything else inline-rendered.
 */
export function markdownToText(md: string, style: MarkdownTextStyle = 'plain'): string {
  const ansi = style === 'ansi';
  const wrap = (st: Style, text: string) => (ansi ? `\x1b[${SGR[st]}m${text}\x1b[0m` : text);
  const out: string[] = [];
  let inCode = false;
  let quoteRest = false;
  for (const raw of md.split('\n')) {
    const fence = /^\s*```/.exec(raw);
    if (fence) {
      // Fence lines are not shown; an opening fence may name a language, or hold a whole one-line block.
      const rest = raw.slice(fence[0].length);
      if (inCode) inCode = false;
      else if (rest.includes('```')) out.push(wrap('code', rest.slice(0, rest.indexOf('```'))));
      else {
        inCode = true;
        if (!/^\w*\s*$/.test(rest)) out.push(wrap('code', rest));
      }
      continue;
    }
    if (inCode) {
      out.push(wrap('code', raw));
      continue;
    }
    let line = raw;
    let prefix = quoteRest ? '> ' : '';
    if (line.startsWith('>>> ')) {
      quoteRest = true;
      prefix = '> ';
      line = line.slice(4);
    } else if (/^> /.test(line) || line === '>') {
      prefix = '> ';
      line = line.slice(2);
    }
    const header = HEADER.exec(line);
    if (header) {
      out.push(prefix + wrap('bold', inlineMarkdownToText(line.slice(header[0].length), style)));
      continue;
    }
    if (SUBTEXT.test(line)) {
      out.push(prefix + wrap('dim', inlineMarkdownToText(line.slice(3), style)));
      continue;
    }
    const body = inlineMarkdownToText(line, style);
    out.push(prefix && !body ? '>' : prefix + body);
  }
  return out.join('\n');
}
