/**
 * The floors of the code base, checked on every import (static, `export ... from`, dynamic, and
 * type-only): a module may import its own part and the floors below it, never one above or beside.
 * src/discord is only the discord.js adapter; the transport-neutral core (contexts, router, replies,
 * messages, renderers, the composition root) is src/core, which the console uses without any of
 * src/discord. discord.js itself is loaded only by the adapter and by the command definitions.
 * src/ops (prom-client, node:http) sits beside the commands: above the core, which must not reach it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Lowest first. A part is a file or folder under the root; the longest matching part wins. */
const FLOORS: ReadonlyArray<readonly [part: string, floor: number]> = [
  ['src/config.ts', 0],
  ['src/core/markdown.ts', 0], // the Markdown type: a leaf every floor that writes a reply may use
  ['src/fetch', 1],
  ['src/article', 2],
  ['src/nlp', 3],
  ['src/store', 4],
  ['src/library', 5],
  ['src/workers', 6],
  ['src/digest', 6],
  ['src/feeds', 7],
  ['src/core', 8],
  ['commands', 9],
  // Metrics and the /healthz, /readyz, /metrics server: they read the core's interaction events; only
  // the composition roots above (the adapter, the console, index) create and wire them.
  ['src/ops', 9],
  ['src/discord', 10],
  ['src/cli', 10],
  ['src/worker.ts', 10], // a worker process: the core and the ops endpoints, no Discord
  ['src/index.ts', 11],
];

/** Where discord.js may be loaded at run time (type-only imports of its builder types are allowed anywhere). */
const DISCORD_JS_ALLOWED = ['src/discord', 'commands'];

function partOf(file: string): readonly [string, number] | undefined {
  let best: readonly [string, number] | undefined;
  for (const entry of FLOORS) {
    const [part] = entry;
    if ((file === part || file.startsWith(`${part}/`)) && (best === undefined || part.length > best[0].length)) best = entry;
  }
  return best;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.(ts|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface Import {
  readonly from: string;
  readonly spec: string;
  readonly typeOnly: boolean;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4];
    if (spec !== undefined) out.push({ from: file, spec, typeOnly: m[2] !== undefined });
  }
  return out;
}

/** The file a relative import names (as the bundler resolves it: the path, `.ts` added, or its index). */
function targetOf(imp: Import): string | undefined {
  if (!imp.spec.startsWith('.')) return undefined;
  const base = resolve(ROOT, dirname(imp.from), imp.spec);
  const file = [`${base}.ts`, base, join(base, 'index.ts')].find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
  return relative(ROOT, file).split(sep).join('/');
}

const FILES = [...sources('src'), ...sources('commands')];

describe('the floors of the code base', () => {
  it('every source file belongs to a floor', () => {
    expect(FILES.filter((f) => partOf(f) === undefined)).toEqual([]);
  });

  it('reads the imports this test relies on (a rule that sees no import proves nothing)', () => {
    const seen = importsOf('src/discord/bot.ts').map((i) => i.spec);
    expect(seen).toContain('discord.js');
    expect(seen).toContain('../core/root');
    expect(importsOf('src/core/command.ts').find((i) => i.spec === 'discord-api-types/v10')?.typeOnly).toBe(true);
  });

  it('no import runs up a floor or across to another part on the same floor', () => {
    const wrong: string[] = [];
    for (const file of FILES) {
      const [part, floor] = partOf(file)!;
      for (const imp of importsOf(file)) {
        const target = targetOf(imp);
        if (target === undefined) continue;
        const to = partOf(target);
        if (to === undefined) {
          wrong.push(`${file} -> ${imp.spec}: outside every floor`);
          continue;
        }
        const [toPart, toFloor] = to;
        if (toPart === part || toFloor < floor) continue;
        wrong.push(`${file} (${part}, floor ${floor}) -> ${imp.spec} (${toPart}, floor ${toFloor})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('discord.js is loaded only by the adapter and the command definitions', () => {
    const wrong = FILES.flatMap((file) =>
      importsOf(file)
        .filter((i) => (i.spec === 'discord.js' || i.spec.startsWith('@discordjs/')) && !i.typeOnly)
        .filter(() => !DISCORD_JS_ALLOWED.some((p) => file.startsWith(`${p}/`)))
        .map((i) => `${file} -> ${i.spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('src/ops loads no discord.js at all (not even its types): it serves any role, the worker included', () => {
    const ops = FILES.filter((f) => f.startsWith('src/ops/'));
    expect(ops).toContain('src/ops/metrics.ts');
    expect(importsOf('src/ops/metrics.ts').map((i) => i.spec)).toContain('prom-client');
    const wrong = ops.flatMap((f) => importsOf(f).filter((i) => i.spec === 'discord.js' || i.spec.startsWith('@discordjs/')).map((i) => `${f} -> ${i.spec}`));
    expect(wrong).toEqual([]);
  });

  it('the console reaches the core without the Discord adapter', () => {
    const console = FILES.filter((f) => f.startsWith('src/cli/'));
    const intoDiscord = console.flatMap((f) => importsOf(f).filter((i) => targetOf(i)?.startsWith('src/discord')).map((i) => `${f} -> ${i.spec}`));
    expect(intoDiscord).toEqual([]);
  });
});
