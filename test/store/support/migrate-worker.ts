/** Run by migrations.test.ts in several processes at once: open a shared file and migrate it. */
import { migrate, openDatabase, type Migration } from '../../../src/store/database';

const [path] = process.argv.slice(2);
const slowly = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    /* widen the window between "is it applied?" and "apply it" */
  }
};
const migrations: Migration[] = [
  { version: 1, description: 'first table', up: (db) => { slowly(40); db.exec('CREATE TABLE first (id INTEGER PRIMARY KEY)'); } },
  { version: 2, description: 'second table', up: (db) => { slowly(40); db.exec('CREATE TABLE second (id INTEGER PRIMARY KEY)'); } },
];
const db = openDatabase(path!);
migrate(db, 'race', migrations);
db.close();
