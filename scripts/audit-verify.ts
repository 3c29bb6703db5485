import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { databasePath } from '@/db/client';
import { findHash, verifyChains, type ChainedTable } from '@/lib/audit/chain';

/**
 * `npm run audit:verify [-- --audit-head <hash>] [--status-head <hash>]`: recomputes the audit
 * events' and the status updates' hash chains (lib/audit/chain.ts) from their first row. Prints
 * "intact" and both heads (keep them elsewhere), or each chain's first broken link; exits 1 when a
 * link is broken or a head kept earlier is no longer in its chain (rows cut from the end), 2 when
 * there is no database. Reads only.
 */
const { values } = parseArgs({ options: { 'audit-head': { type: 'string' }, 'status-head': { type: 'string' } } });
const file = databasePath();
if (!fs.existsSync(file)) {
  console.error(`${file}: no database there (set DATABASE_URL)`);
  process.exit(2);
}
const sqlite = new Database(file, { fileMustExist: true });
const t0 = performance.now();
const report = verifyChains(sqlite);
const problems = report.broken.map((b) => b.reason);
const kept: [string, ChainedTable, string | undefined][] = [
  ['audit', 'audit_events', values['audit-head']],
  ['status', 'status_updates', values['status-head']],
];
for (const [name, table, head] of kept) {
  if (head === undefined) continue;
  const at = findHash(sqlite, table, head.trim().toLowerCase());
  if (at === null) problems.push(`The kept ${name} head ${head} is not in the chain: rows recorded up to it were removed or changed`);
  else console.log(`The kept ${name} head is row #${at}; ${table === 'audit_events' ? report.auditEvents : report.statusUpdates} rows in the chain now.`);
}
const ms = Math.round(performance.now() - t0);
sqlite.close();

const n = (x: number) => x.toLocaleString('en-US');
console.log(`Audit events:   ${n(report.auditEvents)}, head ${report.auditHead || '(none)'}`);
console.log(`Status updates: ${n(report.statusUpdates)}, head ${report.statusHead || '(none)'}`);
if (problems.length) {
  for (const p of problems) console.error(`BROKEN: ${p}`);
  console.error(`${file}: the hash chains do not hold (checked in ${ms} ms).`);
  process.exit(1);
}
console.log(`${file}: both hash chains are intact (checked in ${ms} ms). Keep the two heads above elsewhere: a later run with --audit-head and --status-head shows that nothing was cut from the end.`);
