/**
 * discord.js interactions -> the plain contexts commands see (src/core/context.ts), and the
 * plain Reply -> a discord.js message payload. The response state machine lives here: first
 * response, deferral, edit, follow-up, and how an ephemeral error replaces a public deferral.
 */
import {
  ButtonStyle as DjsButtonStyle,
  ComponentType,
  DiscordAPIError,
  MessageFlags,
  Routes,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type CommandInteractionOptionResolver,
  type Message,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Choice } from '../core/command';
import type { Attachment, DiscordActions, Options, Services, TargetMessage } from '../core/context';
import { decodeCustomId } from '../core/custom-id';
import { BotError } from '../core/errors';
import { fitReply } from '../core/limits';
import { plainText } from '../core/markdown';
import { missingPermissions } from '../core/permissions';
import type { Button, ButtonStyle, Embed, Reply } from '../core/reply';
import type { RoutedAutocompleteContext, RoutedCommandContext, RoutedComponentContext, RoutedMessageCommandContext } from '../core/router';

/** Never ping anyone: article text can contain "@everyone" (also set client-wide). */
export const NO_MENTIONS = { parse: [] as [], repliedUser: false };

const STYLES: Record<ButtonStyle, DjsButtonStyle> = {
  primary: DjsButtonStyle.Primary,
  secondary: DjsButtonStyle.Secondary,
  success: DjsButtonStyle.Success,
  danger: DjsButtonStyle.Danger,
};

/**
 * An embed as Discord's API takes it. Author and footer are shown as written (no markdown), so they
 * are not escaped; their bidi controls are removed here, where every reply and post leaves.
 */
export function toApiEmbed(e: Embed): APIEmbed {
  return {
    ...(e.title !== undefined && { title: e.title }),
    ...(e.url !== undefined && { url: e.url }),
    ...(e.description !== undefined && { description: e.description }),
    ...(e.fields !== undefined && { fields: e.fields.map((f) => ({ name: f.name, value: f.value, inline: f.inline ?? false })) }),
    ...(e.footer !== undefined && { footer: { text: plainText(e.footer, '\u200b') } }),
    ...(e.author !== undefined && { author: { name: plainText(e.author, '\u200b') } }),
    ...(e.color !== undefined && { color: e.color }),
    ...(e.timestamp !== undefined && { timestamp: e.timestamp }),
  };
}

/** A button; its label is shown as written, bidi controls removed. */
function toApiButton(b: Button): APIButtonComponent {
  const label = plainText(b.label, '…');
  if ('url' in b) return { type: ComponentType.Button, style: DjsButtonStyle.Link, label, url: b.url };
  return {
    type: ComponentType.Button,
    style: STYLES[b.style ?? 'secondary'],
    label,
    custom_id: b.customId,
    ...(b.disabled && { disabled: true }),
    ...(b.emoji && { emoji: { name: b.emoji } }),
  } as APIButtonComponent;
}

/** A Reply as the body discord.js sends (limits applied, mentions off). */
export function toMessagePayload(reply: Reply) {
  const r = fitReply(reply);
  return {
    content: r.content ?? '',
    embeds: (r.embeds ?? []).map(toApiEmbed),
    components: (r.buttons ?? []).map(
      (row): APIActionRowComponent<APIButtonComponent> => ({ type: ComponentType.ActionRow, components: row.map(toApiButton) }),
    ),
    allowedMentions: NO_MENTIONS,
  };
}

const withFlags = (reply: Reply) => ({
  ...toMessagePayload(reply),
  ...(reply.ephemeral && { flags: MessageFlags.Ephemeral as const }),
});

/** The option readers both resolvers have; autocomplete's lacks attachments and channels. */
type AnyOptions = Pick<CommandInteractionOptionResolver, 'getSubcommand' | 'getString' | 'getInteger' | 'getBoolean'> &
  Partial<Pick<CommandInteractionOptionResolver, 'getChannel' | 'getAttachment'>>;

/** A message menu has no options: every read is "not given". */
const NO_OPTIONS: Options = {
  getString: () => undefined,
  getInteger: () => undefined,
  getBoolean: () => undefined,
  getAttachment: () => undefined,
  getChannelId: () => undefined,
};

