/**
 * ARTICLES_DIR watched while the bot runs: a file added, changed or removed takes effect without a
 * restart (src/library/bundled.ts does the reading and pruning). node:fs `watch` (inotify on Linux,
 * FSEvents on macOS, ReadDirectoryChangesW on Windows) tells which file changed; it is not trusted
 * to say when a file is complete, so a file is read only once its size and modification time have
 * stood still for a quiet period (QUIET_MS) since the last event: a file written in parts with
 * shorter pauses than that is read once, whole. A file gone is pruned after the files still
 * settling are read, so a renamed file keeps its article. When the watcher starts it also looks at
 * every file that changed since the start's load (the gap before the bot was ready).
 */
import { watch, type FSWatcher, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isArticleFile, type BundledFileOutcome, type BundledFolder } from './bundled';

/** How long a file's size and time must stand still before it is read. */
export const QUIET_MS = 500;

export type WatchLog = (level: 'info' | 'warn' | 'error', data: Record<string, unknown>, message: string) => void;

export interface FolderWatcher {
  /** Start watching (idempotent); a folder that does not exist is logged and not watched. */
  start(): void;
  /** Stop watching; resolves when the read in progress, if any, has finished. Idempotent. */
  stop(): Promise<void>;
}

export interface FolderWatcherOptions {
  readonly quietMs?: number;
  readonly log?: WatchLog;
  /** How long after a failed sync (the store did not answer) the file is looked at again; default 5 s, RETRIES times. */
  readonly retryMs?: number;
  /** Told after each file was looked at again (tests wait on it; the log line is written first). */
  readonly onSynced?: (outcome: BundledFileOutcome) => void;
}

type Mark = { readonly size: number; readonly mtimeMs: number; readonly ino: number } | 'missing';

async function markOf(path: string): Promise<Mark> {
  try {
    const s: Stats = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch {
    return 'missing';
  }
}

const sameMark = (a: Mark | undefined, b: Mark) =>
  a !== undefined && (a === 'missing' || b === 'missing' ? a === b : a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino);

interface Pending {
  timer: NodeJS.Timeout | undefined;
  /** The file's size and time after its latest event (the newest stat wins). */
  mark: Mark | undefined;
  generation: number;
  /** Times a removal waited for files still settling (bounded by MAX_REMOVAL_WAITS). */
  waits: number;
}

/**
 * A removal waits (a quiet period each time, this many times at most) while other files are still
 * settling: a file renamed (or moved to a new name) is read under its new name before the old name's
 * article is pruned, so the article, the same text, is kept with its time and is not news again.
 */
const MAX_REMOVAL_WAITS = 10;

/** Looks at a file again after a sync that threw (a store outage), before waiting for its next change. */
const RETRIES = 5;

export function watchBundledFolder(folder: BundledFolder, options: FolderWatcherOptions = {}): FolderWatcher {
  const quietMs = options.quietMs ?? QUIET_MS;
  const log: WatchLog = options.log ?? (() => undefined);
  const pending = new Map<string, Pending>();
  const retries = new Map<string, number>();
  const retryTimers = new Set<NodeJS.Timeout>();
  const RETRY_MS = options.retryMs ?? 5000;
  let watcher: FSWatcher | undefined;
  let running = false;

  function report(outcome: BundledFileOutcome): void {
    const { file } = outcome;
    switch (outcome.kind) {
      case 'added':
      case 'changed':
        log('info', { file, id: outcome.article.id, title: outcome.article.title, ...(outcome.kind === 'changed' && { pruned: outcome.pruned }) }, outcome.kind === 'added' ? 'bundled article added' : 'bundled article changed');
        break;
      case 'same':
        log('info', { file, id: outcome.article.id }, 'bundled article read again, text unchanged');
        break;
      case 'removed':
        log('info', { file, pruned: outcome.pruned }, 'bundled article removed');
        break;
      case 'failed':
        log('warn', { file, err: outcome.error, pruned: outcome.pruned }, 'bundled article skipped');
        break;
      case 'unchanged':
      case 'ignored':
        break;
    }
    options.onSynced?.(outcome);
  }

  async function sync(file: string): Promise<void> {
    try {
      report(await folder.sync(file));
      retries.delete(file);
    } catch (err) {
      // A store outage or an unreadable folder: said by name, and tried again a few times (and on the file's next change).
      const attempt = (retries.get(file) ?? 0) + 1;
      const again = attempt <= RETRIES && running;
      log('error', { file, err, ...(again && { retryInMs: RETRY_MS }) }, 'bundled article could not be synced');
      if (!again) return void retries.delete(file);
      retries.set(file, attempt);
      const timer = setTimeout(() => {
        retryTimers.delete(timer);
        touched(file);
      }, RETRY_MS);
      timer.unref?.();
      retryTimers.add(timer);
    }
  }

  /** Look at the file when its size and time have not moved for quietMs. */
  function settle(file: string, p: Pending): void {
    p.timer = setTimeout(() => {
      p.timer = undefined;
      void (async () => {
        const now = await markOf(join(folder.dir, file));
        if (!running || pending.get(file) !== p || p.timer) return;
        if (!sameMark(p.mark, now)) {
          p.mark = now;
          settle(file, p);
          return;
        }
        if (now === 'missing' && p.waits < MAX_REMOVAL_WAITS && [...pending.values()].some((q) => q !== p && q.mark !== 'missing')) {
          p.waits++;
          settle(file, p);
          return;
        }
        pending.delete(file);
        await sync(file);
      })();
    }, quietMs);
    p.timer.unref?.();
  }

  function touched(file: string): void {
    if (!running || !isArticleFile(file)) return;
    let p = pending.get(file);
    if (!p) pending.set(file, (p = { timer: undefined, mark: undefined, generation: 0, waits: 0 }));
    if (p.timer) clearTimeout(p.timer);
    const generation = ++p.generation;
    const entry = p;
    void markOf(join(folder.dir, file)).then((m) => {
      if (entry.generation === generation) entry.mark = m;
    });
    settle(file, p);
  }

  async function rescan(): Promise<void> {
    try {
      for (const file of await folder.changedFiles()) touched(file);
    } catch (err) {
      log('error', { dir: folder.dir, err }, 'bundled articles folder could not be read');
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      try {
        watcher = watch(folder.dir, { persistent: false }, (_event, name) => {
          // Some platforms leave the name out: then every file is compared with what was read.
          if (name) touched(name.toString());
          else void rescan();
        });
      } catch (err) {
        running = false;
        log('warn', { dir: folder.dir, err }, 'bundled articles folder not watched: files added later need a restart');
        return;
      }
      watcher.on('error', (err) => {
        log('error', { dir: folder.dir, err }, 'bundled articles folder no longer watched: files added later need a restart');
        watcher?.close();
        watcher = undefined;
      });
      log('info', { dir: folder.dir, quietMs }, 'watching the bundled articles folder');
      void rescan();
    },
    async stop() {
      running = false;
      watcher?.close();
      watcher = undefined;
      for (const p of pending.values()) if (p.timer) clearTimeout(p.timer);
      pending.clear();
      for (const t of retryTimers) clearTimeout(t);
      retryTimers.clear();
      retries.clear();
      await folder.idle();
    },
  };
}
