/**
 * The message model every command answers with. It is plain data, independent of discord.js, so the
 * same reply is sent to Discord (src/discord/adapter.ts) or printed by the console
 * (src/core/render/text.ts). Limits are enforced on the way out (src/core/limits.ts).
 *
 * Where Discord renders markdown (content, embed title, description, field names and values) the
 * model takes `Markdown`, so a value from a source must be escaped to get there (src/core/markdown.ts).
 * Embed author and footer and button labels are shown as written: plain strings.
 */
import type { Markdown } from './markdown';

export interface EmbedField {
  readonly name: Markdown;
  readonly value: Markdown;
  readonly inline?: boolean;
}

export interface Embed {
  readonly title?: Markdown;
  readonly url?: string;
  readonly description?: Markdown;
  readonly fields?: readonly EmbedField[];
  readonly footer?: string;
  readonly author?: string;
  /** 0xRRGGBB */
  readonly color?: number;
  /** ISO 8601 */
  readonly timestamp?: string;
}

export type ButtonStyle = 'primary' | 'secondary' | 'success' | 'danger';

/**
 * A button. `customId` carries all the state the click needs (`prefix:arg:arg`, ≤100 chars, see
 * src/core/custom-id.ts), so a click works after a restart; `url` makes a link button instead.
 */
export type Button =
  | { readonly customId: string; readonly label: string; readonly style?: ButtonStyle; readonly disabled?: boolean; readonly emoji?: string }
  | { readonly url: string; readonly label: string };

export interface Reply {
  readonly content?: Markdown;
  readonly embeds?: readonly Embed[];
  /** Rows of buttons: at most 5 rows of 5. */
  readonly buttons?: ReadonlyArray<readonly Button[]>;
  /** Only the person who ran the command sees it. Decided by the first response. */
  readonly ephemeral?: boolean;
}

/** Lede's embed colour (a newsprint blue) and the one used for errors. */
export const COLORS = { brand: 0x2b6cb0, error: 0xc53030, warning: 0xd69e2e } as const;
