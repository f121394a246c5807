/**
 * The `article` option, the same in every command: autocomplete over the server's articles (id
 * prefix, slug such as `venezuela`, title words), and a value that may be an id, a slug, words of a
 * title, or a pasted URL (fetched, analysed and added on the fly).
 *
 *   data: new SlashCommandBuilder()...addStringOption((o) => articleOption(o)),
 *   autocomplete: articleAutocomplete,
 *   async execute(ctx) { const { article, loaded } = await resolveArticleOption(ctx); ... }
 */
import type { SlashCommandStringOption } from 'discord.js';
import { looksLikeUrl, unwrapLink, type ResolvedArticle } from '../library';
import type { Choice } from './command';
import type { AutocompleteContext, CommandContext } from './context';
import { BotError } from './errors';

/** The longest value read from an `article` option: long enough for any real URL. */
export const MAX_ARTICLE_REF_CHARS = 2048;

/** Configure a string option as an `article` option (autocompleted, required unless said). */
export function articleOption(
  o: SlashCommandStringOption,
  { name = 'article', description = 'The article: pick one, or paste a link', required = true } = {},
): SlashCommandStringOption {
  return o.setName(name).setDescription(description).setRequired(required).setAutocomplete(true).setMaxLength(MAX_ARTICLE_REF_CHARS);
}

/** Autocomplete for `article` options (any option whose name starts with "article"). */
export async function articleAutocomplete(ctx: AutocompleteContext): Promise<readonly Choice[]> {
  if (!ctx.focused.name.startsWith('article')) return [];
  const typed = ctx.focused.value.slice(0, MAX_ARTICLE_REF_CHARS);
  return ctx.services.library.suggest(ctx.guildId, looksLikeUrl(typed) ? unwrapLink(typed) : typed);
}

/**
 * The article an option names. A URL is fetched (the reply is deferred first, since that can take
 * seconds) and added to the server. Throws the library's typed errors (ARTICLE_NOT_FOUND...).
 */
export async function resolveArticleOption(ctx: CommandContext, name = 'article'): Promise<ResolvedArticle> {
  // A link in angle brackets (`<https://…>`, how Discord users suppress a preview) is the link.
  const given = ctx.options.getString(name)?.trim();
  const ref = given && looksLikeUrl(given) ? unwrapLink(given) : given;
  if (!ref) throw new BotError('USAGE', { hint: `Give \`${name}\`: pick an article from the suggestions or paste a link.` });
  if (ref.length > MAX_ARTICLE_REF_CHARS) throw new BotError('OPTION_TOO_LONG', { option: name, max: MAX_ARTICLE_REF_CHARS });
  if (looksLikeUrl(ref)) await ctx.defer();
  return ctx.services.library.resolve(ctx.guildId, ref, ctx.user.id);
}
