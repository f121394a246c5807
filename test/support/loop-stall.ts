/**
 * The event loop's longest stall while something runs: a 5 ms interval notes the longest gap
 * between its ticks (a blocked loop delays the next tick). Unlike perf_hooks' delay histogram it
 * also counts a block that starts before its first tick or ends the measured work.
 */
const TICK_MS = 5;

/** Start watching; the returned function stops and gives the longest stall seen, in ms (gap minus the tick). */
export function watchLoop(): () => number {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, TICK_MS);
  return () => {
    clearInterval(timer);
    return Math.max(0, Math.max(longest, performance.now() - last) - TICK_MS);
  };
}
