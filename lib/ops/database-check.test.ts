import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '@/db/client';
import { createOpsDatabase } from '@/lib/testing/ops-db';
import { backupDatabase } from './backup';
import { checkDatabaseFile } from './database-check';

let dir: string;
let good: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-check-'));
  const source = path.join(dir, 'source.db');
  createOpsDatabase(source, 3).db.$client.close();
  good = path.join(dir, 'good.db');
  await backupDatabase(good, { source });
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the good backup, changed by `change`. */
function variant(name: string, change: (file: string) => void): string {
  const file = path.join(dir, name);
  fs.copyFileSync(good, file);
  change(file);
  return file;
}

/** Runs SQL on a file as someone with the file (and sqlite3) in hand would: no app guards. */
function tamper(file: string, sql: string): void {
  const sqlite = new Database(file);
  sqlite.exec(sql);
  sqlite.close();
}

function pageOf(file: string, name: string): { offset: number; size: number } {
  const sqlite = new Database(file, { readonly: true });
  const size = sqlite.pragma('page_size', { simple: true }) as number;
  const root = sqlite.prepare('select rootpage from sqlite_master where name = ?').pluck().get(name) as number;
  sqlite.close();
  return { offset: (root - 1) * size, size };
}

describe('checkDatabaseFile', () => {
  it('passes a good backup and gives its chain heads', () => {
    const check = checkDatabaseFile(good);
    expect(check.problems).toEqual([]);
    expect(check.skipped).toEqual([]);
    expect(check.migrations!.applied).toBe(check.migrations!.known);
    expect(check.chains).toMatchObject({ ok: true, statusUpdates: 3 });
    expect(check.chains!.statusHead).toMatch(/^[0-9a-f]{64}$/);
    expect(check.chains!.auditHead).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a file with a flipped byte in an index page (integrity check)', () => {
    // The last byte of the page ends its first cell: the row id the index entry points at. No other
    // check reads this index, so only integrity_check can see it.
    const file = variant('flipped-index.db', (f) => flipLastByte(f, 'audit_events_at_idx'));
    expect(checkDatabaseFile(file).problems).toEqual(['integrity check: row 1 missing from index audit_events_at_idx']);
  });

  it('refuses a file with a flipped byte in a status update row, which only the chain sees', () => {
    // The end of the table page's first cell is the first row's last column, its hash.
    const file = variant('flipped-row.db', (f) => flipLastByte(f, 'status_updates'));
    expect(checkDatabaseFile(file).problems).toEqual([
      'audit chain: status update #1 was changed after it was recorded: its content no longer matches its hash',
      expect.stringMatching(/^audit chain: audit event #\d+ records status update #1, which is no longer the update it recorded/),
    ]);
  });

  it('refuses a file whose audit event was edited directly (append-only trigger dropped)', () => {
    const file = variant('edited-event.db', (f) =>
      tamper(f, `drop trigger audit_events_no_update; update audit_events set target_id = 'CET23-EDITED' where id = 2`),
    );
    expect(checkDatabaseFile(file).problems).toEqual([expect.stringMatching(/^audit chain: audit event #2 was changed after it was recorded/)]);
  });

  it('refuses a file whose status update note was edited directly', () => {
    const file = variant('edited-update.db', (f) => tamper(f, `drop trigger status_updates_no_update; update status_updates set note = 'edited' where id = 2`));
    console.log(checkDatabaseFile(file));
    expect(checkDatabaseFile(file).problems).toEqual([expect.stringMatching(/^audit chain: status update #2 was changed after it was recorded/)]);
  });

  it('refuses a truncated file', () => {
    const file = variant('truncated.db', (f) => {
      const { size } = pageOf(f, 'commitments');
      fs.truncateSync(f, Math.floor(fs.statSync(f).size / size / 2) * size);
    });
    expect(checkDatabaseFile(file).problems).toEqual([expect.stringMatching(/^truncated: \d+ bytes where its header says \d+ pages of \d+ bytes$/)]);
  });

  it('refuses a file that is not SQLite, an empty file and a missing one', () => {
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'This is a spreadsheet export, not a database.\n'.repeat(200));
    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    expect(checkDatabaseFile(text).problems).toEqual(['not a SQLite database']);
    expect(checkDatabaseFile(empty).problems).toEqual(['not a SQLite database']);
    expect(checkDatabaseFile(path.join(dir, 'missing.db')).problems).toEqual(['the file does not exist']);
  });

  it('refuses a file with a dangling foreign key', () => {
    const file = variant('dangling.db', (f) => tamper(f, `pragma foreign_keys = off; delete from users where email = 'admin@example.org'`));
    const { problems } = checkDatabaseFile(file);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /^foreign key check: \w+ row \d+ refers to a missing users row$|… and \d+ more$/.test(p))).toBe(true);
  });

  it('refuses derived data that disagrees with the history', () => {
    const file = variant('derived.db', (f) => tamper(f, `update commitments set progress = progress + 1 where id = (select commitment_id from status_updates where id = 1)`));
    expect(checkDatabaseFile(file).problems).toEqual([expect.stringMatching(/^derived data: 1 difference\(s\) from the source tables in commitments /)]);
  });

  it('refuses a schema newer than this code, and accepts an older one (migrated at the next start)', () => {
    const newer = variant('newer.db', (f) => tamper(f, `insert into __drizzle_migrations (hash, created_at) values ('from-the-future', 99999999999999)`));
    expect(checkDatabaseFile(newer).problems).toEqual([expect.stringMatching(/^schema: (\d+) migrations applied, this code knows \d+: it was written by a newer version/)]);

    // A database as the version before the hash chain left it: the migrations before 0015_audit_chain.
    const older = path.join(dir, 'older.db');
    const folder = path.join(dir, 'older-migrations');
    fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const beforeChain = journal.entries.findIndex((e) => e.tag.endsWith('_audit_chain'));
    expect(beforeChain).toBeGreaterThan(0);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, beforeChain) }));
    const sqlite = new Database(older);
    migrate(drizzle(sqlite), { migrationsFolder: folder });
    sqlite.close();
    const check = checkDatabaseFile(older);
    expect(check.problems).toEqual([]);
    expect(check.migrations).toEqual({ applied: beforeChain, known: journal.entries.length });
    expect(check.chains).toBeNull();
    expect(check.skipped).toEqual([expect.stringMatching(/^derived data: /), expect.stringMatching(/^audit chain: .*not checkable before the file is migrated/)]);
  });

  it('leaves no -wal or -shm file behind on a WAL-mode file it checked', () => {
    const file = variant('wal-mode.db', (f) => tamper(f, 'pragma journal_mode = wal'));
    expect(checkDatabaseFile(file).problems).toEqual([]);
    expect(fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`)).toBe(false);
  });
});

function flipLastByte(file: string, name: string): void {
  const { offset, size } = pageOf(file, name);
  const fd = fs.openSync(file, 'r+');
  const byte = Buffer.alloc(1);
  fs.readSync(fd, byte, 0, 1, offset + size - 1);
  byte[0] = byte[0]! ^ 0x01;
  fs.writeSync(fd, byte, 0, 1, offset + size - 1);
  fs.closeSync(fd);
}
