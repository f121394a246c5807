/**
 * Registering slash commands with Discord. A PUT replaces the whole set, so the bot and
 * `npm run deploy-commands` both send every definition from the one loader. The bot registers on
 * start only when the definitions' hash differs from the one stored after the last registration.
 */
import { Routes, type REST } from 'discord.js';
import type { StateStore } from '../store';
import type { Command } from '../core/command';
import { commandDefinitions, definitionsHash } from '../core/loader';

export interface RegistrationTarget {
  readonly applicationId: string;
  /** Guild registration (instant) when set; global otherwise. */
  readonly guildId?: string;
}

export const routeFor = (t: RegistrationTarget): `/${string}` =>
  t.guildId ? Routes.applicationGuildCommands(t.applicationId, t.guildId) : Routes.applicationCommands(t.applicationId);

/** PUT every definition; returns how many Discord now has. */
export async function registerCommands(rest: REST, target: RegistrationTarget, commands: readonly Command[]): Promise<number> {
  const result = (await rest.put(routeFor(target), { body: commandDefinitions(commands) })) as unknown[];
  return Array.isArray(result) ? result.length : 0;
}

const stateKey = (t: RegistrationTarget) => `commands-hash:${t.applicationId}:${t.guildId ?? 'global'}`;

/** Register when the definitions changed since the last successful registration for this target. */
export async function registerIfChanged(
  rest: REST,
  target: RegistrationTarget,
  commands: readonly Command[],
  state: StateStore,
): Promise<{ registered: boolean; count: number }> {
  const hash = definitionsHash(commands);
  if ((await state.get(stateKey(target))) === hash) return { registered: false, count: commands.length };
  const count = await registerCommands(rest, target, commands);
  await state.set(stateKey(target), hash);
  return { registered: true, count };
}
