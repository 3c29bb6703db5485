import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { agencies, areas, commitmentPartners, commitments, dialogues, statusUpdates, users } from '@/db/schema';
import { isClosed, type State, type Status } from '@/lib/commitments/vocabulary';
import { existsOn } from '@/lib/as-of/scope';
import type { StateTable } from '@/lib/as-of/state';
import type { Named, ReportChange, ReportCommitment } from './types';

const dialect = new SQLiteSyncDialect();

/** Runs a query row by row (better-sqlite3's iterator), so 100,000 rows never sit in memory at once. */
function* iterate<T>(db: Db, query: SQL): Generator<T> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  yield* db.$client.prepare(text).iterate(...(params as unknown[])) as Iterable<T>;
}

interface CommitmentRow {
  code: string;
  dialogue: string;
  areaCode: string;
  areaKo: string;
  areaEn: string;
  titleKo: string;
  titleEn: string;
  leadCode: string;
  leadKo: string;
  leadEn: string;
  leadCountry: string;
  partners: string;
  dueSpec: string;
  dueEnd: string | null;
  status: Status;
  progress: number;
  previousStatus: State;
  previousProgress: number;
  latestEntryOn: string | null;
  latestNote: string | null;
  latestEvidenceUrl: string | null;
}

/**
 * The scope's commitments existing at `asOf`, by code, each as it stood there and at the previous
 * quarter end, with the latest entry effective within the quarter (world order: effective date,
 * then recording order). Overdue as in the figures: due by `asOf` and open at its end.
 */
export function* commitmentRows(db: Db, scope: SQL[], end: StateTable, prev: StateTable, start: string, asOf: string): Generator<ReportCommitment> {
  const u = statusUpdates;
  const latest = sql`(select ${u.id} from ${u} where ${u.commitmentId} = ${commitments.id} and ${u.effectiveDate} between ${start} and ${asOf}
    order by ${u.effectiveDate} desc, ${u.id} desc limit 1)`;
  const partners = sql`(select json_group_array(json_object('code', code, 'nameKo', name_ko, 'nameEn', name_en)) from (
    select ${agencies.code} as code, ${agencies.nameKo} as name_ko, ${agencies.nameEn} as name_en from ${commitmentPartners}
    join ${agencies} on ${agencies.id} = ${commitmentPartners.agencyId} where ${commitmentPartners.commitmentId} = ${commitments.id} order by ${agencies.code}))`;
  const query = sql`select ${commitments.code} as code, ${dialogues.code} as dialogue,
      ${areas.code} as "areaCode", ${areas.nameKo} as "areaKo", ${areas.nameEn} as "areaEn", ${commitments.titleKo} as "titleKo", ${commitments.titleEn} as "titleEn",
      lead.code as "leadCode", lead.name_ko as "leadKo", lead.name_en as "leadEn", lead.country as "leadCountry", ${partners} as partners,
      ${commitments.dueSpec} as "dueSpec", ${commitments.dueEnd} as "dueEnd",
      ${end.columns.status} as status, ${end.columns.progress} as progress, ${prev.columns.status} as "previousStatus",
      (case when ${prev.columns.status} = 'absent' then 0 else ${prev.columns.progress} end) as "previousProgress",
      lu.effective_date as "latestEntryOn", lu.note as "latestNote", lu.evidence_url as "latestEvidenceUrl"
    from ${commitments} ${end.join} ${prev.join}
      join ${dialogues} on ${dialogues.id} = ${commitments.dialogueId}
      join ${areas} on ${areas.id} = ${commitments.areaId}
      join ${agencies} lead on lead.id = ${commitments.leadAgencyId}
      left join ${u} lu on lu.id = ${latest}
    where ${and(...scope, existsOn(asOf))}
    order by ${commitments.code}`;
  for (const r of iterate<CommitmentRow>(db, query)) {
    yield {
      code: r.code,
      dialogue: r.dialogue,
      area: { code: r.areaCode, nameKo: r.areaKo, nameEn: r.areaEn },
      titleKo: r.titleKo,
      titleEn: r.titleEn,
      lead: { code: r.leadCode, nameKo: r.leadKo, nameEn: r.leadEn, country: r.leadCountry },
      partners: JSON.parse(r.partners) as Named[],
      dueSpec: r.dueSpec,
      dueEnd: r.dueEnd,
      status: r.status,
      progress: r.progress,
      previousStatus: r.previousStatus,
      previousProgress: r.previousProgress,
      progressChange: r.progress - r.previousProgress,
      latestEntryOn: r.latestEntryOn,
      latestNote: r.latestNote,
      latestEvidenceUrl: r.latestEvidenceUrl,
      overdue: r.dueEnd !== null && r.dueEnd <= asOf && !isClosed(r.status),
    };
  }
}

interface ChangeRow extends Omit<ReportChange, 'authorAgency'> {
  agencyCode: string | null;
  agencyKo: string | null;
  agencyEn: string | null;
}

/** The status updates of the scope's commitments effective from `start` to `asOf`, in world order. */
export function changeRows(db: Db, scope: SQL[], start: string, asOf: string, extra: SQL[] = []): SQL {
  const u = statusUpdates;
  return sql`select ${u.id} as id, ${u.effectiveDate} as "effectiveDate", ${u.recordedAt} as "recordedAt", ${commitments.code} as code,
      ${commitments.titleKo} as "titleKo", ${commitments.titleEn} as "titleEn", ${u.previousStatus} as "fromStatus", ${u.newStatus} as "toStatus",
      ${u.previousProgress} as "fromProgress", ${u.newProgress} as "toProgress", ${u.note} as note, ${u.evidenceUrl} as "evidenceUrl",
      ${users.name} as "authorName", ${agencies.code} as "agencyCode", ${agencies.nameKo} as "agencyKo", ${agencies.nameEn} as "agencyEn"
    from ${u} join ${commitments} on ${commitments.id} = ${u.commitmentId}
      join ${users} on ${users.id} = ${u.authorId} left join ${agencies} on ${agencies.id} = ${users.agencyId}
    where ${and(...scope, sql`${u.effectiveDate} between ${start} and ${asOf}`, ...extra)}
    order by ${u.effectiveDate}, ${u.id}`;
}

export function* iterateChanges(db: Db, query: SQL): Generator<ReportChange> {
  for (const { agencyCode, agencyKo, agencyEn, ...r } of iterate<ChangeRow>(db, query)) {
    yield { ...r, authorAgency: agencyCode ? { code: agencyCode, nameKo: agencyKo!, nameEn: agencyEn! } : null };
  }
}

/** How many updates `changeRows` lists, without its joins and order. */
export function changeCount(db: Db, scope: SQL[], start: string, asOf: string): number {
  const u = statusUpdates;
  return db.get<{ n: number }>(sql`select count(*) as n from ${u} join ${commitments} on ${commitments.id} = ${u.commitmentId}
    where ${and(...scope, sql`${u.effectiveDate} between ${start} and ${asOf}`)}`)!.n;
}
