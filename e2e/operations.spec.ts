import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, formAlert, signIn } from './helpers';
import { fillDisk, mountTmpfs, prepareDatabase, spawnServer, startServer, unmount, type LogLine, type OpsServer } from './operations-server';

/**
 * Operations (#12): a `node server.js` of this spec's own on a fresh database, on a small tmpfs
 * when the machine allows mounting one. Logs, request ids, the lock file, a full disk, then
 * SIGTERM (last: it stops the server).
 */
const CODE = 'CET23-BIO-01';
const OFFICIAL = 'msit@demo.example';
const RUN = Date.now().toString(36);
const FORM_NOTE = `Form note ${RUN}: 심사 결과 공지 준비`;
const API_NOTE = `API note ${RUN}: working group met`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let dir: string;
let disk: string;
let tmpfsMissing: string | null;
let databaseFile: string;
let server: OpsServer;
let api: APIRequestContext;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const started = performance.now();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-ops-'));
  disk = path.join(dir, 'disk');
  // 8 MB: the seeded database (about 0.3 MB), its WAL and what the spec writes, with room to spare.
  tmpfsMissing = mountTmpfs(disk, 8);
  databaseFile = path.join(disk, 'app.db');
  await prepareDatabase(databaseFile);
  server = await startServer(databaseFile);
  api = await playwrightRequest.newContext({ baseURL: server.baseURL });
  await signInApi();
  console.log(`operations server: database ${tmpfsMissing ? `on ${os.tmpdir()} (${tmpfsMissing})` : 'on an 8 MB tmpfs'}, seeded and serving in ${Math.round(performance.now() - started)} ms`);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus || !server) return;
  await testInfo.attach('server output', { body: server.output(), contentType: 'text/plain' });
  console.log(`The server's last lines:\n${server.output().trim().split('\n').slice(-25).join('\n')}`);
});

/** Signs `api` in (again: a fresh session, whose last-seen time needs no write for a minute). */
async function signInApi() {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect((await api.post('/api/auth/callback/credentials', { form: { csrfToken, email: OFFICIAL, password: DEMO_PASSWORD, json: 'true' } })).ok()).toBe(true);
}

