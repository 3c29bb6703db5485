import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon, { type Request as CannonRequest } from 'autocannon';
import Database from 'better-sqlite3';
import { migrateDatabase, openDatabase } from '@/db/client';
import { signIn, waitForServer } from './bench-http';
import { generate, SIZES, type Size } from './generate-data';

/**
 * `npm run bench:load [-- --clients 8 --seconds 15 --size L --before]`: many readers at once, from
 * outside, against the production server (`npm run build` first) on a copy of the corpus
 * (data/bench-<size>.db, generated when missing; the copy takes the officials' saves).
 *
 * 1. The issue's six views, each for `seconds` at 1 client and then at `clients` clients (after a
 *    short warm-up that is not counted): repeat views, so the cache answers them.
 * 2. Uncached: the dashboard page and data at a different past date on every request.
 * 3. The mix, for twice `seconds`, `clients` connections in all: analysts on the default dashboard,
 *    on filtered and past dashboards, on the list today and at past dates, and officials saving
 *    updates (BENCH_LOAD_SAVES_PER_SECOND in all, default 2). Every acknowledged save is then looked
 *    for in the history.
 *
 * Prints p50/p95/p99 per view, throughput, 5xx and failed requests, the cache's hit rate per phase
 * and the server's peak resident memory. `--before` first runs everything on a server without the
 * cache and the workers (READ_CACHE_MB=0 READ_WORKERS=0 RENDER_CONCURRENCY=0: the old behaviour) and prints both, side
 * by side. Measures only; asserts nothing.
 */
const { values: opts } = parseArgs({
  options: {
    clients: { type: 'string', default: process.env.BENCH_LOAD_CLIENTS ?? '8' },
    seconds: { type: 'string', default: process.env.BENCH_LOAD_SECONDS ?? '15' },
    size: { type: 'string', default: 'L' },
    before: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3210' },
  },
});
const CLIENTS = Number(opts.clients);
const SECONDS = Number(opts.seconds);
const SIZE = opts.size as Size;
const PORT = Number(opts.port);
const BASE = `http://127.0.0.1:${PORT}`;
const SAVES_PER_SECOND = Number(process.env.BENCH_LOAD_SAVES_PER_SECOND ?? 2);
const WARMUP_SECONDS = 2;
const PAST = '2024-06-30';
const MID_MONTH = '2024-06-15';
const AGENCY = 'SNL';

/** The six views. */
const VIEWS = [
  { name: 'Dashboard page `/`', path: '/' },
  { name: '`/api/v1/dashboard`', path: '/api/v1/dashboard' },
  { name: `\`/api/v1/dashboard?asOf=${MID_MONTH}\``, path: `/api/v1/dashboard?asOf=${MID_MONTH}` },
  { name: `Dashboard page, agency ${AGENCY}`, path: `/?agency=${AGENCY}` },
  { name: '`/commitments`', path: '/commitments' },
  { name: `\`/commitments?asOf=${PAST}&sort=status\``, path: `/commitments?asOf=${PAST}&sort=status` },
] as const;

interface Figures {
  name: string;
  clients: number;
  latencies: number[];
  seconds: number;
  status5xx: number;
  failed: number;
  hitRate: number | null;
}

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const ms = (x: number) => (Number.isNaN(x) ? '—' : `${Math.round(x).toLocaleString('en-US')} ms`);
const rate = (f: Figures) => f.latencies.length / f.seconds;
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);


interface Metrics {
  readModel: { cache: { hits: number; misses: number; shared: number } | null };
  process: { peakRssBytes: number };
}
const metrics = async (admin: string) => (await (await fetch(`${BASE}/api/metrics`, { headers: { cookie: admin } })).json()) as Metrics;
const hitRateBetween = (a: Metrics, b: Metrics) => {
  const [x, y] = [a.readModel.cache, b.readModel.cache];
  if (!x || !y) return null;
  const hits = y.hits - x.hits;
  const reads = hits + y.misses - x.misses + y.shared - x.shared;
  return reads ? hits / reads : null;
};

