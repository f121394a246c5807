/**
 * A clock of the CPU this process has used (user + system, in milliseconds). Growth and speed checks
 * in tests read it instead of wall time: on a busy 2-core machine other processes (the other test
 * files, PostgreSQL, a CI neighbour) stretch wall time by any factor, but not this process's own CPU
 * time. Test files run in forks (vitest.config.ts), so the reading is the file's own work.
 */
export function cpuClock(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