test.afterAll(async () => {
  await api?.dispose();
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  if (!tmpfsMissing) unmount(disk);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The request log line of the response with this X-Request-Id (it is written as the response ends). */
async function requestLine(requestId: string): Promise<LogLine> {
  await expect.poll(() => server.lines().some((l) => l.msg === 'request' && l.requestId === requestId)).toBe(true);
  return server.lines().find((l) => l.msg === 'request' && l.requestId === requestId)!;
}

async function state(): Promise<{ version: number; history: unknown[] }> {
  const response = await api.get(`/api/v1/commitments/${CODE}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { version: number; history: unknown[] };
}

const postUpdate = (version: number, note: string) =>
  api.post(`/api/v1/commitments/${CODE}/updates`, { data: { status: 'in_progress', progress: 30, note, effectiveDate: '2024-05-02', version } });

test('every response carries a fresh X-Request-Id, and each request is one JSON log line', async () => {
  const answers = [await fetch(`${server.baseURL}/api/health?probe=1`, { headers: { 'X-Request-Id': 'chosen-by-client' } }), await fetch(`${server.baseURL}/login`)];
  const ids = answers.map((a) => a.headers.get('x-request-id') ?? '');
  for (const id of ids) expect(id).toMatch(UUID);
  expect(ids[0]).not.toBe(ids[1]);

  const line = await requestLine(ids[0]!);
  expect(line).toMatchObject({ level: 'info', method: 'GET', route: '/api/health', status: 200, userId: null });
  expect(typeof line.durationMs).toBe('number');
  expect(typeof line.time).toBe('string');
  expect(await requestLine(ids[1]!)).toMatchObject({ route: '/login', status: 200, userId: null });
  expect(server.output()).not.toContain('chosen-by-client');
  // Standard output is JSON lines only: Next.js's own console output goes through the logger.
  expect(server.lines().filter((l) => l.raw !== undefined)).toEqual([]);
});

test('a signed-in page, server action and API request log the user, and no password, cookie or note', async ({ page }) => {
  await page.goto(`${server.baseURL}/commitments/${CODE}`);
  await signIn(page, OFFICIAL);
  const me = (await (await page.request.get(`${server.baseURL}/api/v1/me`)).json()) as { id: number };

  const pageAnswer = await page.goto(`${server.baseURL}/commitments/${CODE}`);
  const [actionAnswer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/commitments/${CODE}`)),
    (async () => {
      await page.getByLabel('New status').selectOption('in_progress');
      await page.getByLabel('Progress (%)').fill('20');
      await page.getByLabel('Note').fill(FORM_NOTE);
      await page.getByRole('button', { name: 'Record update' }).click();
    })(),
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Update recorded.' })).toBeVisible();
  const apiAnswer = await postUpdate((await state()).version, API_NOTE);
  expect(apiAnswer.status()).toBe(201);

  expect(await requestLine(pageAnswer!.headers()['x-request-id']!)).toMatchObject({ method: 'GET', route: `/commitments/${CODE}`, status: 200, userId: me.id });
  expect(await requestLine((await actionAnswer.allHeaders())['x-request-id']!)).toMatchObject({ method: 'POST', route: `/commitments/${CODE}`, status: 200, userId: me.id });
  expect(await requestLine(apiAnswer.headers()['x-request-id']!)).toMatchObject({ method: 'POST', route: `/api/v1/commitments/${CODE}/updates`, status: 201, userId: me.id });

  const secrets = [DEMO_PASSWORD, FORM_NOTE, API_NOTE, ...(await page.context().cookies()).map((c) => c.value), ...(await api.storageState()).cookies.map((c) => c.value)];
  const output = server.output();
  for (const secret of secrets.filter((s) => s.length >= 8)) expect(output.includes(secret), `the log holds ${secret.slice(0, 12)}…`).toBe(false);
});

test('a second server on the same database refuses to start and names the holder', async () => {
  const lock = JSON.parse(fs.readFileSync(`${databaseFile}.lock`, 'utf8')) as { pid: number };
  expect(lock.pid).toBe(server.child.pid);
  const second = spawnServer(databaseFile, server.port + 1);
  let output = '';
  second.stdout!.on('data', (c: Buffer) => void (output += c.toString('utf8')));
  const serving = setTimeout(() => second.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
  clearTimeout(serving);
  expect(code).toBe(1);
  expect(output).toContain(`is held by process ${server.child.pid}`);
  expect(JSON.parse(fs.readFileSync(`${databaseFile}.lock`, 'utf8'))).toEqual(lock);
});

test('a full disk: 503 storage_full and a log line, nothing written, and the same update succeeds once space returns', async ({ page }) => {
  test.skip(tmpfsMissing !== null, `${tmpfsMissing}; lib/http/storage-full.test.ts simulates a full database with max_page_count`);
  // Every sign-in first: it writes a session, which a full disk would refuse.
  await signInApi();
  await page.goto(`${server.baseURL}/commitments/${CODE}`);
  await signIn(page, OFFICIAL);
  const before = await state();
  const filler = path.join(disk, 'filler');
  const filled = fillDisk(filler);
  const note = `Long note ${'가'.repeat(4000)}`;

  const refused = await postUpdate(before.version, note);
  expect(refused.status()).toBe(503);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('storage_full');
  const requestId = refused.headers()['x-request-id']!;
  expect(server.lines().find((l) => l.msg === 'storage full: the write was rolled back' && l.requestId === requestId)).toBeTruthy();
  expect(await requestLine(requestId)).toMatchObject({ status: 503 });
  expect(await state()).toEqual(before);

  // The form says so in words.
  await page.getByLabel('Progress (%)').fill('35');
  await page.getByLabel('Note').fill(note);
  await page.getByRole('button', { name: 'Record update' }).click();
  await expect(formAlert(page)).toContainText('The server’s storage is full, so nothing was saved.');
  expect(await state()).toEqual(before);

  fs.rmSync(filler);
  const accepted = await postUpdate(before.version, note);
  expect(accepted.status()).toBe(201);
  expect((await state()).history).toHaveLength(before.history.length + 1);
  console.log(`disk full: filler ${(filled / 1024 / 1024).toFixed(1)} MB; refused with 503, then accepted with 201 once it was removed`);
});

/** A POST whose body arrives in two halves, `gapMs` apart (never, when gapMs is Infinity). */
function slowPost(pathname: string, body: string, cookie: string, gapMs: number) {
  const request = http.request(`${server.baseURL}${pathname}`, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie },
  });
  const answer = new Promise<{ status: number; connection?: string; requestId?: string; at: number }>((resolve, reject) => {
    request.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, requestId: res.headers['x-request-id'] as string, at: performance.now() }));
    });
    request.once('error', reject);
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  if (gapMs !== Infinity) setTimeout(() => request.end(body.slice(half)), gapMs);
  return answer;
}

