/**
 * Argument reading for the subcommands that take one source or `--jsonl` (quotes, summary):
 * `--json`, `--jsonl` and the positional source are read here, the command's own options by its
 * handler, and the same usage errors come out for every such command.
 */

/** The arguments every single-source subcommand has. */
export interface SourceArgs {
  source?: string;
  json: boolean;
  jsonl: boolean;
}

export type ParsedArgs<O> = { ok: true; options: O } | { ok: false; message: string };

/**
 * A command's own option `a` (anything starting with `--` other than --json/--jsonl): apply it to
 * `o` and return undefined, return a usage message when its value is bad, or false when the command
 * has no such option. `next()` takes the following argument (for `--name value`).
 */
export type OptionHandler<O> = (o: O, a: string, next: () => string | undefined) => string | undefined | false;

/** `--name value` or `--name=value`: its value ({ value: undefined } when missing), or null when `a` is another option. */
export function valueOption(a: string, name: string, next: () => string | undefined): { value: string | undefined } | null {
  if (a === name) return { value: next() };
  if (a.startsWith(`${name}=`)) return { value: a.slice(name.length + 1) };
  return null;
}

/** Read `args` into `o` (its defaults filled in): one source, or --jsonl and none. */
export function parseSourceArgs<O extends SourceArgs>(args: readonly string[], o: O, option: OptionHandler<O>): ParsedArgs<O> {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--jsonl') o.jsonl = true;
    else if (a.startsWith('--')) {
      const problem = option(o, a, () => args[++i]);
      if (problem === false) return { ok: false, message: `unknown option ${a}` };
      if (problem !== undefined) return { ok: false, message: problem };
    } else if (o.source === undefined) o.source = a;
    else return { ok: false, message: `one source only (got "${o.source}" and "${a}")` };
  }
  if (o.jsonl && o.source !== undefined) return { ok: false, message: '--jsonl reads stdin: give no source' };
  if (!o.jsonl && o.source === undefined) return { ok: false, message: 'give a file, a URL or - for stdin' };
  return { ok: true, options: o };
}
