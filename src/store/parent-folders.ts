/**
 * Creating the folders a database file goes in, one at a time and top down, so that a failure names
 * the folder that could not be made. Not `mkdirSync(..., { recursive: true })`: under Node 20 it
 * loops forever when a folder's parent exists but refuses children (`/proc/x/lede.db`), and on a
 * file in the way it reports EEXIST for a path the user never wrote.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseOpenError } from './open-errors';

/** Make every missing folder above the file `path`; throws DatabaseOpenError naming the one that failed. */
export function createParentFolders(path: string): void {
  const missing: string[] = [];
  let folder = dirname(resolve(path));
  for (;;) {
    const stat = statOrMissing(folder, path);
    if (stat?.isDirectory()) break;
    if (stat) throw new DatabaseOpenError('DATABASE_PARENT_NOT_FOLDER', path, { folder, osCode: 'ENOTDIR' });
    missing.unshift(folder);
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const m of missing) {
    try {
      mkdirSync(m);
    } catch (err) {
      const osCode = (err as NodeJS.ErrnoException).code ?? 'EIO';
      // Another process made it between our look and our mkdir: that is what we wanted.
      if (osCode === 'EEXIST' && statOrMissing(m, path)?.isDirectory()) continue;
      throw new DatabaseOpenError('DATABASE_FOLDER_UNCREATABLE', path, { folder: m, osCode }, { cause: err });
    }
  }
}

/**
 * The folder's stat, or undefined when nothing is there (ENOTDIR: an ancestor is a file, found
 * further up). A folder that cannot be looked into (EACCES on an ancestor) is refused here.
 */
function statOrMissing(folder: string, path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(folder, { throwIfNoEntry: false });
  } catch (err) {
    const osCode = (err as NodeJS.ErrnoException).code ?? 'EIO';
    if (osCode === 'ENOTDIR') return undefined;
    throw new DatabaseOpenError('DATABASE_FOLDER_UNREACHABLE', path, { folder: dirname(folder), osCode }, { cause: err });
  }
}
