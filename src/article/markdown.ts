/**
 * Markdown to paragraphs with a light, line-based parse (no Markdown->HTML->text round trip).
 *
 * Why not marked -> HTML -> text: we only need the words and the paragraph breaks, and a renderer
 * would add a dependency, HTML we then have to take apart again, and its edge cases (raw HTML
 * passthrough). A line scanner handles what articles use: front matter, ATX/Setext headings,
 * paragraphs, lists, block quotes, fences, tables, links and emphasis. Every pattern is bounded.
 */
import type { ExtractedParts } from './build';
import { normalizeDate } from './dates';
import { normalizeLineEndings } from './whitespace';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
/** All the block-quote markers opening a line ("> > text"), removed in one pass. */
const BLOCKQUOTE_MARKERS = /^(?: {0,3}>[ \t]?)+/;
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]{1,200}\]:\s/;
const TABLE_SEPARATOR = /^ {0,3}\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*){0,50}\|?[ \t]*$/;

/** Inline markup rewritten to its text, in order. Each quantifier is bounded so long lines stay linear. */
const INLINE_RULES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/!\[([^[\]\n]{0,300})\]\([^()\n]{0,2000}\)/g, '', 'images carry no article text'],
  [/\[([^[\]\n]{0,300})\]\([^()\n]{0,2000}\)/g, '$1', 'inline links keep their text'],
  [/\[([^[\]\n]{0,300})\]\[[^[\]\n]{0,100}\]/g, '$1', 'reference links keep their text'],
  [/<(https?:\/\/[^<>\s]{1,2000})>/g, '$1', 'autolinks keep the URL (no "<" inside, so each scan stops at the next one)'],
  [/<\/?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,500})?\/?>/g, '', 'inline HTML tags'],
  [/`{1,3}([^`\n]{1,500})`{1,3}/g, '$1', 'inline code keeps its text'],
  [/(\*\*|__)(?=\S)([^*_\n]{1,500}?\S)\1/g, '$2', 'strong emphasis'],
  [/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]{1,500}?\S)\*(?![\p{L}\p{N}*])/gu, '$1$2', '*emphasis* (not 5 * 3)'],
  [/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]{1,500}?\S)_(?![\p{L}\p{N}_])/gu, '$1$2', '_emphasis_ (not snake_case)'],
  [/~~(?=\S)([^~\n]{1,500}?\S)~~/g, '$1', 'strikethrough'],
];

/** Private-use code point base for parked escapes (U+E000 + ASCII code). */
const ESCAPE_BASE = 0xe000;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

export function parseMarkdown(content: string): ExtractedParts {
  const lines = normalizeLineEndings(content).split('\n');
  const parts: { title?: string; byline?: string; publishedAt?: string } = {};
  let i = readFrontMatter(lines, parts);
  const paragraphs: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (current.length) paragraphs.push(current.map(inlineToText).join(' '));
    current = [];
  };
  const heading = (text: string) => {
    flush();
    const t = inlineToText(text);
    if (parts.title === undefined && paragraphs.length === 0) parts.title = t;
    else paragraphs.push(t);
  };

  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (fence !== undefined) {
      if (raw.trim().startsWith(fence)) {
        fence = undefined;
        flush();
      } else current.push(raw);
      continue;
    }
    const fenceOpen = FENCE.exec(raw);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!.slice(0, 3);
      continue;
    }
    const line = raw.replace(BLOCKQUOTE_MARKERS, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (ATX_HEADING.test(line)) {
      heading(atxHeadingText(line));
      continue;
    }
    const next = lines[i + 1];
    if (current.length === 0 && next !== undefined && SETEXT_UNDERLINE.test(next) && !LIST_ITEM.test(line)) {
      heading(line.trim());
      i++;
      continue;
    }
    if (THEMATIC_BREAK.test(line) || LINK_DEFINITION.test(line) || (line.includes('|') && TABLE_SEPARATOR.test(line))) {
      flush();
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      current.push(line.replace(LIST_ITEM, ''));
      continue;
    }
    current.push(line);
  }
  flush();
  return { ...parts, paragraphs: paragraphs.filter((p) => p.trim() !== '') };
}

/** "## Heading ##" -> "Heading", without a backtracking regex (headings can be hostile long lines). */
function atxHeadingText(line: string): string {
  let t = line.trim().replace(/^#{1,6}/, '').trim();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end === 0 || t[end - 1] === ' ' || t[end - 1] === '\t') t = t.slice(0, end);
  return t.trim();
}

/** Characters every inline rule, escape and entity needs: a line without any is plain text already. */
const INLINE_MARKUP = /[\\[!<`*_~&]/;

/** Inline Markdown to plain text. */
export function inlineToText(text: string): string {
  if (!INLINE_MARKUP.test(text)) return text; // most lines: skip a dozen passes over them
  // Backslash escapes ("\\*") are parked in the private-use area first so no rule below sees them as markup.
  let out = text.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)));
  for (const [pattern, replacement] of INLINE_RULES) out = out.replace(pattern, replacement);
  out = out.replace(/[\uE021-\uE07E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));
  return out.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (m, name: string) => decodeEntity(m, name));
}

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
}

/** YAML-ish front matter: `title:`, `author:`/`byline:`, `date:`/`published:` lines. Returns the next line index. */
function readFrontMatter(lines: string[], parts: { title?: string; byline?: string; publishedAt?: string }): number {
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.findIndex((l, idx) => idx > 0 && idx < 200 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) return 0;
  for (const line of lines.slice(1, end)) {
    const m = /^([A-Za-z_]{1,30}):\s{0,10}(.{1,500})$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    if (key === 'title') parts.title = value;
    else if (key === 'author' || key === 'byline') parts.byline = value;
    else if (key === 'date' || key === 'published' || key === 'published_at') {
      const date = normalizeDate(value);
      if (date) parts.publishedAt = date;
    }
  }
  return end + 1;
}
