/**
 * Child process of crash.test.ts: writes status updates through the real service, as fast as it
 * can, until it is killed. It prints `ready` once, then `ack <note>` for each update only after
 * updateCommitmentStatus has returned, i.e. after its transaction committed: every acknowledged
 * note must be in the database whenever the process dies.
 *   node --conditions=react-server --import tsx lib/ops/crash-writer.ts <db file> <actor JSON> <run>
 */
import fs from 'node:fs';
import { asc } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { commitments } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { ConflictError } from '@/lib/errors';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { STATUSES } from '@/lib/commitments/vocabulary';
import { addDays } from '@/lib/periods/dates';

const [file, actorJson, run] = process.argv.slice(2) as [string, string, string];
const actor = JSON.parse(actorJson) as Actor;
const TODAY = '2025-06-30';
const db = openDatabase(file);
const rows = db.select({ code: commitments.code, adoptedOn: commitments.adoptedOn }).from(commitments).orderBy(asc(commitments.id)).all();
const versionOf = db.$client.prepare('select version from commitments where code = ?').pluck();
let seed = Number(run) * 7919 + 1;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

fs.writeSync(1, 'ready\n');
for (let n = 0; ; n++) {
  const { code, adoptedOn } = rows[Math.floor(random() * rows.length)]!;
  const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
  // Back-dated entries too, so the projector rewrites history chains and rollups in each write.
  const effectiveDate = addDays(adoptedOn, Math.floor(random() * 500));
  const note = `crash ${run}.${n}`;
  try {
    updateCommitmentStatus(db, actor, code, { status, progress: status === 'completed' ? 100 : Math.floor(random() * 100), note, effectiveDate, version: versionOf.get(code) as number }, { origin: 'crash-test' }, TODAY);
  } catch (e) {
    if (e instanceof ConflictError) continue;
    throw e;
  }
  fs.writeSync(1, `ack ${note}\n`);
}
