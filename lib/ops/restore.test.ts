import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpsDatabase, recordUpdate } from '@/lib/testing/ops-db';
import { backupDatabase } from './backup';
import { checkDatabaseFile } from './database-check';
import { restoreDatabase } from './restore';

let dir: string;
let backup: string;
let sleeper: ReturnType<typeof spawn> | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-restore-'));
  const source = path.join(dir, 'source.db');
  createOpsDatabase(source, 2).db.$client.close();
  backup = path.join(dir, 'backup.db');
  await backupDatabase(backup, { source });
});

afterAll(() => {
  if (sleeper?.exitCode === null) sleeper.kill('SIGKILL');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A database as a server killed mid-run leaves it, in a folder of its own: its last update only in
 * the -wal file (never checkpointed into the main file).
 */
function crashedDatabase(name: string): string {
  const folder = fs.mkdtempSync(path.join(dir, `${name}-`));
  const live = path.join(folder, 'live.db');
  const { db, actor } = createOpsDatabase(live, 1);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.pragma('wal_autocheckpoint = 0');
  recordUpdate(db, actor, 'CET23-AI-01', 'only in the WAL', 7);
  const file = path.join(folder, 'app.db');
  fs.copyFileSync(live, file);
  fs.copyFileSync(`${live}-wal`, `${file}-wal`);
  db.$client.close();
  for (const f of fs.readdirSync(folder)) if (f.startsWith('live.db')) fs.rmSync(path.join(folder, f));
  return file;
}

function writeLock(database: string, pid: number): void {
  fs.writeFileSync(`${database}.lock`, JSON.stringify({ pid, startedAt: '2026-11-27T10:00:00.000Z' }));
}

const notesOf = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  const notes = sqlite.prepare('select note from status_updates order by id').pluck().all();
  sqlite.close();
  return notes;
};

describe('restoreDatabase', () => {
  it('refuses while a live process holds the database, and changes nothing', () => {
    const database = crashedDatabase('held');
    sleeper = spawn('sleep', ['30']);
    writeLock(database, sleeper.pid!);
    const before = fs.readdirSync(path.dirname(database)).sort();
    const bytes = fs.readFileSync(database);
    expect(() => restoreDatabase(backup, { target: database })).toThrow(
      `${database} is in use by a server (process ${sleeper.pid}, started 2026-11-27T10:00:00.000Z); stop it first, then restore`,
    );
    expect(fs.readdirSync(path.dirname(database)).sort()).toEqual(before);
    expect(fs.readFileSync(database).equals(bytes)).toBe(true);
    sleeper.kill('SIGKILL');
  });

  it('restores over a stale lock, keeping the old database and its -wal aside where it still opens', async () => {
    const database = crashedDatabase('stale');
    const dead = spawn('true');
    await new Promise((r) => dead.once('exit', r));
    writeLock(database, dead.pid!);

    const result = restoreDatabase(backup, { target: database, now: new Date('2026-11-27T10:30:00.123Z') });

    const aside = `${database}.before-restore-20261127T103000Z`;
    expect(result.keptAs).toEqual([aside, `${aside}-wal`]);
    expect(notesOf(aside)).toEqual(['fixture #0', 'only in the WAL']);
    expect(notesOf(database)).toEqual(['fixture #0', 'fixture #1']);
    expect(fs.statSync(database).mode & 0o777).toBe(0o600);
    expect(checkDatabaseFile(database).problems).toEqual([]);
    expect(result.check.chains).toEqual(checkDatabaseFile(backup).chains);
    // Its data version moved past anything the replaced database counted (lib/read-model/ caches by it).
    const versionOf = (file: string) => {
      const sqlite = new Database(file, { readonly: true });
      const n = sqlite.prepare('select n from data_version').pluck().get() as number;
      sqlite.close();
      return n;
    };
    expect(versionOf(database)).toBe(Date.parse('2026-11-27T10:30:00.123Z'));
    expect(versionOf(backup)).toBeLessThan(1_000);

    // A second restore the same second finds the name taken and numbers its own.
    const again = restoreDatabase(backup, { target: database, now: new Date('2026-11-27T10:30:00.999Z') });
    expect(again.keptAs).toEqual([`${aside}-2`]);
  });

  it('never leaves a half-written or unchecked file under the database name', () => {
    const folder = path.join(dir, 'fresh');
    const database = path.join(folder, 'app.db');
    const corrupt = path.join(dir, 'corrupt.db');
    fs.copyFileSync(backup, corrupt);
    fs.truncateSync(corrupt, fs.statSync(corrupt).size - 4096);
    expect(() => restoreDatabase(corrupt, { target: database })).toThrow(
      `${corrupt} fails its checks; the database was not changed:\n  truncated: ${fs.statSync(corrupt).size} bytes`,
    );
    expect(fs.readdirSync(folder)).toEqual([]);

    const existing = crashedDatabase('existing');
    const bytes = fs.readFileSync(existing);
    expect(() => restoreDatabase(corrupt, { target: existing })).toThrow(/fails its checks/);
    expect(fs.readdirSync(path.dirname(existing)).sort()).toEqual(['app.db', 'app.db-wal']);
    expect(fs.readFileSync(existing).equals(bytes)).toBe(true);
  });

  it('refuses a missing file, the database itself, and a live copy with a write-ahead log', () => {
    const database = path.join(dir, 'self', 'app.db');
    fs.mkdirSync(path.dirname(database));
    restoreDatabase(backup, { target: database });
    expect(() => restoreDatabase(path.join(dir, 'nope.db'), { target: database })).toThrow(`There is no backup file at ${path.join(dir, 'nope.db')}`);
    expect(() => restoreDatabase(database, { target: database })).toThrow(`${database} is the database itself: there is nothing to restore`);
    const link = path.join(dir, 'link-to-self.db');
    fs.linkSync(database, link);
    expect(() => restoreDatabase(link, { target: database })).toThrow(/is the database itself/);
    const crashed = crashedDatabase('live-copy');
    expect(() => restoreDatabase(crashed, { target: database })).toThrow(/has a write-ahead log beside it/);
    expect(fs.readdirSync(path.dirname(database))).toEqual(['app.db']);
  });
});
