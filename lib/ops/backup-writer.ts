/**
 * Child process of backup.test.ts: records status updates through the real service
 * (`updateCommitmentStatus`) in a loop, one commitment after another, and prints one JSON line per
 * update once its transaction has committed: the acknowledgement. Runs until killed.
 *
 *   node --conditions=react-server --import tsx lib/ops/backup-writer.ts <database> <actor JSON>
 */
import { openDatabase } from '@/db/client';
import type { Actor } from '@/lib/audit/record';
import { recordUpdate, writableCodes } from '@/lib/testing/ops-db';

export interface WriterAck {
  n: number;
  code: string;
  version: number;
  note: string;
  /** Date.now() once committed. */
  at: number;
}

const [file, actorJson] = process.argv.slice(2);
if (!file || !actorJson) throw new Error('usage: backup-writer.ts <database> <actor JSON>');
const db = openDatabase(file);
const actor = JSON.parse(actorJson) as Actor;
const codes = writableCodes(db);
for (let n = 1; ; n++) {
  const code = codes[n % codes.length]!;
  const note = `writer ${process.pid} #${n}`;
  const { version } = recordUpdate(db, actor, code, note, n);
  // Pipes are written synchronously on Linux: the line is out before the next update starts.
  process.stdout.write(`${JSON.stringify({ n, code, version, note, at: Date.now() } satisfies WriterAck)}\n`);
}