/** One autocannon run; its latencies (ms), 5xx and failed requests. */
async function cannon(name: string, options: autocannon.Options, clients: number, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let status5xx = 0;
  let failed = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options, connections: clients, duration: seconds, timeout: 60 }, (error: unknown, r: autocannon.Result) => (error ? reject(error) : resolve(r)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 500) status5xx++;
    });
    instance.on('reqError', () => failed++);
  });
  failed += result.timeouts;
  return { name, clients, latencies, seconds, status5xx, failed, hitRate: null };
}

async function view(name: string, requests: CannonRequest[] | string, cookie: string, clients: number, seconds: number, admin: string): Promise<Figures> {
  const before = await metrics(admin);
  const options: autocannon.Options = typeof requests === 'string' ? { url: BASE + requests, headers: { cookie } } : { url: BASE, headers: { cookie }, requests };
  const figures = await cannon(name, options, clients, seconds);
  figures.hitRate = hitRateBetween(before, await metrics(admin));
  return figures;
}

/** A different past date on every request, across all connections: every one a cache miss. */
function pastDates(path: string): CannonRequest[] {
  const start = Date.parse('2023-12-10T00:00:00Z');
  let i = 0;
  return [{ setupRequest: (req) => ({ ...req, path: `${path}?asOf=${new Date(start + (i++ % 1000) * 86_400_000).toISOString().slice(0, 10)}` }) }];
}

interface Official {
  email: string;
  cookie: string;
  commitments: { code: string; version: number; progress: number }[];
}

/** Officials' saves: each connection walks its own commitments, with the version each save returned. */
function saveRequests(official: Official, runId: string, acked: Set<string>, refused: Map<number, number>): CannonRequest[] {
  let next = 0;
  let n = 0;
  return [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const c = official.commitments[next++ % official.commitments.length]!;
        const note = `bench-load ${runId} ${official.email} #${n++}`;
        (context as Record<string, unknown>).pending = { c, note };
        return {
          ...req,
          path: `/api/v1/commitments/${encodeURIComponent(c.code)}/updates`,
          headers: { ...req.headers, cookie: official.cookie, 'content-type': 'application/json', origin: BASE },
          body: JSON.stringify({ status: 'in_progress', progress: (c.progress = (c.progress % 99) + 1), note, version: c.version }),
        };
      },
      onResponse: (status, body, context) => {
        const { c, note } = (context as { pending: { c: Official['commitments'][number]; note: string } }).pending;
        if (status === 201) {
          c.version = (JSON.parse(body) as { version: number }).version;
          acked.add(note);
        } else {
          refused.set(status, (refused.get(status) ?? 0) + 1);
          const current = (JSON.parse(body) as { error?: { current?: { version?: number } } }).error?.current;
          if (current?.version) c.version = current.version;
        }
      },
    },
  ];
}

/** The officials with the most open commitments they lead, and those commitments. */
function officialsOf(file: string, count: number): Omit<Official, 'cookie'>[] {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      `select u.email, u.agency_id as agencyId from users u
       where u.role = 'official' and u.active = 1
       order by (select count(*) from commitments c where c.lead_agency_id = u.agency_id and c.status in ('not_started', 'in_progress') and c.archived_at is null) desc limit ?`,
    )
    .all(count) as { email: string; agencyId: number }[];
  const out = rows.map((r) => ({
    email: r.email,
    commitments: db
      .prepare(`select code, version, progress from commitments where lead_agency_id = ? and status in ('not_started', 'in_progress') and archived_at is null and progress < 99 order by id limit 400`)
      .all(r.agencyId) as { code: string; version: number; progress: number }[],
  }));
  db.close();
  return out;
}

function prepareCopy(size: Size): string {
  const file = `data/bench-${size}.db`;
  const copy = `data/bench-${size}-load.db`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  fs.copyFileSync(file, copy);
  return copy;
}

interface Run {
  label: string;
  views: { one: Figures; many: Figures }[];
  uncached: Figures[];
  alone: Figures;
  mix: Figures[];
  saves: { acked: number; found: number; refused: Map<number, number>; perSecond: number };
  mixHitRate: number | null;
  peakRss: number;
}

