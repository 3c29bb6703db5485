import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One line of the server's standard output: JSON, or `{ raw }` when it is not (which is a fault). */
export type LogLine = Record<string, unknown> & { raw?: string };

/** A `node server.js` of the operations spec's own; see `startServer`. */
export interface OpsServer {
  child: ChildProcess;
  baseURL: string;
  port: number;
  /** Everything the process wrote, standard output and error, for grepping. */
  output: () => string;
  /** Standard output, line by line. */
  lines: () => LogLine[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh database file, migrated and seeded with the demo accounts (`db:seed` migrates first). */
export async function prepareDatabase(databaseFile: string): Promise<void> {
  await run('npm', ['run', '--silent', 'db:seed', '--', '--demo'], { env: { ...process.env, DATABASE_URL: databaseFile } });
}

/**
 * Mounts a tmpfs of `sizeMb` on `dir` (the spec runs as root); returns why not when it cannot.
 */
export function mountTmpfs(dir: string, sizeMb: number): string | null {
  fs.mkdirSync(dir, { recursive: true });
  const { status, stderr, error } = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (status === 0) return null;
  return `mount -t tmpfs failed: ${error?.message ?? (stderr.trim() || `exit ${status}`)}`;
}

export function unmount(dir: string): void {
  spawnSync('umount', [dir]);
}

/** Appends to `file` until the filesystem has no space left. */
export function fillDisk(file: string): number {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const fd = fs.openSync(file, 'w');
  let written = 0;
  try {
    for (;;) written += fs.writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

/** `node server.js` on `databaseFile` and a free loopback port; waits until /api/health answers 200. */
export async function startServer(databaseFile: string): Promise<OpsServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawnServer(databaseFile, port);
  let output = '';
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    stdout += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const lines = () =>
    stdout
      .split('\n')
      .filter(Boolean)
      .map((line): LogLine => {
        try {
          return JSON.parse(line) as LogLine;
        } catch {
          return { raw: line };
        }
      });
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.js exited before serving:\n${output}`);
    if (Date.now() > until) throw new Error(`server.js did not answer /api/health within 60 s:\n${output}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, baseURL, port, output: () => output, lines, exited };
}

export function spawnServer(databaseFile: string, port: number): ChildProcess {
  const env = { ...process.env, DATABASE_URL: databaseFile, PORT: undefined };
  return spawn(process.execPath, [path.join(process.cwd(), 'server.js'), '--hostname', '127.0.0.1', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}
