import fs from 'node:fs';

/**
 * The report exports under `npm run bench`: for each format, the time of a full-corpus quarterly
 * report over HTTP (median of RUNS), its size, the server's resident memory growth while it runs
 * (peak over the value before), and the dashboard data request's latency measured while another
 * export of the same report runs. Measures only; asserts nothing.
 */
const RUNS = 3;
const QUARTER = '2024-Q2';

/** The pids under `root` (the `npx next start` wrapper) and the one serving: the largest. */
function serverPid(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  const all: number[] = [];
  for (let queue = [root]; queue.length; ) {
    const pid = queue.shift()!;
    all.push(pid);
    queue = [...queue, ...(children.get(pid) ?? [])];
  }
  return all.reduce((best, pid) => (rssOf(pid) > rssOf(best) ? pid : best), root);
}

/** Resident memory of a process in MB (0 once it is gone). */
function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The lower median (of two runs: the faster). */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)]!;

async function exportOnce(base: string, cookie: string, format: string, pid: number): Promise<{ ms: number; bytes: number; growth: number }> {
  const before = rssOf(pid);
  let peak = before;
  const poll = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/reports/quarterly?quarter=${QUARTER}&format=${format}&lang=ko`, { headers: { cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  const ms = performance.now() - t0;
  clearInterval(poll);
  if (!res.ok) throw new Error(`${format}: ${res.status}`);
  return { ms, bytes, growth: peak - before };
}

/** Dashboard data requests, one after another, for as long as an export runs. */
async function dashboardDuring(base: string, cookie: string, format: string): Promise<number[]> {
  let done = false;
  const running = fetch(`${base}/api/v1/reports/quarterly?quarter=${QUARTER}&format=${format}&lang=ko`, { headers: { cookie } })
    .then((r) => r.arrayBuffer())
    .finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const t0 = performance.now();
    await (await fetch(`${base}/api/v1/dashboard`, { headers: { cookie } })).arrayBuffer();
    times.push(performance.now() - t0);
  }
  await running;
  return times;
}

export async function benchReports(base: string, cookie: string, rootPid: number, size: string): Promise<string[]> {
  const pid = serverPid(rootPid);
  const lines: string[] = [];
  await exportOnce(base, cookie, 'csv', pid); // warm-up: builds the quarter ends' snapshots
  for (const format of ['csv', 'xlsx', 'json', 'pdf']) {
    const runs: { ms: number; bytes: number; growth: number }[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await exportOnce(base, cookie, format, pid));
    const during = await dashboardDuring(base, cookie, format);
    lines.push(
      `| ${size} | ${QUARTER} ${format.toUpperCase()} | ${median(runs.map((r) => r.ms)).toFixed(0)} ms | ${(runs[0]!.bytes / 1e6).toFixed(1)} MB | ${median(runs.map((r) => r.growth)).toFixed(0)} MB (max ${Math.max(...runs.map((r) => r.growth)).toFixed(0)}) | ${during.length ? `${median(during).toFixed(0)} / ${p95(during).toFixed(0)} ms (${during.length})` : '—'} |`,
    );
  }
  return lines;
}

export const REPORT_TABLE_HEADER = [
  '',
  `Report exports: the full corpus's ${QUARTER} report in Korean over HTTP, the median of ${RUNS} runs after one warm-up CSV; server RSS growth is the peak while it runs over the value before; the dashboard data request is timed back to back while another export runs (p50 / p95, requests).`,
  '',
  '| size | export | time | file | server RSS growth | dashboard data during export |',
  '| --- | --- | --- | --- | --- | --- |',
];