async function runAgainst(label: string, env: Record<string, string>): Promise<Run> {
  const file = prepareCopy(SIZE);
  console.error(`\n[${label}] serving ${file} (${JSON.stringify(env)})…`);
  const server = spawn('node', ['server.js', '--hostname', '127.0.0.1', '--port', String(PORT)], {
    env: { ...process.env, ...env, DATABASE_URL: file },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForServer(BASE, server);
    const [analyst, admin] = [await signIn(BASE, 'analyst@demo.example'), await signIn(BASE, 'admin@demo.example')];
    const officials: Official[] = [];
    for (const o of officialsOf(file, 2)) officials.push({ ...o, cookie: await signIn(BASE, o.email) });

    const views: Run['views'] = [];
    for (const v of VIEWS) {
      console.error(`[${label}] ${v.name}`);
      await cannon('warm-up', { url: BASE + v.path, headers: { cookie: analyst } }, 1, WARMUP_SECONDS);
      views.push({ one: await view(v.name, v.path, analyst, 1, SECONDS, admin), many: await view(v.name, v.path, analyst, CLIENTS, SECONDS, admin) });
    }
    console.error(`[${label}] uncached`);
    const uncached = [
      await view('Dashboard page, a different past date each request', pastDates('/'), analyst, CLIENTS, SECONDS, admin),
      await view('`/api/v1/dashboard`, a different past date each request', pastDates('/api/v1/dashboard'), analyst, CLIENTS, SECONDS, admin),
    ];
    // One official saving, nothing else running: what a save costs by itself.
    const alone = await cannon('Officials saving, nothing else running', { url: BASE, requests: saveRequests(officials[0]!, `alone-${Date.now()}`, new Set(), new Map()) }, 1, SECONDS);

    console.error(`[${label}] mix`);
    const runId = `${label}-${Date.now()}`;
    const acked = new Set<string>();
    const refused = new Map<number, number>();
    const mixSeconds = SECONDS * 2;
    const readers = Math.max(CLIENTS - officials.length, 1);
    // Of the readers: half on the default dashboard, the rest spread over filtered/past dashboards and the list.
    const onDefault = Math.max(1, Math.floor(readers / 2));
    const rest = readers - onDefault;
    const filtered: CannonRequest[] = [`/?agency=${AGENCY}`, '/?area=BIO', `/?asOf=${PAST}`, '/?country=US', `/api/v1/dashboard?asOf=${MID_MONTH}`, `/?agency=${AGENCY}&asOf=${PAST}`].map((path) => ({ path }));
    const lists: CannonRequest[] = ['/commitments', `/commitments?asOf=${PAST}&sort=status`, '/commitments?page=2', '/commitments?status=delayed', `/commitments?asOf=${MID_MONTH}`].map((path) => ({ path }));
    const before = await metrics(admin);
    const streams: Promise<Figures>[] = [cannon('Default dashboard page `/`', { url: `${BASE}/`, headers: { cookie: analyst } }, onDefault, mixSeconds)];
    const onFiltered = Math.ceil(rest / 2);
    if (onFiltered) streams.push(cannon('Filtered and past dashboards', { url: BASE, headers: { cookie: analyst }, requests: filtered }, onFiltered, mixSeconds));
    if (rest - onFiltered) streams.push(cannon('The list, today and past dates', { url: BASE, headers: { cookie: analyst }, requests: lists }, rest - onFiltered, mixSeconds));
    const perOfficial = SAVES_PER_SECOND / officials.length;
    for (const o of officials) {
      streams.push(cannon(`Saves (${o.email})`, { url: BASE, requests: saveRequests(o, runId, acked, refused), overallRate: perOfficial }, 1, mixSeconds));
    }
    const mix = await Promise.all(streams);
    const after = await metrics(admin);

    const history = new Database(file, { readonly: true });
    const notes = new Set(history.prepare(`select note from status_updates where note like ?`).pluck().all(`bench-load ${runId} %`) as string[]);
    history.close();
    const found = [...acked].filter((n) => notes.has(n)).length;
    const saves = mix.filter((f) => f.name.startsWith('Saves'));
    const merged: Figures = { ...saves[0]!, name: 'Officials saving', clients: saves.length, latencies: saves.flatMap((f) => f.latencies), status5xx: saves.reduce((n, f) => n + f.status5xx, 0), failed: saves.reduce((n, f) => n + f.failed, 0) };
    return {
      label,
      views,
      uncached,
      alone,
      mix: [...mix.filter((f) => !f.name.startsWith('Saves')), merged],
      saves: { acked: acked.size, found, refused, perSecond: SAVES_PER_SECOND },
      mixHitRate: hitRateBetween(before, after),
      peakRss: after.process.peakRssBytes,
    };
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 3_000));
  }
}

