/**
 * A throwaway PostgreSQL server for the test suite: a fresh cluster in a temp folder, listening on
 * a free port on 127.0.0.1, trusted logins as `postgres`, durability off (tests never outlive it).
 * The server runs under a small shell watchdog that stops it and deletes its files as soon as our
 * end of the watchdog's stdin closes, which the kernel does for us even when this process is
 * killed with SIGKILL, so a killed test run leaves no server and no files behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgBinaries, serverAccount, type PgBinaries, type RunAs } from './pg-binaries';

export interface PgServer {
  /** Superuser URL of the `postgres` database, e.g. postgres://postgres@127.0.0.1:41234/postgres */
  readonly adminUrl: string;
  readonly dataDir: string;
  /** Stop the server and remove its files. */
  stop(): Promise<void>;
}

/** How long a cold start may take on a busy 2-core machine before we call it failed. */
const START_TIMEOUT_MS = 60_000;
/** Below this much free space a tmpfs is too small for a cluster (~40 MB) plus the tests' databases. */
const MIN_TMPFS_FREE_BYTES = 1024 ** 3;
/** English messages (we wait for the "ready" line) and UTC as the server's time zone, on any machine. */
const SERVER_ENV = { LC_ALL: 'C.UTF-8', LC_MESSAGES: 'C', TZ: 'UTC' };

/**
 * Settings for a test server: nothing is worth an fsync, and room for every test file's pool and
 * every bot child at once.
 */
const SERVER_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
};

/** Create a cluster and start a server on it; resolves once it accepts connections. */
export async function startPgServer(): Promise<PgServer> {
  const runAs = serverAccount();
  for (let attempt = 1; ; attempt++) {
    const binaries = await pgBinaries(runAs);
    const dataDir = mkdtempSync(join(dataBase(), 'lede-pg-'));
    let started: PgServer | PortTaken;
    try {
      if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
      initCluster(binaries, dataDir, runAs);
      started = await startUnderWatchdog(binaries, dataDir, runAs);
    } catch (err) {
      rmSync(dataDir, { recursive: true, force: true });
      if (binaries.copy) rmSync(binaries.copy, { recursive: true, force: true });
      throw err;
    }
    if (!(started instanceof PortTaken)) return started;
    // Another process took the port between our probe and the server's bind (the watchdog has
    // removed the failed cluster): start over on another port.
    if (attempt === 3) throw new Error(`postgres did not start:\n${started.log}`);
  }
}

/** The server could not bind the port it was given. */
class PortTaken {
  constructor(readonly log: string) {}
}

/** A tmpfs when there is one with room (initdb and CREATE DATABASE are disk-bound), else the temp dir. */
function dataBase(): string {
  const shm = '/dev/shm';
  if (!existsSync(shm)) return tmpdir();
  const { bavail, bsize } = statfsSync(shm);
  return bavail * bsize >= MIN_TMPFS_FREE_BYTES ? shm : tmpdir();
}

function initCluster(binaries: PgBinaries, dataDir: string, runAs: RunAs): void {
  const args = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'];
  // cwd '/': the checkout may be a folder the server account cannot enter.
  const init = spawnSync(binaries.initdb, args, { ...runAs, cwd: '/', env: { ...process.env, ...SERVER_ENV }, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed (${init.error ?? `exit ${init.status}`}):\n${init.stderr}`);
}

/**
 * The watchdog: `$0` is postgres, `$1` the data dir, `$2` the port, the rest are folders to remove
 * with it. Its stdin is saved as fd 3 because sh gives background jobs /dev/null as stdin.
 * TCP only (`-k ''`): no Unix socket, whose path could pass the 107-byte limit in a long TMPDIR.
 * When postgres exits on its own the watchdog exits too, so a failed start is seen at once.
 */
const WATCHDOG = `
exec 3<&0
pg="$0"; data="$1"; port="$2"; shift 2
"$pg" -D "$data" -p "$port" -h 127.0.0.1 -k '' ${Object.entries(SERVER_SETTINGS).map(([k, v]) => `-c ${k}=${v}`).join(' ')} </dev/null &
pid=$!
( cat <&3 >/dev/null; kill -INT "$pid" 2>/dev/null ) &
wait "$pid"; status=$?
rm -rf "$data" "$@"
exit "$status"
`;

async function startUnderWatchdog(binaries: PgBinaries, dataDir: string, runAs: RunAs): Promise<PgServer | PortTaken> {
  const port = await freePort();
  const extra = binaries.copy ? [binaries.copy] : [];
  const child = spawn('/bin/sh', ['-c', WATCHDOG, binaries.postgres, dataDir, String(port), ...extra], {
    ...runAs,
    cwd: '/',
    env: { ...process.env, ...SERVER_ENV },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  child.stdin.on('error', () => {}); // EPIPE when the watchdog is already gone: nothing to stop
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let log = '';
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
    const onLog = (chunk: string) => {
      if (log.length < 64_000) log += chunk;
      if (!log.includes('database system is ready to accept connections')) return;
      clearTimeout(timer);
      child.stderr.off('data', onLog).resume(); // keep draining, or postgres blocks on a full pipe
      resolve(true);
    };
    child.stderr.setEncoding('utf8').on('data', onLog);
    void exited.then(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  const stop = async () => {
    child.stdin.end();
    await exited;
  };
  if (ready) return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDir, stop };
  await stop();
  if (/could not bind|Address already in use/.test(log)) return new PortTaken(log);
  throw new Error(`postgres did not start:\n${log}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
