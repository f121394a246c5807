/**
 * `lede migrate [--check]`: bring the database's schema up to this version of Lede, on its own.
 * For PostgreSQL (DATABASE_URL) this is the one step an operator runs before starting the bot's
 * processes, which never change the schema; the embedded SQLite file (DATABASE_PATH) is migrated by
 * `npm start` too, so there it is optional. `--check` changes nothing and exits 1 when steps are due.
 */
import { existsSync } from 'node:fs';
import { loadConfig, storeTargetOf } from '../../config';
import { migrateAll, openClient, pendingMigrations, redactUrl } from '../../store/open';
import { EXIT, type CliCommand } from '../types';

const USAGE = `lede migrate [--check]

  Applies the database migrations not applied yet: the PostgreSQL server of DATABASE_URL when it is
  set, else the SQLite file DATABASE_PATH. Safe to run again, and from several places at once.
  --check  apply nothing; list the steps that are due and exit 1 if there are any`;

const command: CliCommand = {
  name: 'migrate',
  summary: 'Bring the database schema up to date (PostgreSQL: run before starting)',
  usage: USAGE,
  async run(args, io) {
    const unknown = args.filter((a) => a !== '--check');
    if (unknown.length > 0) {
      io.stderr.write(`lede migrate: unknown argument ${unknown[0]}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    // A bad setting (ConfigError) is reported by the CLI's entry point, like for every subcommand.
    const target = storeTargetOf(loadConfig(io.env));
    const where = target.kind === 'sqlite' ? `SQLite file ${target.path}` : `PostgreSQL ${redactUrl(target.url)}`;
    // A check changes nothing: an SQLite file that does not exist yet is not created to be looked at
    // (every step is due; an empty in-memory database says which).
    const absent = target.kind === 'sqlite' && target.path !== ':memory:' && !existsSync(target.path);
    if (absent && args.includes('--check')) {
      const empty = await openClient({ kind: 'sqlite', path: ':memory:' });
      try {
        const pending = await pendingMigrations(empty);
        io.stdout.write(`${where} does not exist yet (npm start or lede migrate creates it): ${pending.length} step(s) due: ${pending.join(', ')}.\n`);
        return EXIT.failure;
      } finally {
        await empty.close();
      }
    }
    const sql = await openClient(target);
    try {
      if (args.includes('--check')) {
        const pending = await pendingMigrations(sql);
        io.stdout.write(pending.length === 0 ? `${where}: the schema is current.\n` : `${where}: ${pending.length} step(s) due: ${pending.join(', ')}.\n`);
        return pending.length === 0 ? EXIT.ok : EXIT.failure;
      }
      const ran = await migrateAll(sql, target.kind === 'sqlite' ? target.path : redactUrl(target.url));
      io.stdout.write(ran === 0 ? `${where}: the schema was already current.\n` : `${where}: applied ${ran} migration step(s); the schema is current.\n`);
      return EXIT.ok;
    } finally {
      await sql.close();
    }
  },
};

export default command;