const refusedConnection = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve('connected')));
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });

test('SIGTERM: the request in flight completes, new connections are refused, the database is checkpointed and closed, exit 0', async () => {
  test.setTimeout(60_000);
  const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { version, history } = await state();
  const body = JSON.stringify({ status: 'in_progress', progress: 45, note: `during shutdown ${RUN}`, effectiveDate: '2024-05-03', version });
  const completes = slowPost(`/api/v1/commitments/${CODE}/updates`, body, cookie, 1_500);
  const stuck = slowPost(`/api/v1/commitments/${CODE}/updates`, body, cookie, Infinity).then(
    () => 'answered',
    (e: NodeJS.ErrnoException) => e.code ?? e.message,
  );
  await new Promise((r) => setTimeout(r, 300));

  const signalled = performance.now();
  server.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  expect(await refusedConnection(server.port)).toBe('ECONNREFUSED');

  const slow = await completes;
  expect(slow).toMatchObject({ status: 201, connection: 'close' });
  const exit = await server.exited;
  const stoppedAfter = performance.now() - signalled;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(await stuck).toMatch(/ECONNRESET|socket hang up/);
  expect(stoppedAfter).toBeLessThan(11_500);

  expect(fs.existsSync(`${databaseFile}.lock`)).toBe(false);
  expect(fs.existsSync(`${databaseFile}-wal`) ? fs.statSync(`${databaseFile}-wal`).size : 0).toBe(0);
  const lines = server.lines();
  expect(lines.find((l) => l.msg === 'request' && l.requestId === slow.requestId)).toMatchObject({ method: 'POST', status: 201, userId: expect.any(Number) });
  // The stuck request, cut: no response was sent. (The browser's aborted prefetches are GETs.)
  expect(lines.filter((l) => l.msg === 'request' && l.aborted && l.method === 'POST')).toEqual([expect.objectContaining({ route: `/api/v1/commitments/${CODE}/updates`, status: null })]);
  expect(lines.find((l) => l.msg === 'shutdown: cutting the requests still in flight')).toMatchObject({ cut: 1 });
  expect(lines.find((l) => l.msg === 'database: checkpointed')).toMatchObject({ checkpoint: { busy: 0 } });
  expect(lines.at(-1)).toMatchObject({ msg: 'shutdown: stopped', signal: 'SIGTERM', cut: 1 });

  // The update acknowledged during the shutdown is in the database, which opens clean.
  const db = new Database(databaseFile);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const recorded = db.prepare('select count(*) as n from status_updates u join commitments c on c.id = u.commitment_id where c.code = ?').get(CODE) as { n: number };
  expect(recorded.n).toBe(history.length + 1);
  db.close();
  console.log(
    `SIGTERM: the slow request completed ${Math.round(slow.at - signalled)} ms after the signal; ` +
      `the process exited (code 0) ${Math.round(stoppedAfter)} ms after it, having cut 1 stuck request at the 10 s limit`,
  );
});
