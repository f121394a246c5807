/**
 * A tiny benchmark harness: run a function several times after a warm-up, report the median
 * (and spread) so one slow run on a shared machine does not decide the figure.
 */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Median CPU time of this process per run (user + system): steadier than wall time on a shared machine. */
  readonly medianCpuMs: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Time `fn` `runs` times (after `warmup` untimed runs); returns the median and range in ms. */
export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  { runs = 7, warmup = 2 }: { runs?: number; warmup?: number } = {},
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { name, runs, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), medianCpuMs: median(cpu) };
}

/** Print one aligned result line. */
export function report(label: string, value: string, note = ''): void {
  console.log(`  ${label.padEnd(48)} ${value.padStart(16)}${note ? `   ${note}` : ''}`);
}
