#!/usr/bin/env node
// Lists the mutants a Stryker run left alive (survived or without coverage), one line each, from
// reports/mutation/<group>/mutation.json: `node scripts/mutation-survivors.mjs writes [file-substring]`.
import { readFileSync } from 'node:fs';

const [group = 'all', only] = process.argv.slice(2);
const report = JSON.parse(readFileSync(`reports/mutation/${group}/mutation.json`, 'utf8'));
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  if (only && !file.includes(only)) continue;
  const lines = source.split('\n');
  const alive = mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
  if (alive.length === 0) continue;
  console.log(`\n## ${file}: ${alive.length} alive`);
  for (const m of alive) {
    const { start, end } = m.location;
    const original =
      start.line === end.line
        ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
        : `${lines[start.line - 1].slice(start.column - 1)} …`;
    const cut = (s) => (s.length > 90 ? `${s.slice(0, 87)}...` : s).replace(/\s+/g, ' ');
    console.log(
      `${file}:${start.line}:${start.column} ${m.status === 'NoCoverage' ? '[no coverage] ' : ''}${m.mutatorName}: ${cut(original)}  =>  ${cut(m.replacement ?? '')}`,
    );
  }
}
