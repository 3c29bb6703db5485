import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase, type Db } from '@/db/client';

let dir: string;
let file: string;
const opened: Db[] = [];
const open = () => {
  const db = openDatabase(file);
  opened.push(db);
  return db;
};
const mode = (f: string) => fs.statSync(f).mode & 0o777;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-'));
  file = path.join(dir, 'app.db');
});
afterEach(() => {
  for (const db of opened.splice(0)) db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the database files', () => {
  it('are created readable and writable by the owner only, the WAL and shared memory too', () => {
    const db = open();
    db.$client.exec('create table t (x); insert into t values (1);');
    for (const suffix of ['', '-wal', '-shm']) expect(mode(file + suffix), suffix || 'main').toBe(0o600);
  });

  it('are narrowed to the owner when an older version left them readable by others', () => {
    const first = open();
    first.$client.exec('create table t (x); insert into t values (1);');
    for (const suffix of ['', '-wal', '-shm']) fs.chmodSync(file + suffix, 0o644);
    open();
    for (const suffix of ['', '-wal', '-shm']) expect(mode(file + suffix), suffix || 'main').toBe(0o600);
  });
});

describe('migration 0014_hashed_session_ids', () => {
  it('deletes the sessions stored with their raw ids, which the database alone could replay', () => {
    const upTo13 = path.join(dir, 'migrations');
    fs.cpSync(MIGRATIONS_FOLDER, upTo13, { recursive: true });
    const journalFile = path.join(upTo13, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === '0014_hashed_session_ids'));
    fs.writeFileSync(journalFile, JSON.stringify(journal));

    const db = open();
    migrate(db, { migrationsFolder: upTo13 });
    // Raw SQL: the schema of today (insertTestUser) has columns that migration 13 did not.
    const user = db.$client.prepare(`insert into users (email, name, password_hash, role) values ('a@example.org', 'a', 'x', 'analyst') returning id`).get() as { id: number };
    db.$client
      .prepare(`insert into sessions (id, user_id, last_seen_at, expires_at) values ('raw-cookie-id', ?, '2025-01-01T00:00:00Z', '2999-01-01T00:00:00Z')`)
      .run(user.id);
    migrateDatabase(db);
    expect(db.$client.prepare('select count(*) n from sessions').get()).toEqual({ n: 0 });
  });
});
