import type { DatabaseCheck } from './database-check';
import { formatSeconds } from './files';

/** What `checkDatabaseFile` found on a file that passed, and its chain heads, for the commands' output. */
export function describeCheck(check: DatabaseCheck): string[] {
  const m = check.migrations;
  const passed = [
    'integrity',
    'foreign keys',
    m && `schema (${m.applied} of ${m.known} migrations${m.applied < m.known ? '; the rest are applied at the next start' : ''})`,
    !check.skipped.some((s) => s.startsWith('derived data')) && 'derived data',
    check.chains && 'audit chain',
  ].filter(Boolean);
  const slowest = Object.entries(check.timings)
    .filter(([, ms]) => ms >= 50)
    .map(([name, ms]) => `${name} ${formatSeconds(ms)}`);
  const lines = [`Checked in ${formatSeconds(check.ms)}${slowest.length ? ` (${slowest.join(', ')})` : ''}: ${passed.join(', ')} ok.`];
  for (const s of check.skipped) lines.push(`Not checked: ${s}.`);
  const c = check.chains;
  if (c) {
    lines.push(
      'Audit chain heads (keep them elsewhere: a chain cut short at its end shows only against a kept head):',
      `  audit_events    ${String(c.auditEvents).padStart(9)} rows  ${c.auditHead || '(empty)'}`,
      `  status_updates  ${String(c.statusUpdates).padStart(9)} rows  ${c.statusHead || '(empty)'}`,
    );
  }
  return lines;
}
