import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '@/db/client';
import { checkDatabaseFile, type DatabaseCheck } from './database-check';
import { COMPANION_SUFFIXES, fsyncDirectory, fsyncFile, isSameFile, RefusedError, removeDatabaseFiles, tempPathBeside } from './files';

export interface BackupResult {
  source: string;
  file: string;
  bytes: number;
  /** Copying, then checking the copy. */
  copyMs: number;
  check: DatabaseCheck;
}

/** sqlite3_backup_step's page count for "every page in this step" (better-sqlite3 caps it here). */
const ALL_PAGES = 0x7fffffff;

/**
 * Takes an online backup of the database (DATABASE_URL) into `destination` while the server may
 * be writing: a consistent copy into a temporary file beside the destination, the checks of
 * `checkDatabaseFile` on that copy, then fsync, rename into place and fsync of the folder, so the
 * destination is either absent (or its old self) or a complete, checked backup, mode 0600.
 * @throws RefusedError when the destination exists (without `force`), its folder is missing, it
 *   is the database itself, or the copy fails a check; the temporary file is removed on any failure.
 */
export async function backupDatabase(destination: string, options: { source?: string; force?: boolean } = {}): Promise<BackupResult> {
  const source = path.resolve(options.source ?? databasePath());
  const file = path.resolve(destination);
  if (!fs.existsSync(source)) throw new RefusedError(`There is no database at ${source}`);
  if (['', ...COMPANION_SUFFIXES].some((s) => isSameFile(source + s, file))) {
    throw new RefusedError(`${file} is the database itself (or one of its files); name a file elsewhere`);
  }
  const refuseExisting = () => {
    if (!options.force && fs.existsSync(file)) throw new RefusedError(`${file} already exists; pass --force to replace it`);
  };
  refuseExisting();
  if (!fs.statSync(path.dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
    throw new RefusedError(`The folder ${path.dirname(file)} does not exist`);
  }
  const tmp = tempPathBeside(file, 'backup');
  try {
    // Created first, so the copy is never readable by others, whatever the umask.
    fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
    const started = performance.now();
    await copyOnline(source, tmp);
    const copyMs = performance.now() - started;
    const check = checkDatabaseFile(tmp);
    if (check.problems.length) {
      throw new RefusedError(`The copy of ${source} fails its checks, so no backup was written:\n  ${check.problems.join('\n  ')}`);
    }
    fs.chmodSync(tmp, 0o600);
    fsyncFile(tmp);
    refuseExisting();
    fs.renameSync(tmp, file);
    fsyncDirectory(path.dirname(file));
    return { source, file, bytes: fs.statSync(file).size, copyMs, check };
  } catch (e) {
    removeDatabaseFiles(tmp);
    throw e;
  }
}

/**
 * Copies the database with SQLite's backup API in a single step: one read transaction, which in
 * WAL mode neither blocks the server's writers nor is restarted by them, so the copy is the
 * database as of one commit. The copy is then switched to a rollback journal: a backup is one
 * self-contained file (the server turns WAL back on when it opens a restored one).
 */
async function copyOnline(source: string, tmp: string): Promise<void> {
  const sqlite = new Database(source, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    await sqlite.backup(tmp, { progress: () => ALL_PAGES });
  } finally {
    sqlite.close();
  }
  const copy = new Database(tmp, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
