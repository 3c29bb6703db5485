import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOpsDatabase } from '@/lib/testing/ops-db';
import { backupDatabase } from './backup';
import type { WriterAck } from './backup-writer';
import { checkDatabaseFile } from './database-check';
import { RefusedError } from './files';
import { restoreDatabase } from './restore';

// The real checks, observed: what the destination looked like while its copy was being checked.
vi.mock('./database-check', async (importOriginal) => {
  const real = await importOriginal<typeof import('./database-check')>();
  return { ...real, checkDatabaseFile: vi.fn(real.checkDatabaseFile) };
});

const WRITER = path.join(process.cwd(), 'lib', 'ops', 'backup-writer.ts');
const TSX = ['--conditions=react-server', '--import', 'tsx'];

let dir: string;
const children: ReturnType<typeof spawn>[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-backup-'));
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Resolves once `ready()` holds, checking every 20 ms; rejects after `ms`. */
async function until(ready: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function rows(file: string, table: string): Map<number, Record<string, unknown>> {
  const sqlite = new Database(file, { readonly: true });
  const all = sqlite.prepare(`select * from ${table} order by id`).all() as Record<string, unknown>[];
  sqlite.close();
  return new Map(all.map((r) => [r.id as number, r]));
}

/** The files in `dir` whose names start with `stem`, but for `stem` itself: temporary leftovers. */
function leftovers(folder: string, stem: string): string[] {
  return fs.readdirSync(folder).filter((f) => f.includes(stem) && f !== stem);
}

describe('backupDatabase', () => {
  it('restores a backup taken during writes to a database that passes every check and holds every update acknowledged before it began', { timeout: 60_000 }, async () => {
    const source = path.join(dir, 'live.db');
    const { db, actor } = createOpsDatabase(source, 0);
    db.$client.close();
    const writer = spawn(process.execPath, [...TSX, WRITER, source, JSON.stringify(actor)], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(writer);
    const acks: WriterAck[] = [];
    let stderr = '';
    writer.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: writer.stdout! }).on('line', (line) => acks.push(JSON.parse(line) as WriterAck));
    const alive = () => {
      if (writer.exitCode !== null) throw new Error(`the writer exited (${writer.exitCode}): ${stderr}`);
      return true;
    };

    await until(() => alive() && acks.length >= 40, 30_000, 'the writer');
    const ackedBefore = acks.slice();
    const backup = path.join(dir, 'live-backup.db');
    const began = Date.now();
    const result = await backupDatabase(backup, { source });
    const ended = Date.now();
    await until(() => alive() && acks.length >= ackedBefore.length + 20, 30_000, 'writes after the backup');
    writer.kill('SIGKILL');
    await new Promise((r) => writer.once('exit', r));

    expect(result.check.problems).toEqual([]);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    const restored = path.join(dir, 'restored', 'app.db');
    restoreDatabase(backup, { target: restored });
    const check = checkDatabaseFile(restored);
    expect(check.problems).toEqual([]);
    expect(check.skipped).toEqual([]);

    const restoredUpdates = rows(restored, 'status_updates');
    const notes = new Set([...restoredUpdates.values()].map((u) => u.note));
    expect(ackedBefore.filter((a) => !notes.has(a.note))).toEqual([]);
    // Nothing that is not in the source: every restored row is the source's row with that id.
    const sourceUpdates = rows(source, 'status_updates');
    const sourceEvents = rows(source, 'audit_events');
    expect([...restoredUpdates.values()].filter((u) => JSON.stringify(u) !== JSON.stringify(sourceUpdates.get(u.id as number)))).toEqual([]);
    expect([...rows(restored, 'audit_events').values()].filter((e) => JSON.stringify(e) !== JSON.stringify(sourceEvents.get(e.id as number)))).toEqual([]);
    const inBackup = acks.filter((a) => notes.has(a.note)).length;
    expect(inBackup).toBeGreaterThanOrEqual(ackedBefore.length);
    expect(inBackup).toBeLessThan(acks.length);
    const ackedDuring = acks.filter((a) => a.at >= began && a.at <= ended).length;
    console.log(
      `Backup during writes: ${ackedBefore.length} updates acknowledged before it began, ${ackedDuring} committed while it ran (${ended - began} ms: ` +
        `copy ${result.copyMs.toFixed(0)} ms, then checks), ${acks.length} in all; the backup (${result.bytes} bytes) holds ${inBackup} of them, ` +
        `including all ${ackedBefore.length} acknowledged before it began.`,
    );
  });

  it('refuses to replace an existing file unless forced, and leaves it as it was', async () => {
    const source = path.join(dir, 'small.db');
    createOpsDatabase(source, 1).db.$client.close();
    const existing = path.join(dir, 'existing.db');
    fs.writeFileSync(existing, 'an older backup');
    await expect(backupDatabase(existing, { source })).rejects.toThrow(new RefusedError(`${existing} already exists; pass --force to replace it`));
    expect(fs.readFileSync(existing, 'utf8')).toBe('an older backup');
    await backupDatabase(existing, { source, force: true });
    expect(checkDatabaseFile(existing).problems).toEqual([]);
    await expect(backupDatabase(source, { source, force: true })).rejects.toThrow(/is the database itself/);
    await expect(backupDatabase(path.join(dir, 'no-such-folder', 'b.db'), { source })).rejects.toThrow(/does not exist/);
    expect(leftovers(dir, 'existing.db')).toEqual([]);
  });

  it('checks a temporary copy beside the destination; the final name appears only once the checks have passed', async () => {
    const source = path.join(dir, 'observed.db');
    createOpsDatabase(source, 1).db.$client.close();
    const destination = path.join(dir, 'observed-backup.db');
    const real = await vi.importActual<typeof import('./database-check')>('./database-check');
    const seen: { checked: string; destinationExisted: boolean }[] = [];
    vi.mocked(checkDatabaseFile).mockImplementationOnce((file) => {
      seen.push({ checked: file, destinationExisted: fs.existsSync(destination) });
      return real.checkDatabaseFile(file);
    });
    await backupDatabase(destination, { source });
    expect(seen).toEqual([{ checked: expect.stringMatching(new RegExp(`^${dir}/\\.observed-backup\\.db\\.backup-\\d+\\.tmp$`)), destinationExisted: false }]);
    expect(leftovers(dir, 'observed-backup.db')).toEqual([]);
  });

  it('writes nothing under the final name when the copy fails a check, and removes its temporary file', async () => {
    const source = path.join(dir, 'tampered.db');
    createOpsDatabase(source, 2).db.$client.close();
    const sqlite = new Database(source);
    sqlite.exec(`drop trigger audit_events_no_update; update audit_events set origin = 'elsewhere' where id = 1`);
    sqlite.close();
    const destination = path.join(dir, 'tampered-backup.db');
    await expect(backupDatabase(destination, { source })).rejects.toThrow(/fails its checks, so no backup was written:\n {2}audit chain: audit event #1 was changed/);
    expect(fs.existsSync(destination)).toBe(false);
    expect(leftovers(dir, 'tampered-backup.db')).toEqual([]);
  });
});
