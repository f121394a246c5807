/**
 * Registering commands with Discord: the slash commands and the message context-menu commands
 * (Summarize, Key quotes, Save article) in one list, since a PUT replaces the whole set; the bot
 * and `npm run deploy-commands` both send every definition from the one loader. The bot registers on
 * start only when the definitions' hash differs from the one stored after the last registration.
 */
import { Routes, type REST } from 'discord.js';
import type { StateStore } from '../store';
import { definitionKind, type AnyCommand } from '../core/command';
import { commandDefinitions, definitionsHash } from '../core/loader';

export interface RegistrationTarget {
  readonly applicationId: string;
  /** Guild registration (instant) when set; global otherwise. */
  readonly guildId?: string;
}

export const routeFor = (t: RegistrationTarget): `/${string}` =>
  t.guildId ? Routes.applicationGuildCommands(t.applicationId, t.guildId) : Routes.applicationCommands(t.applicationId);

/** PUT every definition; returns how many Discord now has. */
export async function registerCommands(rest: REST, target: RegistrationTarget, commands: readonly AnyCommand[]): Promise<number> {
  const result = (await rest.put(routeFor(target), { body: commandDefinitions(commands) })) as unknown[];
  return Array.isArray(result) ? result.length : 0;
}

/** "/article, /ask, …; message menus: Key quotes, Save article, Summarize": what a registration sent, as people name them. */
export function registeredNames(commands: readonly AnyCommand[]): string {
  const definitions = commandDefinitions(commands);
  const slash = definitions.filter((d) => definitionKind(d) === 'slash').map((d) => `/${d.name}`);
  const menus = definitions.filter((d) => definitionKind(d) === 'message').map((d) => d.name);
  return [slash.join(', '), ...(menus.length ? [`message menus: ${menus.join(', ')}`] : [])].join('; ');
}

const stateKey = (t: RegistrationTarget) => `commands-hash:${t.applicationId}:${t.guildId ?? 'global'}`;

/** Register when the definitions changed since the last successful registration for this target. */
export async function registerIfChanged(
  rest: REST,
  target: RegistrationTarget,
  commands: readonly AnyCommand[],
  state: StateStore,
): Promise<{ registered: boolean; count: number }> {
  const hash = definitionsHash(commands);
  if ((await state.get(stateKey(target))) === hash) return { registered: false, count: commands.length };
  const count = await registerCommands(rest, target, commands);
  await state.set(stateKey(target), hash);
  return { registered: true, count };
}
