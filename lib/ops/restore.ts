import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '@/db/client';
import { checkDatabaseFile, type DatabaseCheck } from './database-check';
import { fsyncDirectory, fsyncFile, isSameFile, RefusedError, removeDatabaseFiles, tempPathBeside } from './files';
import { lockHolder } from './server-lock';

export interface RestoreResult {
  from: string;
  database: string;
  /** Where the replaced database's files went (main file first), empty when there was none. */
  keptAs: string[];
  check: DatabaseCheck;
}

/** The replaced database's files: its -wal holds commits not yet in the main file, so it moves too. */
const MOVED_SUFFIXES = ['', '-wal', '-shm'] as const;

/**
 * Replaces the database (DATABASE_URL, or `target`) with the backup `candidate` while no server
 * holds it: copies the backup to a temporary file beside the database, checks that copy
 * (`checkDatabaseFile`), fsyncs it, moves the current database and its -wal/-shm aside as
 * `<database>.before-restore-<UTC time>` (and -wal, -shm: it still opens), renames the copy into
 * place (mode 0600) and fsyncs the folder. The backup file itself is only read. The copy's data
 * version moves on (see bumpDataVersionOf).
 * @throws RefusedError when the backup is missing, is the database itself, has a non-empty -wal
 *   beside it, fails a check, or a live server holds the database; nothing is changed then.
 */
export function restoreDatabase(candidate: string, options: { target?: string; now?: Date } = {}): RestoreResult {
  const from = path.resolve(candidate);
  const database = path.resolve(options.target ?? databasePath());
  if (!fs.statSync(from, { throwIfNoEntry: false })?.isFile()) throw new RefusedError(`There is no backup file at ${from}`);
  if (isSameFile(from, database)) throw new RefusedError(`${from} is the database itself: there is nothing to restore`);
  refuseWhileHeld(database);
  if ((fs.statSync(`${from}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
    throw new RefusedError(
      `${from} has a write-ahead log beside it (${from}-wal) holding commits not in the file itself: it is a copy of a live database, not a backup. Take one with npm run db:backup.`,
    );
  }
  fs.mkdirSync(path.dirname(database), { recursive: true });
  const tmp = tempPathBeside(database, 'restore');
  try {
    fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
    fs.copyFileSync(from, tmp);
    fs.chmodSync(tmp, 0o600);
    // The copy is what gets installed, so the copy is what is checked.
    const check = checkDatabaseFile(tmp);
    if (check.problems.length) throw new RefusedError(`${from} fails its checks; the database was not changed:\n  ${check.problems.join('\n  ')}`);
    bumpDataVersionOf(tmp, options.now ?? new Date());
    fsyncFile(tmp);
    refuseWhileHeld(database); // A server may have started during the checks.
    const keptAs = moveAside(database, options.now ?? new Date());
    try {
      fs.renameSync(tmp, database);
    } catch (e) {
      moveBack(keptAs);
      throw e;
    }
    fsyncDirectory(path.dirname(database));
    return { from, database, keptAs: keptAs.map(([, to]) => to), check };
  } catch (e) {
    removeDatabaseFiles(tmp);
    throw e;
  }
}

/**
 * Moves the data version of `copy` on to the time of the restore in milliseconds (or one past its
 * own, if larger): past any count the replaced database can have reached one write at a time, so
 * nothing cached from it (lib/read-model/) can be taken for the restored data. A backup taken
 * before the data version existed has none: the migrations add it at the next start.
 */
function bumpDataVersionOf(copy: string, now: Date): void {
  const sqlite = new Database(copy);
  try {
    if (!sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = 'data_version'`).get()) return;
    const own = (sqlite.prepare('select n from data_version where id = 1').pluck().get() as number | undefined) ?? 0;
    sqlite.prepare('insert into data_version (id, n) values (1, ?) on conflict (id) do update set n = excluded.n').run(Math.max(own + 1, now.getTime()));
  } finally {
    sqlite.close();
  }
}

function refuseWhileHeld(database: string): void {
  const holder = lockHolder(database);
  if (holder) {
    throw new RefusedError(`${database} is in use by a server (process ${holder.pid}, started ${holder.startedAt}); stop it first, then restore`);
  }
}

/** `20261127T103000Z` */
function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/** Renames the database's files to one free `.before-restore-<time>[-n]` stem; returns [from, to] pairs. */
function moveAside(database: string, now: Date): [string, string][] {
  const present = MOVED_SUFFIXES.filter((s) => fs.existsSync(database + s));
  if (!present.length) return [];
  let stem = `${database}.before-restore-${stamp(now)}`;
  for (let n = 2; MOVED_SUFFIXES.some((s) => fs.existsSync(stem + s)); n++) stem = `${database}.before-restore-${stamp(now)}-${n}`;
  const moved: [string, string][] = [];
  try {
    for (const s of present) {
      fs.renameSync(database + s, stem + s);
      moved.push([database + s, stem + s]);
    }
  } catch (e) {
    moveBack(moved);
    throw e;
  }
  return moved;
}

function moveBack(moved: [string, string][]): void {
  for (const [original, aside] of moved) {
    if (!fs.existsSync(original)) fs.renameSync(aside, original);
  }
}