/** A message's file as the core sees it. */
const attachmentOf = (a: { url: string; name: string; size: number; contentType: string | null }): Attachment => ({
  url: a.url,
  name: a.name,
  size: a.size,
  ...(a.contentType && { contentType: a.contentType }),
});

/** The message a menu was used on, as Discord gave it with the interaction (no intent needed). */
export function targetMessageOf(message: Message): TargetMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    authorId: message.author.id,
    content: message.content,
    attachments: [...message.attachments.values()].map(attachmentOf),
  };
}

function optionsOf(resolver: AnyOptions): Options {
  const safe = <T>(read: () => T | null | undefined): T | undefined => {
    try {
      return read() ?? undefined;
    } catch {
      return undefined;
    }
  };
  const subcommand = safe(() => resolver.getSubcommand(false));
  return {
    ...(subcommand !== undefined && { subcommand }),
    getString: (n) => safe(() => resolver.getString(n)),
    getInteger: (n) => safe(() => resolver.getInteger(n)),
    getBoolean: (n) => safe(() => resolver.getBoolean(n)),
    getChannelId: (n) => safe(() => resolver.getChannel?.(n)?.id),
    getAttachment: (n) =>
      safe((): Attachment | undefined => {
        const a = resolver.getAttachment?.(n);
        return a ? attachmentOf(a) : undefined;
      }),
  };
}

/** Thread creation and posting through REST (works whether or not the channel is cached). */
export function discordActions(client: Client): DiscordActions {
  return {
    async startThread(channelId, messageId, name, autoArchiveMinutes) {
      try {
        // A thread name is shown as written: bidi controls removed, never empty (Discord needs 1-100 characters).
        const thread = (await client.rest.post(Routes.threads(channelId, messageId), {
          body: { name: plainText(name, 'Discussion'), auto_archive_duration: autoArchiveMinutes },
        })) as { id: string };
        return { id: thread.id };
      } catch (err) {
        // 50001 Missing Access / 50013 Missing Permissions: the channel overrides what app_permissions said.
        if (err instanceof DiscordAPIError && (err.code === 50001 || err.code === 50013)) {
          throw new BotError('BOT_MISSING_PERMISSIONS', { missing: ['Create Public Threads', 'Send Messages in Threads'] });
        }
        // 160004: a thread was already started on this message (by someone, outside Lede).
        if (err instanceof DiscordAPIError && err.code === 160004) throw new BotError('THREAD_EXISTS');
        // 50024: not possible in this kind of channel (a thread, a forum post, a voice chat).
        if (err instanceof DiscordAPIError && err.code === 50024) {
          throw new BotError('NOT_ON_THIS_SURFACE', { hint: 'A discussion thread cannot be started in this kind of channel.' });
        }
        throw err;
      }
    },
    async missingIn(guildId, channelId, needed) {
      const channel = client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId).catch(() => null));
      if (!channel || channel.isDMBased() || channel.guildId !== guildId || !channel.isSendable() || channel.isVoiceBased() || channel.isThread()) return undefined;
      const perms = client.user ? channel.permissionsFor(client.user) : null;
      return missingPermissions(perms?.bitfield ?? 0n, needed);
    },
    async send(channelId, reply) {
      const p = toMessagePayload(reply);
      const msg = (await client.rest.post(Routes.channelMessages(channelId), {
        body: { content: p.content, embeds: p.embeds, components: p.components, allowed_mentions: { parse: [] } },
      })) as { id: string };
      return { id: msg.id };
    },
  };
}

/** Serialize the calls on one interaction so a deferral and a reply never race. */
function serial() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = last.then(fn, fn);
    last = next.catch(() => undefined);
    return next;
  };
}

type Repliable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

