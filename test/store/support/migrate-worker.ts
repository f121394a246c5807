/** Run by migrations.test.ts in several processes at once: open a shared database and migrate it. */
import { openClient, type StoreTarget } from '../../../src/store/open';
import { migrateSql, type SqlMigration } from '../../../src/store/sql/migrate';

const [kind, where] = process.argv.slice(2);
const target: StoreTarget = kind === 'postgres' ? { kind: 'postgres', url: where! } : { kind: 'sqlite', path: where! };
const migrations: SqlMigration[] = [
  { version: 1, description: 'first table', up: 'CREATE TABLE first (id INTEGER PRIMARY KEY)' },
  { version: 2, description: 'second table', up: 'CREATE TABLE second (id INTEGER PRIMARY KEY)' },
];
const sql = await openClient(target);
await migrateSql(sql, 'race', migrations, where!);
await sql.close();
