/**
 * Interaction latency through a fake Discord on loopback: the real bot (startBot) with the real
 * discord.js client, from the INTERACTION_CREATE frame to the first response (callback) arriving
 * back at the fake. `/article list` and an `article` autocomplete beside a trivial `/ping` (a
 * bench-only command registered in this process, never in production) measured in the same run,
 * so the ratio shows Lede's own overhead. 500 sequential and 500 concurrent interactions each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startBot } from '../src/discord/bot';
import type { Command } from '../src/core/command';
import { md } from '../src/core/markdown';
import { FakeDiscord, opt, type SentInteraction, type SlashInput } from '../test/support/fake-discord';
import { testEnv } from '../test/support/bot-harness';
import { median, percentile, report } from './harness';

const N = 500;
const RUNS = 3;

const ping: Command = {
  data: { name: 'ping', toJSON: () => ({ name: 'ping', description: 'bench only' }) },
  execute: (ctx) => ctx.reply({ content: md`pong` }),
};

type Send = (fake: FakeDiscord, user: { id: string; username: string }) => SentInteraction;

const scenarios: Array<[string, Send]> = [
  ['/ping (baseline)', (f, user) => f.slash({ name: 'ping', user })],
  ['/article list', (f, user) => f.slash({ name: 'article', subcommand: 'list', user } satisfies SlashInput)],
  ['autocomplete article:"venez"', (f, user) => f.autocomplete({ name: 'article', subcommand: 'show', options: [opt.string('article', 'venez', true)], user })],
];

let userSeq = 0;
/** A distinct user per interaction: the production per-user rate limit stays on and is not what is measured. */
const nextUser = () => ({ id: String(800000000000000000n + BigInt(++userSeq)), username: 'bench' });

async function sequential(fake: FakeDiscord, send: Send): Promise<number[]> {
  const times: number[] = [];
  for (let k = 0; k < N; k++) {
    const i = send(fake, nextUser());
    const cb = await fake.callback(i, 10_000);
    times.push(cb.hr - i.sentHr);
  }
  return times;
}

async function concurrent(fake: FakeDiscord, send: Send): Promise<number[]> {
  const sent = Array.from({ length: N }, () => send(fake, nextUser()));
  const cbs = await Promise.all(sent.map((i) => fake.callback(i, 30_000)));
  return cbs.map((cb, k) => cb.hr - sent[k]!.sentHr);
}

export async function run(): Promise<void> {
  const fake = await new FakeDiscord().start();
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
  const bot = await startBot(loadConfig(testEnv(fake, dir)), { extraCommands: [ping] });
  try {
    // Warm-up: JIT, prepared statements, discord.js caches.
    for (const [, send] of scenarios) await sequential(fake, send);
    const results = new Map<string, { seq50: number[]; seq99: number[]; con50: number[]; con99: number[] }>();
    for (let r = 0; r < RUNS; r++) {
      for (const [name, send] of scenarios) {
        const s = await sequential(fake, send);
        const c = await concurrent(fake, send);
        const e = results.get(name) ?? { seq50: [], seq99: [], con50: [], con99: [] };
        e.seq50.push(percentile(s, 50));
        e.seq99.push(percentile(s, 99));
        e.con50.push(percentile(c, 50));
        e.con99.push(percentile(c, 99));
        results.set(name, e);
      }
    }
    const base = results.get('/ping (baseline)')!;
    console.log(`  first response latency, ms (median of ${RUNS} runs of ${N}); ratio to /ping in brackets`);
    for (const [name, e] of results) {
      const fmt = (v: number[], b: number[]) => `${median(v).toFixed(2)} [${(median(v) / median(b)).toFixed(2)}x]`;
      report(`${name} sequential p50 / p99`, `${fmt(e.seq50, base.seq50)} / ${fmt(e.seq99, base.seq99)}`);
      report(`${name} concurrent p50 / p99`, `${fmt(e.con50, base.con50)} / ${fmt(e.con99, base.con99)}`);
    }
    const worst = Math.max(...[...results].filter(([n]) => n !== '/ping (baseline)').map(([, e]) => median(e.seq99)));
    report('target: sequential p99 < 50 ms', worst < 50 ? 'met' : 'MISSED', `worst ${worst.toFixed(2)} ms`);
  } finally {
    await bot.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
