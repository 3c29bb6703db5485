import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpsDatabase } from '@/lib/testing/ops-db';

let dir: string;
let source: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-commands-'));
  source = path.join(dir, 'app.db');
  createOpsDatabase(source, 2).db.$client.close();
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const SCRIPTS: Record<string, string> = { 'db:backup': 'scripts/db-backup.ts', 'db:restore': 'scripts/db-restore.ts' };

/**
 * `npm run <script> -- <args>` as an operator runs it, with DATABASE_URL set; `direct` runs the
 * same command line as package.json's tsx does, without npm's second of start-up.
 */
function run(script: string, args: string[], database: string, direct = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [command, argv] = direct
    ? [process.execPath, ['--conditions=react-server', '--import', 'tsx', SCRIPTS[script]!, ...args]]
    : ['npm', ['run', '--silent', script, '--', ...args]];
  const child = spawn(command, argv, { env: { ...process.env, DATABASE_URL: database } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const HEADS = /audit_events +(\d+) rows +([0-9a-f]{64})\n {2}status_updates +2 rows +([0-9a-f]{64})/;

describe('npm run db:backup and db:restore', () => {
  it('back up, refuse, restore and say what they did', { timeout: 60_000 }, async () => {
    const backup = path.join(dir, 'backup.db');
    const taken = await run('db:backup', [backup], source);
    expect(taken).toMatchObject({ code: 0, stderr: '' });
    expect(taken.stdout).toMatch(new RegExp(`^Backed up ${source} to ${backup}: [\\d.]+ kB \\([\\d,]+ bytes\\) in \\d+\\.\\d\\d s \\(copy \\d+\\.\\d\\d s\\), mode 0600\\.\n`));
    expect(taken.stdout).toMatch(/Checked in \d+\.\d\d s(?: \([^)]*\))?: integrity, foreign keys, schema \((\d+) of \1 migrations\), derived data, audit chain ok\./);
    const heads = HEADS.exec(taken.stdout)!.slice(1);

    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database');
    const restored = path.join(dir, 'restored', 'app.db');
    const [again, usage, refused, restore] = await Promise.all([
      run('db:backup', [backup], source, true),
      run('db:restore', ['--yes', backup], restored, true),
      run('db:restore', [junk], restored, true),
      run('db:restore', [backup], restored),
    ]);
    expect(again).toMatchObject({ code: 1, stdout: '', stderr: `Backup refused: ${backup} already exists; pass --force to replace it\n` });
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Usage: npm run db:restore -- <backup file>/) });
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: `Restore refused: ${junk} fails its checks; the database was not changed:\n  not a SQLite database\n` });
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toMatch(new RegExp(`^Restored ${backup} into ${restored}: .*, mode 0600\\.\nThere was no previous database\\.\n`));
    expect(HEADS.exec(restore.stdout)!.slice(1)).toEqual(heads);

    const replaced = await run('db:restore', [backup], restored);
    expect(replaced).toMatchObject({ code: 0, stderr: '' });
    expect(replaced.stdout).toMatch(new RegExp(`\nThe previous database is kept as ${restored}\\.before-restore-\\d{8}T\\d{6}Z; delete it once the restored one is confirmed\\.\n`));
  });
});
