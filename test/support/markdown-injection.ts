/**
 * A markdown-injection corpus (what a hostile page, feed or member can put in a title, a site name,
 * a byline or the text) and the checks every reply must pass: nothing from the corpus is live
 * markup once Discord has read the escapes, and no bidi control is left anywhere.
 */
import { expect } from 'vitest';

/** Ids no test user, channel or command has: a live one can only come from the corpus. */
const ID = '666666666666666666';

/** Each construct Discord renders, as a source may write it. */
export const INJECTIONS = {
  maskedLink: '[the official notice](https://evil.example/steal)',
  angleMaskedLink: '[login](<https://evil.example/login>)',
  unembeddedLink: '<https://evil.example/raw>',
  heading: '# Breaking',
  subtext: '-# small print',
  spoiler: '||hidden||',
  fence: '```js\nalert(1)\n```',
  inlineCode: '`rm -rf`',
  quote: '> quoted',
  quoteAll: '>>> rest',
  list: '- listed',
  numbered: '1. numbered',
  bold: '**the mayor**',
  italic: '*slanted*',
  underline: '__underlined__',
  strike: '~~struck~~',
  italicUnderscore: '_leaning_',
  user: `<@${ID}>`,
  nick: `<@!${ID}>`,
  role: `<@&${ID}>`,
  channel: `<#${ID}>`,
  everyone: '@everyone',
  here: '@here',
  command: `</ask:${ID}>`,
  time: '<t:1700000000:R>',
  emoji: `<:blobcat:${ID}>`,
  animated: `<a:dance:${ID}>`,
} as const;

/** Every bidi control Discord users could be fooled by (U+202A-202E, U+2066-2069, U+200E/F, U+061C). */
export const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'] as const;
export const BIDI_RE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A one-line title carrying the inline constructs, a line-start heading, and bidi controls (early, so clipped names keep some). */
export const HOSTILE_TITLE =
  `# News \u202Eevil.exe\u202C [login here](https://evil.example/login) **the mayor** ||x|| \`c\` <@${ID}> @everyone ` +
  `<t:1700000000:R> </ask:${ID}> <:blobcat:${ID}> \u2066iso\u2069 \u200Emarks\u200F\u061C`;

/** The text as a reader should see it: every character, bidi controls gone. */
export const visible = (s: string): string => s.replace(new RegExp(BIDI_RE.source, 'g'), '');

/** What Discord leaves live: the text without every escaped character (a backslash and the ASCII punctuation after it). */
export function liveText(text: string): string {
  return text.replace(/\\[!-/:-@[-`{-~]/g, '');
}

/** Live markup that only the corpus can have produced (Lede's own links, mentions and times use other targets and ids). */
const LIVE_FORBIDDEN: ReadonlyArray<readonly [string, RegExp]> = [
  ['a masked link to the corpus target', /\]\(\s*<?https?:\/\/evil\.example/],
  ['an unembedded corpus link', /<https?:\/\/evil\.example/],
  ['a corpus mention, channel, command, time or emoji', new RegExp(`<(?:@[!&]?|#|/ask:|a?:\\w+:)${ID}|<t:1700000000`)],
  ['@everyone or @here', /@(?:everyone|here)/],
  ['a spoiler', /\|\|/],
  ['a code fence', /```/],
  ['corpus inline code', /`(?:rm -rf|c)`/],
  ['corpus emphasis', /\*\*the mayor\*\*|\*slanted\*|__underlined__|~~struck~~|_leaning_/],
  ['a corpus heading, subtext, quote or list line', /^(?:> )?(?:#{1,3} (?:Breaking|News)|-# small|>>> rest|> quoted|[-*+] listed|\d+\. numbered)/m],
];

/**
 * Discord's link rule (simple-markdown's): the label is non-brackets, balanced `[…]`, or a `]` with
 * another `]` later; escapes are not honoured inside it, which is why `\\]` cannot protect a label.
 */
const LINK_RULE = /^\[((?:\[[^\]]*\]|[^[\]]|\](?=[^[]*\]))*)\]\(\s*<?((?:\([^)]*\)|[^\s\\]|\\.)*?)>?(?:\s+['"]([\s\S]*?)['"])?\s*\)/;

/** The masked links Discord renders in `text`: from every `[` that is not escaped. */
export function liveLinks(text: string): Array<{ label: string; href: string }> {
  const out: Array<{ label: string; href: string }> = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '[') continue;
    const m = LINK_RULE.exec(text.slice(i));
    if (m) {
      out.push({ label: m[1]!, href: m[2]! });
      i += m[0].length - 1;
    }
  }
  return out;
}

/** Fail when `text` (from a place Discord renders markdown) has live corpus markup. */
export function expectNoLiveInjection(text: string, where: string): void {
  const live = liveText(text);
  for (const [what, re] of LIVE_FORBIDDEN) expect(re.test(live), `${where} has ${what} live: ${JSON.stringify(text).slice(0, 400)}`).toBe(false);
  for (const link of liveLinks(text)) {
    expect(/evil\.example/.test(link.href) || link.label.includes(']('), `${where} has a disguised link ${JSON.stringify(link)}`).toBe(false);
  }
  expect(BIDI_RE.test(text), `${where} has a bidi control: ${JSON.stringify(text).slice(0, 400)}`).toBe(false);
}

/** Fail when `text` (from a place Discord shows as written) has a bidi control. */
export function expectBidiClean(text: string, where: string): void {
  expect(BIDI_RE.test(text), `${where} has a bidi control: ${JSON.stringify(text).slice(0, 400)}`).toBe(false);
}
