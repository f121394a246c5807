/**
 * The one place where text from a source (article text and titles, site names, bylines, speakers,
 * feed titles, file names: anything a page, a feed or a member wrote) becomes text Discord shows.
 *
 * Discord renders markdown in message content, embed titles, descriptions, field names and field
 * values (masked links only in content, descriptions and field values; titles and field names still
 * render emphasis, code, spoilers, mentions and timestamps). Those places take `Markdown`
 * (src/core/reply.ts, src/digest/compose.ts): a string type that only `md`, `escapeMarkdown` and
 * the helpers below produce. A value from a source cannot reach them unescaped: the compiler refuses
 * a plain string there. Text shows exactly as written, never as markup: a masked link cannot
 * disguise its target (`[the notice](https://evil.example)`), `<@id>`, `<t:…>`, `</cmd:id>` and
 * custom emoji stay text, `@everyone` highlights nothing (and allowed_mentions pings no one anyway).
 *
 * Embed author and footer, button labels, thread names and autocomplete choice names are shown as
 * written (a backslash there would show), so they are not escaped; `plainText` removes their bidi
 * controls where a reply leaves for Discord (src/discord/adapter.ts) or the console.
 *
 * Bidi controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C) are removed everywhere: invisible,
 * their only effect in a title or a speaker's name is to make text read in another order than it
 * is written ("gnp.exe" shown as "exe.png"). The console renders the escapes back (markdown-text.ts).
 */

declare const MARKDOWN: unique symbol;

/** Discord markdown that Lede wrote, with every value from a source escaped in it. */
export type Markdown = string & { readonly [MARKDOWN]: true };

/** A string that is not already Markdown (escaping twice would show the backslashes). */
export type SourceText = string & { readonly [MARKDOWN]?: never };

/** Explicit embedding and override controls, isolates, and the directional marks (Unicode UAX #9). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Characters that open markup anywhere in a line: escapes, emphasis, code, spoilers, links, mentions/times/emoji. */
const INLINE_SPECIAL = /[\\*_~`|[\]<]/g;
/** `@everyone` and `@here` (Discord matches them in lower case only). */
const MASS_MENTION = /@(?=everyone|here)/g;
/**
 * Markers that count only at the start of a line: headings `#`, subtext `-#`, quotes `>`, lists
 * `-`/`+`, and `1.` before a space (a number such as 127.0.0.1 starts no list and stays as is).
 */
const LINE_START = /^([ \t]*)(?:([#>+-])|(\d{1,9})\.(?=\s|$))/gm;

/** `text` without bidi controls. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Escape `text` so Discord shows every character literally (bidi controls removed). */
export function escapeMarkdown(text: SourceText): Markdown {
  return stripBidiControls(text)
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(MASS_MENTION, '\\@')
    .replace(LINE_START, (_all, pad: string, mark: string | undefined, digits: string | undefined) =>
      mark ? `${pad}\\${mark}` : `${pad}${digits}\\.`,
    ) as Markdown;
}

/** Text for a place Discord shows as written (embed author and footer, labels, names): bidi controls removed. */
export function plainText(text: string, fallback = ''): string {
  return stripBidiControls(text) || fallback;
}

/** What a Markdown template takes: Markdown as is, numbers, and the empty string for a missing piece. */
export type MarkdownPiece = Markdown | number | '';

/**
 * Markdown written by Lede: the literal parts are Lede's own markup; every interpolation must
 * already be Markdown (a source value goes through `escapeMarkdown` first), a number, or ''.
 *
 *   md`Removed **${escapeMarkdown(title)}** (${code(id)})`
 */
export function md(strings: TemplateStringsArray, ...values: readonly MarkdownPiece[]): Markdown {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += `${values[i]}${strings[i + 1] ?? ''}`;
  return out as Markdown;
}

/** Join Markdown pieces with a separator Lede chose. */
export function joinMarkdown(parts: readonly Markdown[], separator: Markdown): Markdown {
  return parts.join(separator) as Markdown;
}

/**
 * Text Lede wrote itself as a plain string: the failure table (src/core/messages.ts), whose own
 * words carry markdown and which escapes every value it quotes. Nothing from a source may come here.
 */
export function trustedMarkdown(text: string): Markdown {
  return text as Markdown;
}

/** A URL safe inside a link target: no space, parenthesis, angle bracket or backslash to end it early or hide the rest. */
export function linkTarget(url: string): string {
  return stripBidiControls(url).replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Characters that are markup inside a link label. Discord does not honour escapes there: it shows
 * the backslashes as written (discord/discord-api-docs#6185, "escaping is disabled in masked links"),
 * so a label is either plain text as it is, or no link at all.
 */
const LABEL_MARKUP = /[\\*_~`|[\]<\r\n]|@(?:everyone|here)/;

/**
 * `[label](url)` when the label holds no markup (it is sent as written: an escape inside a link label
 * would show as a stray backslash). A label with markup characters (brackets, `*`, `_`, `|`, `<`, ...)
 * is never made a link: it shows as escaped text with the address after it, every character kept (a
 * bracket could also end the label early: in `[Reuters\](https://evil.example) \[x](https://real.example)`
 * the label is `Reuters\` and the target evil.example). A link that is not http(s) is shown as text too.
 */
export function markdownLink(label: SourceText, url: string): Markdown {
  if (!/^https?:\/\//i.test(url)) return escapeMarkdown(`${label} (${url})`);
  const target = linkTarget(url) as Markdown;
  const shown = stripBidiControls(label);
  if (!shown.trim() || LABEL_MARKUP.test(shown)) return md`${escapeMarkdown(label)} (<${target}>)`;
  return md`[${shown as Markdown}](${target})`;
}

/** `` `text` `` for Lede's own codes and ids: backticks and line breaks removed, so the span cannot end early. */
export function inlineCode(text: string): Markdown {
  const inner = stripBidiControls(text).replace(/[`\r\n]/g, '');
  return (inner ? `\`${inner}\`` : '') as Markdown;
}

const SNOWFLAKE = /^\d{1,25}$/;

/** `<@id>` for a user id from Discord; anything else shows as text. */
export function userMention(id: string): Markdown {
  return SNOWFLAKE.test(id) ? (`<@${id}>` as Markdown) : escapeMarkdown(id);
}

/** `<#id>` for a channel id from Discord; anything else shows as text. */
export function channelMention(id: string): Markdown {
  return SNOWFLAKE.test(id) ? (`<#${id}>` as Markdown) : escapeMarkdown(id);
}

/** A Discord timestamp (`<t:unix:R>`), shown in each reader's own zone; `fallback` (escaped) for an invalid time. */
export function discordTime(ms: number, style: 'R' | 'f' | 'F' = 'R', fallback = ''): Markdown {
  return Number.isFinite(ms) ? (`<t:${Math.floor(ms / 1000)}:${style}>` as Markdown) : escapeMarkdown(fallback);
}
