import fs from 'node:fs';
import { freePort } from './operations-server';
import os from 'node:os';
import path from 'node:path';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A production server of the load spec's own, on its own database; see `startServer`. */
export interface LoadServer {
  baseURL: string;
  databaseFile: string;
  /** The server's last output lines, to print when something went wrong. */
  logTail: () => string;
  /** SIGTERM, then waits for the process to exit (SIGKILL after `graceMs`). */
  stop: (graceMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null; killed: boolean }>;
  /** Removes the temporary folder (the database with it). */
  cleanUp: () => void;
}

/** `npm run <script>` on the given database; resolves with its exit code and output, even when it fails. */
export async function npmRun(args: string[], databaseFile: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', ...args], { env: { ...process.env, DATABASE_URL: databaseFile } });
    return { code: 0, output: `${stdout}${stderr}`.trim() };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout ?? ''}${e.stderr ?? String(error)}`.trim() };
  }
}

async function waitForHealth(baseURL: string, child: ChildProcess, logTail: () => string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The load server exited before serving:\n${logTail()}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The load server did not answer /api/health within ${timeoutMs} ms:\n${logTail()}`);
}

/**
 * Migrates and seeds (demo accounts) a database in a fresh temporary folder, then serves the
 * production build on it with `node server.js` on a free loopback port, as `npm start` does.
 */
export async function startServer(): Promise<LoadServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-load-'));
  const databaseFile = path.join(dir, 'load.db');
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseFile, PORT: undefined };
  await run('npm', ['run', '--silent', 'db:migrate'], { env });
  // --no-sample: the spec counts the shipped dialogue's 19 commitments and every history row.
  await run('npm', ['run', '--silent', 'db:seed', '--', '--demo', '--no-sample'], { env });

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['server.js', '--hostname', '127.0.0.1', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const logTail = () => lines.slice(-60).join('\n');

  const stop: LoadServer['stop'] = async (graceMs = 20_000) => {
    let killed = false;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, graceMs);
      await exited;
      clearTimeout(timer);
    }
    return { code: child.exitCode, signal: child.signalCode, killed };
  };
  const cleanUp = () => fs.rmSync(dir, { recursive: true, force: true });

  try {
    await waitForHealth(baseURL, child, logTail, 60_000);
  } catch (error) {
    await stop(5_000);
    cleanUp();
    throw error;
  }
  return { baseURL, databaseFile, logTail, stop, cleanUp };
}

/** One answered (or unanswered: status 0) request. */
export interface Sample {
  kind: string;
  route: string;
  status: number;
  ms: number;
}

/** Latencies and answers per kind of request, and the answers no well-formed request should get. */
export class Recorder {
  readonly samples: Sample[] = [];
  readonly unexpected: string[] = [];

  add(sample: Sample, expected: readonly number[], body: () => string) {
    this.samples.push(sample);
    if (!expected.includes(sample.status)) this.unexpected.push(`${sample.route} → ${sample.status || 'no answer'}: ${body().slice(0, 300)}`);
  }

  serverErrors(): string[] {
    return this.unexpected.filter((line) => / → 5\d\d:/.test(line));
  }

  /** One line per kind: count, answers by status, p50/p95/max latency. */
  table(): string {
    const kinds = [...new Set(this.samples.map((s) => s.kind))];
    const rows = kinds.map((kind) => {
      const of = this.samples.filter((s) => s.kind === kind);
      const ms = of.map((s) => s.ms).sort((a, b) => a - b);
      const statuses = Object.entries(of.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}))
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      return `${kind.padEnd(26)} ${String(of.length).padStart(5)}  p50 ${pct(ms, 0.5)} ms  p95 ${pct(ms, 0.95)} ms  max ${ms.at(-1)} ms  ${statuses}`;
    });
    return rows.join('\n');
  }
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}