const row = (f: Figures) => `${ms(percentile(f.latencies, 50))} / ${ms(percentile(f.latencies, 95))} / ${ms(percentile(f.latencies, 99))}`;

function print(run: Run): void {
  console.log(`\n### ${run.label}: ${SIZE} corpus, ${CLIENTS} clients, ${SECONDS} s per view\n`);
  console.log(`| View | 1 client: p50 / p95 / p99 | ${CLIENTS} clients: p50 / p95 / p99 | Throughput at ${CLIENTS} | 5xx | failed | cache hit rate at ${CLIENTS} |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const { one, many } of run.views) {
    console.log(`| ${one.name} | ${row(one)} | ${row(many)} | ${rate(many).toFixed(1)} req/s | ${one.status5xx + many.status5xx} | ${one.failed + many.failed} | ${pct(many.hitRate)} |`);
  }
  for (const f of run.uncached) console.log(`| ${f.name} | — | ${row(f)} | ${rate(f).toFixed(1)} req/s | ${f.status5xx} | ${f.failed} | ${pct(f.hitRate)} |`);
  console.log(`| ${run.alone.name} | ${row(run.alone)} | — | ${rate(run.alone).toFixed(1)} req/s (1 client) | ${run.alone.status5xx} | ${run.alone.failed} | — |`);
  console.log(`\nMix, ${CLIENTS} connections for ${SECONDS * 2} s (officials' saves at ${run.saves.perSecond}/s in all):\n`);
  console.log('| Stream | connections | p50 / p95 / p99 | throughput | 5xx | failed |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const f of run.mix) console.log(`| ${f.name} | ${f.clients} | ${row(f)} | ${rate(f).toFixed(1)} req/s | ${f.status5xx} | ${f.failed} |`);
  const refused = [...run.saves.refused].map(([s, n]) => `${n} × ${s}`).join(', ') || 'none';
  console.log(`\nSaves: ${run.saves.acked} acknowledged (201), ${run.saves.found} of them found in the history, ${run.saves.acked - run.saves.found} lost; refused: ${refused}.`);
  console.log(`Cache hit rate during the mix: ${pct(run.mixHitRate)}. Peak resident memory of the server: ${(run.peakRss / 1024 / 1024).toFixed(0)} MB.`);
}

function printComparison(before: Run, after: Run): void {
  console.log(`\n### Before and after, side by side (${SIZE}, p50 / p95 at 1 and ${CLIENTS} clients, throughput at ${CLIENTS})\n`);
  console.log(`| View | before: 1 client | before: ${CLIENTS} clients | before: req/s | after: 1 client | after: ${CLIENTS} clients | after: req/s |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const two = (f: Figures) => `${ms(percentile(f.latencies, 50))} / ${ms(percentile(f.latencies, 95))}`;
  before.views.forEach((b, i) => {
    const a = after.views[i]!;
    console.log(`| ${b.one.name} | ${two(b.one)} | ${two(b.many)} | ${rate(b.many).toFixed(1)} | ${two(a.one)} | ${two(a.many)} | ${rate(a.many).toFixed(1)} |`);
  });
  before.mix.forEach((b, i) => {
    const a = after.mix[i]!;
    console.log(`| Mix: ${b.name} | — | ${two(b)} | ${rate(b).toFixed(1)} | — | ${two(a)} | ${rate(a).toFixed(1)} |`);
  });
}

async function main(): Promise<void> {
  if (!(SIZE in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first');
  if (!fs.existsSync(`data/bench-${SIZE}.db`)) {
    console.error(`Generating ${SIZE}…`);
    await generate(SIZE, `data/bench-${SIZE}.db`);
  }
  const runs: Run[] = [];
  if (opts.before) runs.push(await runAgainst('before (no cache, no workers)', { READ_CACHE_MB: '0', READ_WORKERS: '0', RENDER_CONCURRENCY: '0' }));
  runs.push(await runAgainst('after (cache and workers)', {}));
  for (const run of runs) print(run);
  if (runs.length === 2) printComparison(runs[0]!, runs[1]!);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
