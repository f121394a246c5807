/**
 * Parsing a line typed as in Discord (`/article show article:venezuela`, `/article add text:"..."
 * title:My title`) against the registered command definitions. Values run to the next known
 * `option:` or the end of the line; double quotes keep a value exact. Pure and linear in the line.
 */

/** Discord's option type numbers (ApplicationCommandOptionType), as data so the console needs no discord.js. */
export const OPTION_TYPE = {
  subcommand: 1,
  subcommandGroup: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  user: 6,
  channel: 7,
  role: 8,
  mentionable: 9,
  number: 10,
  attachment: 11,
} as const;

export interface OptionDefinition {
  readonly type: number;
  readonly name: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly options?: readonly OptionDefinition[];
}

export interface CommandDefinition {
  readonly name: string;
  readonly description?: string;
  readonly options?: readonly OptionDefinition[];
}

export interface ParsedLine {
  readonly command: string;
  readonly subcommand?: string;
  readonly values: ReadonlyMap<string, string | number | boolean>;
  readonly types: ReadonlyMap<string, number>;
}

export class ConsoleParseError extends Error {
  override readonly name = 'ConsoleParseError';
}

/** "/article show article:<article>" lines for help and usage errors. */
export function usageLines(def: CommandDefinition): string[] {
  const subs = (def.options ?? []).filter((o) => o.type === OPTION_TYPE.subcommand);
  const fmt = (opts: readonly OptionDefinition[] = []) =>
    opts.map((o) => (o.required ? ` ${o.name}:<${o.name}>` : ` [${o.name}:…]`)).join('');
  if (subs.length === 0) return [`/${def.name}${fmt(def.options)}`];
  return subs.map((s) => `/${def.name} ${s.name}${fmt(s.options)}    ${s.description ?? ''}`.trimEnd());
}

function coerce(name: string, type: number, raw: string): string | number | boolean {
  if (type === OPTION_TYPE.integer || type === OPTION_TYPE.number) {
    const n = Number(raw);
    if (!Number.isFinite(n) || (type === OPTION_TYPE.integer && !Number.isInteger(n))) {
      throw new ConsoleParseError(`${name} must be a ${type === OPTION_TYPE.integer ? 'whole number' : 'number'}`);
    }
    return n;
  }
  if (type === OPTION_TYPE.boolean) {
    if (/^(true|yes|1)$/i.test(raw)) return true;
    if (/^(false|no|0)$/i.test(raw)) return false;
    throw new ConsoleParseError(`${name} must be true or false`);
  }
  return raw;
}

/** Parse `line` (starting with '/'); throws ConsoleParseError with a message for the operator. */
export function parseSlashLine(line: string, definitions: readonly CommandDefinition[]): ParsedLine {
  const trimmed = line.trim();
  const head = /^\/([\w-]+)(?:\s+|$)/.exec(trimmed);
  if (!head) throw new ConsoleParseError('Commands start with /, for example /article list');
  const def = definitions.find((d) => d.name === head[1]!.toLowerCase());
  if (!def) {
    throw new ConsoleParseError(`Unknown command /${head[1]}. Available: ${definitions.map((d) => `/${d.name}`).join(', ')}`);
  }
  let rest = trimmed.slice(head[0].length);
  let options = def.options ?? [];
  let subcommand: string | undefined;
  const subs = options.filter((o) => o.type === OPTION_TYPE.subcommand);
  if (subs.length > 0) {
    const m = /^([\w-]+)(?:\s+|$)/.exec(rest);
    const sub = m && subs.find((s) => s.name === m[1]!.toLowerCase());
    if (!m || !sub) throw new ConsoleParseError(`Usage:\n  ${usageLines(def).join('\n  ')}`);
    subcommand = sub.name;
    options = sub.options ?? [];
    rest = rest.slice(m[0].length);
  }
  const known = new Map(options.map((o) => [o.name, o.type]));
  const values = new Map<string, string | number | boolean>();
  // Find every "name:" that starts a known option (at the start or after whitespace).
  const starts: Array<{ name: string; at: number; valueAt: number }> = [];
  const re = /(^|\s)([\w-]+):/g;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const name = m[2]!.toLowerCase();
    if (!known.has(name)) continue;
    const at = m.index + m[1]!.length;
    const prev = starts[starts.length - 1];
    // Inside a quoted value, "name:" is text, not a new option.
    if (prev && rest[prev.valueAt] === '"' && !closedQuote(rest, prev.valueAt, at)) continue;
    starts.push({ name, at, valueAt: at + name.length + 1 });
  }
  // A name given twice: the last one is the option, earlier ones are part of the text before it.
  const lastOf = new Map(starts.map((s, i) => [s.name, i]));
  const kept = starts.filter((s, i) => lastOf.get(s.name) === i);
  starts.length = 0;
  starts.push(...kept);
  const leading = rest.slice(0, starts[0]?.at ?? rest.length).trim();
  if (leading) {
    const firstRequired = options.find((o) => o.required);
    if (!firstRequired || starts.some((s) => s.name === firstRequired.name)) {
      throw new ConsoleParseError(`Options are written name:value. Usage:\n  ${usageLines(def).join('\n  ')}`);
    }
    // Forgiving: "/article show venezuela" means the first required option.
    starts.unshift({ name: firstRequired.name, at: 0, valueAt: 0 });
  }
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    let raw = rest.slice(s.valueAt, starts[i + 1]?.at ?? rest.length).trim();
    if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) raw = raw.slice(1, -1).replace(/\\"/g, '"');
    values.set(s.name, coerce(s.name, known.get(s.name)!, raw));
  }
  for (const o of options) {
    if (o.required && !values.has(o.name)) {
      throw new ConsoleParseError(`Missing ${o.name}. Usage:\n  ${usageLines(def).join('\n  ')}`);
    }
  }
  return { command: def.name, ...(subcommand && { subcommand }), values, types: known };
}

/** Whether the quote opened at `open` is closed before `end`. */
function closedQuote(text: string, open: number, end: number): boolean {
  for (let i = open + 1; i < end; i++) if (text[i] === '"' && text[i - 1] !== '\\') return true;
  return false;
}
