import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { migrateDatabase, openDatabase } from '@/db/client';
import { planAsOfView } from '@/lib/as-of/view';
import { listAsOf } from '@/lib/as-of/list';
import { rebuildDerived } from '@/lib/as-of/maintenance';
import { getFilterOptions } from '@/lib/commitments/filter-options';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { todayIso } from '@/lib/periods/dates';
import { benchReports, REPORT_TABLE_HEADER } from './bench-reports';
import { signIn, waitForServer } from './bench-http';
import { generate, SIZES, type Size } from './generate-data';

/**
 * `npm run bench [-- seed M L]`: for each corpus size, serves the production build on that
 * database and reports p50/p95 of the dashboard page, the dashboard data request and the
 * commitments list, the database size, and the time of the same queries run in-process (for a
 * page, its data and its filter form's choices), with the ratio of the two.
 * Then the report exports (scripts/bench-reports.ts; BENCH_REPORTS=0 skips them).
 * Measures only; asserts nothing. Set BENCH_REQUESTS (default 30) to change the sample.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
// Enough warm-up for the JIT and the page cache, so the first route measured is not penalised.
const WARMUP = 10;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;


async function timeRequests(path: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${BASE}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    if (i >= WARMUP) times.push(performance.now() - t0);
  }
  return times;
}

function timeInProcess(file: string, fn: (db: ReturnType<typeof openDatabase>) => unknown): number[] {
  const db = openDatabase(file);
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    fn(db);
    if (i >= WARMUP) times.push(performance.now() - t0);
  }
  db.$client.close();
  return times;
}

async function benchSize(size: Size): Promise<{ rows: string[]; reports: string[] }> {
  const file = `data/bench-${size}.db`;
  if (!fs.existsSync(file) || process.env.BENCH_REGENERATE) {
    console.error(`Generating ${size}…`);
    await generate(size, file);
  }
  const migrating = openDatabase(file);
  migrateDatabase(migrating);
  migrating.$client.close();
  const bytes = ['', '-wal'].reduce((n, s) => n + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0);
  const today = todayIso();
  const past = '2024-06-30';
  const midMonth = '2024-06-15';
  const agency = busiestAgency(file);
  const rebuild = timeRebuild(file);
  // A page's own SQL is its data plus its filter form's choices; a data request's is its data.
  const sqlDashboard = timeInProcess(file, (db) => planAsOfView({}, today, today, db));
  const sqlDashboardPage = timeInProcess(file, (db) => [planAsOfView({}, today, today, db), getFilterOptions({ duePeriods: false }, db)]);
  const sqlPast = timeInProcess(file, (db) => planAsOfView({}, past, today, db));
  const sqlPastPage = timeInProcess(file, (db) => [planAsOfView({}, past, today, db), getFilterOptions({ duePeriods: false }, db)]);
  const sqlMidMonth = timeInProcess(file, (db) => planAsOfView({}, midMonth, today, db));
  const sqlAgencyPage = timeInProcess(file, (db) => [planAsOfView({ agency }, today, today, db), getFilterOptions({ duePeriods: false }, db)]);
  const sqlListPage = timeInProcess(file, (db) => [listAsOf(parseFiltersLeniently({}), today, db), getFilterOptions({}, db)]);
  const pastList = `asOf=${past}&sort=status`;
  const sqlPastListPage = timeInProcess(file, (db) => [listAsOf(parseFiltersLeniently({ asOf: past, sort: 'status' }), today, db), getFilterOptions({}, db)]);
  const sqlPastAgencyPage = timeInProcess(file, (db) => [planAsOfView({ agency }, past, today, db), getFilterOptions({ duePeriods: false }, db)]);
  const snapshotBuild = timeSnapshotBuild(file, past);

  const server: ChildProcess = spawn('node', ['server.js', '--hostname', '127.0.0.1', '--port', String(PORT)], {
    env: { ...process.env, DATABASE_URL: file },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForServer(BASE);
    const cookie = await signIn(BASE, 'analyst@demo.example');
    const row = (what: string, http: number[], sql: number[]) =>
      `| ${size} | ${what} | ${ms(percentile(http, 50))} | ${ms(percentile(http, 95))} | ${ms(percentile(sql, 50))} | ${ms(percentile(sql, 95))} | ${(percentile(http, 95) / percentile(sql, 95)).toFixed(1)}× | ${(bytes / 1e6).toFixed(1)} MB |`;
    const rows = [
      row('dashboard page `/`', await timeRequests('/', cookie), sqlDashboardPage),
      row('dashboard data `/api/v1/dashboard`', await timeRequests('/api/v1/dashboard', cookie), sqlDashboard),
      row(`dashboard page, as of ${past} (a quarter end)`, await timeRequests(`/?asOf=${past}`, cookie), sqlPastPage),
      row(`dashboard data, as of ${past}`, await timeRequests(`/api/v1/dashboard?asOf=${past}`, cookie), sqlPast),
      row(`dashboard data, as of ${midMonth} (mid-month)`, await timeRequests(`/api/v1/dashboard?asOf=${midMonth}`, cookie), sqlMidMonth),
      row(`dashboard page, agency ${agency} (lead or partner)`, await timeRequests(`/?agency=${agency}`, cookie), sqlAgencyPage),
      row(`dashboard page, agency ${agency}, as of ${past}`, await timeRequests(`/?agency=${agency}&asOf=${past}`, cookie), sqlPastAgencyPage),
      row('commitments list `/commitments`', await timeRequests('/commitments', cookie), sqlListPage),
      row(`commitments list as of ${past}, sorted by status`, await timeRequests(`/commitments?${pastList}`, cookie), sqlPastListPage),
      `| ${size} | first view of a past month end (builds its snapshot, in-process) | — | — | ${ms(snapshotBuild)} | — | — | |`,
      `| ${size} | \`db:rebuild-derived\` (every derived table, one transaction, in-process) | — | — | ${ms(rebuild)} | — | — | |`,
    ];
    return { rows, reports: process.env.BENCH_REPORTS === '0' ? [] : await benchReports(BASE, cookie, server.pid!, size) };
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

/** The agency on the most commitments, as lead or partner: the heaviest agency filter. */
function busiestAgency(file: string): string {
  const db = openDatabase(file);
  const row = db.$client
    .prepare(`select a.code from agencies a join (select lead_agency_id as id from commitments union all select agency_id from commitment_partners) x on x.id = a.id
      group by a.id order by count(*) desc limit 1`)
    .get() as { code: string } | undefined;
  db.$client.close();
  return row?.code ?? 'MSIT';
}

