import 'server-only';
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb, type Db } from '@/db/client';
import { agencies, commitments } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { agencyClaimQueues } from '@/lib/claims/queries';
import { lastRecordedAtSql, recordedOn, staleAt } from '@/lib/as-of/staleness';
import { OPEN_SQL } from '@/lib/as-of/vocabulary-sql';
import { addDays } from '@/lib/periods/dates';
import { DUE_SOON_DAYS, type Todo, type TodoItem, type TodoKind } from './kinds';

export { DUE_SOON_DAYS, TODO_KINDS, type Todo, type TodoItem, type TodoKind } from './kinds';

/** A commitment as the queries read it: the item's fields, with its id and adoption date. */
type Row = Pick<TodoItem, 'code' | 'titleKo' | 'titleEn' | 'status' | 'progress' | 'dueSpec' | 'dueEnd' | 'lastUpdate'> & { id: number; adoptedOn: string; lastRecordedAt?: string | null };

/**
 * What an agency owes on `today`, over the commitments it leads or partners on (not archived):
 * its side's claims the other side disputed; claims by the other side awaiting its confirmation;
 * open commitments overdue or falling due within 30 days; other open commitments without an entry
 * recorded for 90 days (lib/as-of/staleness.ts). Most urgent first: disputes, then confirmations (oldest first), overdue (longest first),
 * due soon (soonest first), no update (longest first).
 */
export function todoFor(db: Db, agencyId: number, today: string): Todo {
  const agency = db.select({ code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country }).from(agencies).where(eq(agencies.id, agencyId)).get();
  if (!agency) throw new Error(`Unknown agency ${agencyId}`);
  const c = commitments;
  // The agency's commitments through the lead and partner indexes, not a scan of every commitment.
  const involved = sql`${c.id} in (select ${c.id} from ${c} where ${c.leadAgencyId} = ${agencyId} union select commitment_id from commitment_partners where agency_id = ${agencyId})`;
  const columns = sql`${c.id} as id, ${c.code} as code, ${c.titleKo} as "titleKo", ${c.titleEn} as "titleEn", ${c.status} as status, ${c.progress} as progress,
    ${c.dueSpec} as "dueSpec", ${c.dueEnd} as "dueEnd", ${c.lastUpdateOn} as "lastUpdate", ${c.adoptedOn} as "adoptedOn"`;
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
  // One read of the agency's open commitments, sorted into the three kinds.
  const open = db.all<Row>(
    sql`select ${columns}, ${lastRecordedAtSql(today)} as "lastRecordedAt" from ${c} where ${involved} and ${c.archivedAt} is null and ${c.adoptedOn} <= ${today} and ${c.status} in ${OPEN_SQL}`,
  );
  const soonEnd = addDays(today, DUE_SOON_DAYS);
  const isStale = staleAt(today);
  // Quiet since the day its latest entry was recorded, or its adoption without one (worked out once a row).
  const quietSince = new Map<Row, string>();
  const quiet = (r: Row) => getOrSet(quietSince, r, () => recordedOn(r.lastRecordedAt ?? null) ?? r.adoptedOn);
  const due = (r: Row) => r.dueEnd!;
  const overdue = open.filter((r) => r.dueEnd !== null && r.dueEnd < today).sort(byDate(due)).map((r) => item('overdue', r, r.dueEnd!));
  const dueSoon = open.filter((r) => r.dueEnd !== null && r.dueEnd >= today && r.dueEnd <= soonEnd).sort(byDate(due)).map((r) => item('due_soon', r, r.dueEnd!));
  const stale = open
    // Already listed as overdue or due soon: the same update resolves both, so it is listed once.
    .filter((r) => isStale({ status: r.status, adoptedOn: r.adoptedOn, lastRecordedAt: r.lastRecordedAt ?? null }) && !(r.dueEnd !== null && r.dueEnd <= soonEnd))
    .sort(byDate(quiet))
    .map((r) => item('stale', r, quiet(r)));
  const items = [...disputed, ...confirm, ...overdue, ...dueSoon, ...stale];
  return {
    agency,
    items,
    counts: { disputed: disputed.length, confirm: confirm.length, overdue: overdue.length, due_soon: dueSoon.length, stale: stale.length, total: items.length },
  };
}

function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** Oldest `date` first, then by code (binary order, as SQL sorts). */
const byDate = (date: (r: Row) => string) => (a: Row, b: Row) => cmp(date(a), date(b)) || cmp(a.code, b.code);
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The to-do list of an agency on `today`, from the app's database: read once per request, for the navigation's count and the page. */
export const loadTodo = cache((agencyId: number, today: string): Todo => todoFor(getDb(), agencyId, today));
