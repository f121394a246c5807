/**
 * Button ids that carry their own state: `prefix:arg1:arg2` (≤100 chars, Discord's limit). A click
 * is routed by prefix to the command that declared it (Command.components) with the args, so it
 * works after a restart and needs no in-memory collector. Args must not contain ':'.
 */
import { LIMITS } from './limits';

export class CustomIdError extends Error {
  override readonly name = 'CustomIdError';
}

/** Build a customId; throws when it would exceed 100 characters or an arg contains ':'. */
export function encodeCustomId(prefix: string, ...args: ReadonlyArray<string | number>): string {
  const parts = [prefix, ...args.map(String)];
  if (parts.some((p) => p.includes(':'))) throw new CustomIdError(`customId parts may not contain ':' (${prefix})`);
  const id = parts.join(':');
  if (id.length > LIMITS.customId) throw new CustomIdError(`customId longer than ${LIMITS.customId}: ${prefix}`);
  return id;
}

/** Split a customId into its prefix and args (bounded: ids from Discord are at most 100 chars). */
export function decodeCustomId(customId: string): { prefix: string; args: string[] } {
  const [prefix = '', ...args] = customId.slice(0, LIMITS.customId).split(':');
  return { prefix, args };
}
