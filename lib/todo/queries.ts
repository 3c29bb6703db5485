import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, commitments } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { agencyClaimQueues } from '@/lib/claims/queries';
import { STALE_DAYS } from '@/lib/as-of/view';
import { OPEN_SQL } from '@/lib/as-of/vocabulary-sql';
import { addDays } from '@/lib/periods/dates';
import type { Status } from '@/lib/commitments/vocabulary';

/** Days ahead that "falls due soon" looks. */
export const DUE_SOON_DAYS = 30;

/** The kinds of to-do item, most urgent first. */
export const TODO_KINDS = ['disputed', 'confirm', 'overdue', 'due_soon', 'stale'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export interface TodoItem {
  kind: TodoKind;
  code: string;
  titleKo: string;
  titleEn: string;
  status: Status;
  progress: number;
  dueSpec: string;
  dueEnd: string | null;
  lastUpdate: string | null;
  /** The date the item is about: the claim's, the due date, or the last update (the adoption without one). */
  since: string;
  /** The claim to answer or that was disputed. */
  claimUpdateId: number | null;
  /** Where the form that resolves it is: the commitment page's confirmation or update form. */
  href: string;
}

export interface Todo {
  agency: { code: string; nameKo: string; nameEn: string; country: string };
  items: TodoItem[];
  counts: Record<TodoKind, number> & { total: number };
}

interface Row {
  id: number;
  code: string;
  titleKo: string;
  titleEn: string;
  status: Status;
  progress: number;
  dueSpec: string;
  dueEnd: string | null;
  lastUpdate: string | null;
  adoptedOn: string;
}

/**
 * What an agency owes on `today`, over the commitments it leads or partners on (not archived):
 * its side's claims the other side disputed; claims by the other side awaiting its confirmation;
 * open commitments overdue or falling due within 30 days; other open commitments without an update
 * for 90 days. Most urgent first: disputes, then confirmations (oldest first), overdue (longest first),
 * due soon (soonest first), no update (longest first).
 */
export function todoFor(db: Db, agencyId: number, today: string): Todo {
  const agency = db.select({ code: agencies.code, nameKo: agencies.nameKo, nameEn: agencies.nameEn, country: agencies.country }).from(agencies).where(eq(agencies.id, agencyId)).get();
  if (!agency) throw new Error(`Unknown agency ${agencyId}`);
  const c = commitments;
  const involved = sql`(${c.leadAgencyId} = ${agencyId} or exists (select 1 from commitment_partners p where p.commitment_id = ${c.id} and p.agency_id = ${agencyId}))`;
  const columns = sql`${c.id} as id, ${c.code} as code, ${c.titleKo} as "titleKo", ${c.titleEn} as "titleEn", ${c.status} as status, ${c.progress} as progress,
    ${c.dueSpec} as "dueSpec", ${c.dueEnd} as "dueEnd", ${c.lastUpdateOn} as "lastUpdate", ${c.adoptedOn} as "adoptedOn"`;
  const mine = sql`${c.archivedAt} is null and ${c.adoptedOn} <= ${today} and ${involved}`;
  const byId = (ids: number[]) =>
    ids.length ? new Map(db.all<Row>(sql`select ${columns} from ${c} where ${c.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`).map((r) => [r.id, r])) : new Map<number, Row>();

  const item = (kind: TodoKind, r: Row, since: string, claimUpdateId: number | null = null): TodoItem => ({
    kind,
    code: r.code,
    titleKo: r.titleKo,
    titleEn: r.titleEn,
    status: r.status,
    progress: r.progress,
    dueSpec: r.dueSpec,
    dueEnd: r.dueEnd,
    lastUpdate: r.lastUpdate,
    since,
    claimUpdateId,
    href: `/commitments/${encodeURIComponent(r.code)}${kind === 'confirm' ? '#confirm' : '#update'}`,
  });

  const queues = agencyClaimQueues(db, agencyId, agency.country, today);
  const claimRows = byId([...queues.disputedOwn, ...queues.toAnswer].map((q) => q.id));
  const disputed = queues.disputedOwn.map((q) => item('disputed', claimRows.get(q.id)!, q.effective_date, q.update_id));
  const confirm = queues.toAnswer.map((q) => item('confirm', claimRows.get(q.id)!, q.effective_date, q.update_id));
  const overdue = db
    .all<Row>(sql`select ${columns} from ${c} where ${mine} and ${c.status} in ${OPEN_SQL} and ${c.dueEnd} < ${today} order by ${c.dueEnd}, ${c.code}`)
    .map((r) => item('overdue', r, r.dueEnd!));
  const dueSoon = db
    .all<Row>(sql`select ${columns} from ${c} where ${mine} and ${c.status} in ${OPEN_SQL} and ${c.dueEnd} between ${today} and ${addDays(today, DUE_SOON_DAYS)} order by ${c.dueEnd}, ${c.code}`)
    .map((r) => item('due_soon', r, r.dueEnd!));
  const stale = db
    .all<Row>(sql`select ${columns} from ${c} where ${mine} and ${c.status} in ${OPEN_SQL} and coalesce(${c.lastUpdateOn}, ${c.adoptedOn}) < ${addDays(today, -STALE_DAYS)}
      order by coalesce(${c.lastUpdateOn}, ${c.adoptedOn}), ${c.code}`)
    // Already listed as overdue or due soon: the same update resolves both, so it is listed once.
    .filter((r) => !overdue.some((o) => o.code === r.code) && !dueSoon.some((d) => d.code === r.code))
    .map((r) => item('stale', r, r.lastUpdate ?? r.adoptedOn));
  const items = [...disputed, ...confirm, ...overdue, ...dueSoon, ...stale];
  return {
    agency,
    items,
    counts: { disputed: disputed.length, confirm: confirm.length, overdue: overdue.length, due_soon: dueSoon.length, stale: stale.length, total: items.length },
  };
}
