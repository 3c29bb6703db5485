import 'server-only';
import type { Db } from '@/db/client';
import { readDataVersion } from '@/db/data-version';
import type { AsOfScope } from '@/lib/as-of/scope';
import { listAsOf } from '@/lib/as-of/list';
import { planAsOfView } from '@/lib/as-of/view';
import type { CommitmentFilter } from '@/lib/commitments/filters';
import { scopeIncludesSynthetic } from '@/lib/commitments/synthetic';

/**
 * The heavy reads, as tasks a worker thread (or, without workers, the request's own thread) runs.
 * A task's answer is a function of its arguments and the data alone: no session, no user, no
 * clock (`today` is an argument). That is what makes an answer safe to cache under its arguments
 * (lib/read-model/cache.ts): two readers with the same key get the same answer. Where who reads
 * ever changes what a read shows, that must become an argument, and so part of the key.
 */
export interface ReadTasks {
  /** The as-of view (the dashboard, `GET /api/v1/dashboard`) and whether it counts invented demo data. */
  dashboard: { args: { scope: AsOfScope; asOf: string; today: string }; value: ReturnType<typeof dashboardAnswer> };
  /** One page of the list as of a date (the list page, `GET /api/v1/commitments`). */
  list: { args: { filter: CommitmentFilter; today: string }; value: ReturnType<typeof listAsOf> };
}
export type ReadKind = keyof ReadTasks;

function dashboardAnswer(db: Db, writer: Db, { scope, asOf, today }: ReadTasks['dashboard']['args']) {
  return { ...planAsOfView(scope, asOf, today, db, writer), includesSynthetic: scopeIncludesSynthetic(scope, asOf, db) };
}

/**
 * Runs a task on `db`; `writer` builds the month-end snapshots the read starts from (a writable
 * connection: the worker's own connection is read-only).
 */
export function runReadTask<K extends ReadKind>(kind: K, args: ReadTasks[K]['args'], db: Db, writer: Db): ReadTasks[K]['value'] {
  switch (kind) {
    case 'dashboard':
      return dashboardAnswer(db, writer, args as ReadTasks['dashboard']['args']) as ReadTasks[K]['value'];
    case 'list': {
      const { filter, today } = args as ReadTasks['list']['args'];
      return listAsOf(filter, today, db, writer) as ReadTasks[K]['value'];
    }
    default:
      throw new Error(`Unknown read task: ${String(kind)}`);
  }
}

/**
 * A task's answer with the data version read on `db` just before computing it: the answer is at
 * least that new (lib/read-model/cache.ts stores it under that version).
 */
export function computeReadTask<K extends ReadKind>(kind: K, args: ReadTasks[K]['args'], db: Db, writer: Db): { value: ReadTasks[K]['value']; version: number } {
  const version = readDataVersion(db.$client);
  return { value: runReadTask(kind, args, db, writer), version };
}