/** The response state machine shared by commands and buttons. */
function responder(interaction: Repliable) {
  const run = serial();
  let state: 'none' | 'deferred' | 'replied' = 'none';
  let deferredEphemeral = false;
  let started = false;

  const defer = (options: { ephemeral?: boolean } = {}) => {
    if (started) return run(async () => undefined);
    started = true;
    return run(async () => {
      if (state !== 'none') return;
      deferredEphemeral = options.ephemeral === true;
      await interaction.deferReply(deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {});
      state = 'deferred';
    });
  };

  const reply = (r: Reply) => {
    started = true;
    return run(async () => {
      if (state === 'none') {
        await interaction.reply(withFlags(r));
      } else if (state === 'deferred') {
        if (r.ephemeral && !deferredEphemeral) {
          // The deferral was public: replace it by a message only the user sees.
          await interaction.deleteReply().catch(() => undefined);
          await interaction.followUp(withFlags(r));
        } else {
          await interaction.editReply(toMessagePayload(r));
        }
      } else {
        await interaction.followUp(withFlags(r));
      }
      state = 'replied';
    });
  };

  const followUp = (r: Reply) =>
    run(async () => {
      if (state === 'none') await interaction.reply(withFlags(r));
      else await interaction.followUp(withFlags(r));
      state = 'replied';
    });

  return {
    defer,
    reply,
    followUp,
    get responded() {
      return started;
    },
    markReplied() {
      started = true;
      state = 'replied';
    },
    run,
    get state() {
      return state;
    },
  };
}

function invocation(interaction: Repliable | AutocompleteInteraction, services: Services) {
  return {
    surface: 'discord' as const,
    guildId: interaction.guildId ?? '',
    channelId: interaction.channelId ?? '',
    user: { id: interaction.user.id, name: interaction.user.username },
    services,
    appPermissions: interaction.appPermissions?.bitfield ?? 0n,
    inThread: interaction.channel?.isThread() ?? false,
    ...(interaction.memberPermissions && { memberPermissions: interaction.memberPermissions.bitfield }),
  };
}

export function commandContext(interaction: ChatInputCommandInteraction, services: Services, actions: DiscordActions): RoutedCommandContext {
  // Object.assign onto the shared part keeps its `responded` getter live (a spread would copy its value once).
  return Object.assign(answering(interaction, services, actions), { options: optionsOf(interaction.options) });
}

/** What a slash command and a message menu share: who asked where, and how to answer (deferred, replied, followed up). */
function answering(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, services: Services, actions: DiscordActions) {
  const r = responder(interaction);
  return {
    ...invocation(interaction, services),
    commandName: interaction.commandName,
    discord: actions,
    defer: r.defer,
    reply: r.reply,
    followUp: r.followUp,
    respondError: (reply: Reply) => r.reply({ ...reply, ephemeral: true }),
    get responded() {
      return r.responded;
    },
  };
}

export function messageCommandContext(
  interaction: MessageContextMenuCommandInteraction,
  services: Services,
  actions: DiscordActions,
): RoutedMessageCommandContext {
  return Object.assign(answering(interaction, services, actions), { options: NO_OPTIONS, targetMessage: targetMessageOf(interaction.targetMessage) });
}

export function componentContext(interaction: ButtonInteraction, services: Services, actions: DiscordActions): RoutedComponentContext {
  const r = responder(interaction);
  return {
    ...invocation(interaction, services),
    customId: interaction.customId,
    args: decodeCustomId(interaction.customId).args,
    messageId: interaction.message.id,
    discord: actions,
    defer: r.defer,
    reply: r.reply,
    update: (reply) => {
      if (r.responded) return r.reply(reply);
      r.markReplied();
      return r.run(async () => {
        await interaction.update(toMessagePayload(reply));
      });
    },
    respondError: (reply) => r.reply({ ...reply, ephemeral: true }),
    get responded() {
      return r.responded;
    },
  };
}

export function autocompleteContext(interaction: AutocompleteInteraction, services: Services): RoutedAutocompleteContext {
  const focused = interaction.options.getFocused(true);
  return {
    ...invocation(interaction, services),
    commandName: interaction.commandName,
    options: optionsOf(interaction.options),
    focused: { name: focused.name, value: String(focused.value) },
    // Choice names are shown as written: bidi controls removed (a name left empty shows its value).
    respond: (choices: readonly Choice[]) => interaction.respond(choices.map((c) => ({ name: plainText(c.name, c.value), value: c.value }))),
  };
}
