import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { expect, test, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';
import { npmRun, Recorder, startServer, type LoadServer } from './load-harness';

/**
 * Load proof (#12): a production server of its own, on a freshly seeded database, under several
 * concurrent clients for LOAD_SECONDS: officials updating their own commitments and shared ones,
 * two of them racing on purpose, while analysts read the dashboard, the list at past dates and
 * export quarterly reports. Then: no 5xx, nothing unexpected, and every acknowledged update is in
 * the history exactly once, every refused one not at all, and the versions add up.
 */
const LOAD_MS = Number(process.env.LOAD_SECONDS ?? 20) * 1000;
const SEED_COMMITMENTS = 19;
const RUN = randomUUID().slice(0, 8);
const OPEN_STATUSES = ['not_started', 'in_progress', 'at_risk', 'delayed'] as const;

/** Each writes to a commitment nobody else writes to: a 409 here would be a false conflict. */
const OWN = [
  { email: 'kats@demo.example', code: 'CET23-AI-04' },
  { email: 'rist@demo.example', code: 'CET23-BAT-01' },
  { email: 'kesco@demo.example', code: 'CET23-BAT-02' },
  { email: 'kriss@demo.example', code: 'CET23-QNT-01' },
];
/** Several writers on one commitment: its lead and partner agencies, and one official twice. */
const SHARED = [
  { email: 'motie@demo.example', code: 'CET23-SEMI-01' },
  { email: 'doc@demo.example', code: 'CET23-SEMI-01' },
  { email: 'mohw@demo.example', code: 'CET23-BIO-02' },
  { email: 'mohw@demo.example', code: 'CET23-BIO-02' },
  { email: 'nih@demo.example', code: 'CET23-BIO-02' },
];
/** Two agencies that read the same version, then post at the same moment: exactly one may win. */
const RACE = { code: 'CET23-SEMI-02', emails: ['motie@demo.example', 'doc@demo.example'] };

interface Attempt {
  token: string;
  code: string;
  sentVersion: number;
  status: number;
  /** The version a 201 says it produced, or the current version a 409 reports. */
  version?: number;
}

const randomInt = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(xs: readonly T[]): T => xs[randomInt(xs.length)]!;
/** A calendar date between the dialogue (2023-12-09) and a month ago: as-of reads, back-dated updates. */
const pastDate = () => new Date(Date.UTC(2023, 11, 9) + randomInt(Date.now() - 30 * 86_400_000 - Date.UTC(2023, 11, 9))).toISOString().slice(0, 10);
/** A quarter from 2024 Q1 to the last one that has ended. */
function pastQuarter(): string {
  const now = new Date();
  const q = 2024 * 4 + randomInt(now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 2024 * 4);
  return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
}

let server: LoadServer | undefined;
test.afterAll(async () => {
  await server?.stop(5_000);
  server?.cleanUp();
});

test('under concurrent writers and readers, every acknowledged update is kept once and nothing fails', async () => {
  test.setTimeout(150_000);
  const started = Date.now();
  server = await startServer();
  const setupMs = Date.now() - started;
  const { baseURL } = server;
  const rec = new Recorder();
  const attempts: Attempt[] = [];
  const raceRounds: number[][] = [];
  const contexts: APIRequestContext[] = [];

  async function signedIn(email: string): Promise<APIRequestContext> {
    const api = await playwrightRequest.newContext({ baseURL });
    contexts.push(api);
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const answer = await api.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: '/', json: 'true' }, maxRedirects: 0 });
    expect(answer.status(), `sign-in of ${email}`).toBeLessThan(400);
    expect((await api.get('/api/v1/me')).status(), `session of ${email}`).toBe(200);
    return api;
  }

  /** Sends one request, times it to the last byte and records anything but `expected`. */
  async function call(api: APIRequestContext, kind: string, url: string, expected: readonly number[], data?: unknown) {
    const t0 = performance.now();
    try {
      const response = await api.fetch(url, { method: data === undefined ? 'GET' : 'POST', data, maxRedirects: 0, timeout: 30_000 });
      const body = await response.body();
      rec.add({ kind, route: `${data === undefined ? 'GET' : 'POST'} ${url}`, status: response.status(), ms: Math.round(performance.now() - t0) }, expected, () => body.toString('utf8'));
      return { status: response.status(), body, headers: response.headers() };
    } catch (error) {
      rec.add({ kind, route: url, status: 0, ms: Math.round(performance.now() - t0) }, expected, () => String(error));
      return { status: 0, body: Buffer.alloc(0), headers: {} as Record<string, string> };
    }
  }

  async function readVersion(api: APIRequestContext, code: string): Promise<number | undefined> {
    const { status, body } = await call(api, 'commitment read', `/api/v1/commitments/${code}`, [200]);
    return status === 200 ? (JSON.parse(body.toString('utf8')) as { version: number }).version : undefined;
  }

  /** One update with a note no other request carries; a back-dated effective date one time in four. */
  async function postUpdate(api: APIRequestContext, code: string, version: number, writer: string): Promise<Attempt> {
    const token = `load-${RUN}-${writer}-${attempts.length}-${randomUUID().slice(0, 8)}`;
    const data = { status: pick(OPEN_STATUSES), progress: randomInt(100), note: token, version, ...(randomInt(4) === 0 ? { effectiveDate: pastDate() } : {}) };
    const { status, body } = await call(api, 'update', `/api/v1/commitments/${code}/updates`, [201, 409], data);
    const parsed = status === 201 || status === 409 ? (JSON.parse(body.toString('utf8')) as { version?: number; error?: { code: string; current?: { version: number } } }) : {};
    if (status === 409) expect(parsed.error?.code, `409 body of ${token}`).toBe('conflict');
    const attempt: Attempt = { token, code, sentVersion: version, status, version: status === 201 ? parsed.version : parsed.error?.current?.version };
    attempts.push(attempt);
    return attempt;
  }

  /** Reads the version, posts with it; after a 409 the next turn re-reads and tries again. */
  async function writer(api: APIRequestContext, code: string, name: string, until: number) {
    while (Date.now() < until) {
      const version = await readVersion(api, code);
      if (version !== undefined) await postUpdate(api, code, version, name);
    }
  }

  async function racers(apis: APIRequestContext[], until: number) {
    while (Date.now() < until) {
      const versions = await Promise.all(apis.map((api) => readVersion(api, RACE.code)));
      if (versions.some((v) => v !== versions[0]) || versions[0] === undefined) throw new Error(`racers read different versions: ${versions.join(', ')}`);
      const results = await Promise.all(apis.map((api, i) => postUpdate(api, RACE.code, versions[0]!, `race${i}`)));
      raceRounds.push(results.map((r) => r.status));
    }
  }

  async function dashboardReader(api: APIRequestContext, until: number) {
    while (Date.now() < until) {
      await call(api, 'dashboard page /', '/', [200]);
      await call(api, 'dashboard API', '/api/v1/dashboard', [200]);
      await call(api, 'dashboard API asOf', `/api/v1/dashboard?asOf=${pastDate()}`, [200]);
    }
  }

  async function listReader(api: APIRequestContext, until: number) {
    while (Date.now() < until) {
      await call(api, 'list page asOf', `/commitments?asOf=${pastDate()}`, [200]);
      const { status, body } = await call(api, 'list API asOf', `/api/v1/commitments?asOf=${pastDate()}&sort=status&pageSize=50`, [200]);
      if (status === 200) expect((JSON.parse(body.toString('utf8')) as { total: number }).total).toBe(SEED_COMMITMENTS);
    }
  }

  async function exporter(api: APIRequestContext, until: number) {
    for (let i = 0; Date.now() < until; i += 1) {
      const xlsx = i % 3 === 2;
      const { status, body } = await call(api, xlsx ? 'report XLSX' : 'report CSV', `/api/v1/reports/quarterly?quarter=${pastQuarter()}&lang=${pick(['en', 'ko'])}&format=${xlsx ? 'xlsx' : 'csv'}`, [200]);
      if (status !== 200) continue;
      if (xlsx) expect(body.subarray(0, 2).toString('latin1'), 'an XLSX file is a zip').toBe('PK');
      else expect((parse(body.toString('utf8').slice(1)) as string[][]).length - 1, 'CSV rows').toBe(SEED_COMMITMENTS);
    }
  }

  const [own, shared, race, analysts] = await Promise.all([
    Promise.all(OWN.map((w) => signedIn(w.email))),
    Promise.all(SHARED.map((w) => signedIn(w.email))),
    Promise.all(RACE.emails.map(signedIn)),
    Promise.all([1, 2, 3].map(() => signedIn('analyst@demo.example'))),
  ]);

  const loadStarted = Date.now();
  const signInMs = loadStarted - started - setupMs;
  const until = loadStarted + LOAD_MS;
  // Every client runs to the end even when another has failed, so none outlives the server.
  const outcomes = await Promise.allSettled([
    ...OWN.map((w, i) => writer(own[i]!, w.code, `own${i}`, until)),
    ...SHARED.map((w, i) => writer(shared[i]!, w.code, `shared${i}`, until)),
    racers(race, until),
    dashboardReader(analysts[0]!, until),
    listReader(analysts[1]!, until),
    exporter(analysts[2]!, until),
  ]);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  const loadMs = Date.now() - loadStarted;
  const loadRequests = rec.samples.length;

  const accepted = new Map<string, Attempt[]>();
  for (const a of attempts) if (a.status === 201) accepted.set(a.code, [...(accepted.get(a.code) ?? []), a]);
  const touched = [...new Set([...OWN, ...SHARED].map((w) => w.code)), RACE.code];

  // The history as the API shows it, while the server still runs.
  const apiHistory = new Map<string, { version: number; notes: string[] }>();
  for (const code of touched) {
    const { body } = await call(analysts[0]!, 'history read after load', `/api/v1/commitments/${code}`, [200]);
    const detail = JSON.parse(body.toString('utf8')) as { version: number; history: { note: string }[] };
    apiHistory.set(code, { version: detail.version, notes: detail.history.map((h) => h.note) });
  }
  await Promise.all(contexts.map((c) => c.dispose()));
  const stopped = await server.stop();

  // The history as the file holds it once the server has stopped.
  const db = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
  const rowsPerNote = new Map((db.prepare('select note, count(*) as n from status_updates group by note').all() as { note: string; n: number }[]).map((r) => [r.note, r.n]));
  const versions = new Map((db.prepare('select code, version from commitments').all() as { code: string; version: number }[]).map((r) => [r.code, r.version]));
  const historyRows = (db.prepare('select count(*) as n from status_updates').get() as { n: number }).n;
  db.close();
  // What an operator would run next: the derived tables and both hash chains after the load.
  const [derived, chains] = await Promise.all([npmRun(['db:verify'], server.databaseFile), npmRun(['audit:verify'], server.databaseFile)]);

  const count = (status: number) => attempts.filter((a) => a.status === status).length;
  console.log(
    [
      `load: ${contexts.length} clients, ${(loadMs / 1000).toFixed(1)} s of load, ${loadRequests} requests (${(loadRequests / (loadMs / 1000)).toFixed(1)}/s); ${((Date.now() - started) / 1000).toFixed(1)} s in all (database and server ${(setupMs / 1000).toFixed(1)} s, sign-ins ${(signInMs / 1000).toFixed(1)} s); server stopped with ${stopped.signal ?? `exit ${stopped.code}`}${stopped.killed ? ' (SIGKILL)' : ''}`,
      `updates: ${attempts.length} sent, ${count(201)} × 201, ${count(409)} × 409; race rounds ${raceRounds.length} (${raceRounds.map((r) => r.join('/')).slice(0, 8).join(', ')}…)`,
      `accepted per commitment: ${touched.map((c) => `${c} ${accepted.get(c)?.length ?? 0}`).join(', ')}`,
      `history rows ${historyRows}; db:verify exit ${derived.code}, audit:verify exit ${chains.code}: ${chains.output.split('\n').at(-1)}`,
      rec.table(),
    ].join('\n'),
  );

  expect(rec.serverErrors(), `5xx answers\n${server.logTail()}`).toEqual([]);
  expect(rec.unexpected, 'answers other than 200, 201 or 409').toEqual([]);
  expect(stopped.killed, 'the server stopped on SIGTERM').toBe(false);

  // Conflicts: there were some, each 409 names a newer version than the one sent, each race round had one winner.
  expect(count(409)).toBeGreaterThan(0);
  for (const a of attempts.filter((x) => x.status === 409)) expect(a.version, `current version in the 409 of ${a.token}`).toBeGreaterThan(a.sentVersion);
  expect(raceRounds.length).toBeGreaterThan(0);
  expect(raceRounds.filter((r) => r.filter((s) => s === 201).length !== 1), 'race rounds without exactly one 201').toEqual([]);
  expect(attempts.filter((a) => OWN.some((w) => w.code === a.code) && a.status !== 201), 'conflicts on commitments with a single writer').toEqual([]);

  // Nothing lost, nothing duplicated: one row per 201, none per 409, no row nobody was told of.
  expect(attempts.filter((a) => (rowsPerNote.get(a.token) ?? 0) !== (a.status === 201 ? 1 : 0)).map((a) => `${a.token} (${a.status}): ${rowsPerNote.get(a.token) ?? 0} rows`)).toEqual([]);
  expect(historyRows).toBe(count(201));

  // Versions: each 201 produced a distinct version, and each commitment ends at 1 + its accepted updates.
  for (const code of touched) {
    const mine = accepted.get(code) ?? [];
    expect(mine.map((a) => a.version).sort((x, y) => x! - y!), `versions acknowledged on ${code}`).toEqual(mine.map((_, i) => i + 2));
    expect(versions.get(code), `final version of ${code}`).toBe(1 + mine.length);
    expect(apiHistory.get(code)?.version).toBe(1 + mine.length);
    expect([...(apiHistory.get(code)?.notes ?? [])].sort(), `history of ${code} through the API`).toEqual(mine.map((a) => a.token).sort());
  }
  expect(derived, 'db:verify after the load').toMatchObject({ code: 0 });
  expect(chains, 'audit:verify after the load').toMatchObject({ code: 0 });
  expect([...versions].filter(([code, v]) => !touched.includes(code) && v !== 1), 'commitments nobody wrote to').toEqual([]);
});
