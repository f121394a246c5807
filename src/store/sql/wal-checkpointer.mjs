// The WAL checkpointer of one SQLite file, in a thread of its own (started by sqlite.ts). Plain
// JavaScript on purpose: a worker does not inherit the main thread's TypeScript loader. It opens
// its own connection and, each time it is asked, runs a PASSIVE checkpoint (it never waits for a
// reader or a writer, and takes no write lock), so copying the WAL back into the database file and
// syncing it never happen on the event loop's thread. It answers each request with SQLite's
// counts, and closes its connection when asked to stop.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');

parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, busy: row.busy, log: row.log, checkpointed: row.checkpointed });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err) });
  }
});
