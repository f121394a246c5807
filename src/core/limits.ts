/**
 * Discord's message and embed limits (developer docs, "Embed Limits" and "Create Message"), and the
 * one function that makes any Reply fit them. Text is cut at a word boundary with a visible "…"
 * marker, never silently mid-word; commands that have more to say page it (src/core/paging.ts).
 */
import { md, type Markdown } from './markdown';
import type { Embed, EmbedField, Reply } from './reply';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** All embeds of one message together. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  buttonRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  threadName: 100,
  choiceName: 100,
  choices: 25,
} as const;

/**
 * `text` in at most `max` characters: cut at a word boundary (when one is near) and marked "…".
 * The result keeps the input's type: the start of escaped Markdown followed by "…" is still
 * escaped Markdown (src/core/markdown.ts).
 */
export function truncate(text: Markdown, max: number): Markdown;
export function truncate(text: string, max: number): string;
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Characters an embed counts toward the 6000 total (title, description, fields, footer, author). */
export function embedLength(e: Embed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.length ?? 0) +
    (e.author?.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** What an empty field name or value becomes: Discord refuses empty ones. */
const EMPTY_FIELD = md`\u200b`;

function fitField(f: EmbedField): EmbedField {
  return {
    name: truncate(f.name || EMPTY_FIELD, LIMITS.fieldName),
    value: truncate(f.value || EMPTY_FIELD, LIMITS.fieldValue),
    ...(f.inline !== undefined && { inline: f.inline }),
  };
}

function fitEmbed(e: Embed): Embed {
  return {
    ...e,
    ...(e.title !== undefined && { title: truncate(e.title, LIMITS.embedTitle) }),
    ...(e.description !== undefined && { description: truncate(e.description, LIMITS.embedDescription) }),
    ...(e.footer !== undefined && { footer: truncate(e.footer, LIMITS.footer) }),
    ...(e.author !== undefined && { author: truncate(e.author, LIMITS.author) }),
    ...(e.fields !== undefined && { fields: e.fields.slice(0, LIMITS.embedFields).map(fitField) }),
  };
}

/**
 * Shrink an embed until it is at most `budget` long: first the description, then trailing fields,
 * then footer, author and title (the title last: it says what the embed is). Undefined when even an
 * empty embed would not fit.
 */
function shrinkTo(e: Embed, budget: number): Embed | undefined {
  let out = e;
  const over = () => embedLength(out) - budget;
  if (over() > 0 && out.description) {
    out = { ...out, description: truncate(out.description, Math.max(1, out.description.length - over())) };
  }
  while (over() > 0 && out.fields && out.fields.length > 0) out = { ...out, fields: out.fields.slice(0, -1) };
  for (const key of ['footer', 'author', 'title'] as const) {
    const value = out[key];
    if (over() > 0 && value) out = { ...out, [key]: truncate(value, Math.max(1, value.length - over())) };
  }
  return over() > 0 ? undefined : out;
}

/** The reply, made to fit every limit above. Pure; a reply that already fits is returned equal. */
export function fitReply(reply: Reply): Reply {
  const embeds = (reply.embeds ?? []).slice(0, LIMITS.embedsPerMessage).map(fitEmbed);
  let budget = LIMITS.embedsTotal;
  const fitted: Embed[] = [];
  for (const e of embeds) {
    if (budget <= 0) break;
    const s = embedLength(e) <= budget ? e : shrinkTo(e, budget);
    if (!s) break;
    budget -= embedLength(s);
    fitted.push(s);
  }
  const buttons = (reply.buttons ?? [])
    .slice(0, LIMITS.buttonRows)
    .map((row) =>
      row.slice(0, LIMITS.buttonsPerRow).map((b) => ({ ...b, label: truncate(b.label, LIMITS.buttonLabel) })),
    )
    .filter((row) => row.length > 0);
  return {
    ...reply,
    ...(reply.content !== undefined && { content: truncate(reply.content, LIMITS.content) }),
    ...(reply.embeds !== undefined && { embeds: fitted }),
    ...(reply.buttons !== undefined && { buttons }),
  };
}