/** One cold build of a month end's snapshot: dropped, then rebuilt by a dashboard read. */
function timeSnapshotBuild(file: string, date: string): number {
  const db = openDatabase(file);
  for (const table of ['tally_snapshots', 'state_snapshots', 'tally_snapshot_dates']) db.$client.prepare(`delete from ${table} where as_of = ?`).run(date);
  const t0 = performance.now();
  planAsOfView({}, date, todayIso(), db);
  const took = performance.now() - t0;
  db.$client.close();
  return took;
}

/** One full rebuild of the derived data (`npm run db:rebuild-derived`). */
function timeRebuild(file: string): number {
  const db = openDatabase(file);
  const { ms: took } = rebuildDerived(db);
  db.$client.close();
  return took;
}

async function main() {
  const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : ['seed', 'M', 'L']) as Size[];
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`Unknown size ${s}; use ${Object.keys(SIZES).join(', ')}`);
  if (!fs.existsSync('.next/BUILD_ID')) spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  const lines = [
    `Requests: ${REQUESTS} sequential after ${WARMUP} warm-up, one signed-in analyst; "SQL" is the same queries in-process; "ratio" is HTTP p95 over SQL p95.`,
    '',
    '| size | request | HTTP p50 | HTTP p95 | SQL p50 | SQL p95 | ratio | database |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  // Each size's rows are printed as soon as they are measured (to stderr too, so a long run shows progress).
  const reports = [...REPORT_TABLE_HEADER];
  for (const size of sizes) {
    const result = await benchSize(size);
    lines.push(...result.rows);
    reports.push(...result.reports);
    console.error([...result.rows, ...result.reports].join('\n'));
  }
  console.log([...lines, ...reports].join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
