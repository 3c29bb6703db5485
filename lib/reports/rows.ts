import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { agencies, areas, commitmentPartners, commitments, dialogues, statusUpdates, users } from '@/db/schema';
import { isClosed, type Basis, type ClaimState, type Confidence, type DueBasis, type State, type Status, type Verdict } from '@/lib/commitments/vocabulary';
import { parseLinks } from '@/lib/assessments/queries';
import { existsOn } from '@/lib/as-of/scope';
import type { StateTable } from '@/lib/as-of/state';
import type { Assigned, Named, ReportChange, ReportCommitment } from './types';

const dialect = new SQLiteSyncDialect();

/** Runs a query row by row (better-sqlite3's iterator), so 100,000 rows never sit in memory at once. */
function* iterate<T>(db: Db, query: SQL): Generator<T> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  yield* db.$client.prepare(text).iterate(...(params as unknown[])) as Iterable<T>;
}

/**
 * The small tables a commitment row names (dialogues, areas, agencies) read once into maps, so the
 * 100,000-row scan joins nothing but the states: a lookup in JS costs less than a join per row.
 */
function namesById(db: Db) {
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map(({ id, ...r }) => [id, r]));
  const agencyRows = db.select({ id: agencies.id, code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country }).from(agencies).all();
  return {
    dialogues: byId(db.select({ id: dialogues.id, code: dialogues.code, synthetic: dialogues.synthetic }).from(dialogues).all()),
    areas: byId(db.select({ id: areas.id, code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn }).from(areas).all()),
    leads: byId(agencyRows),
    partners: byId(agencyRows.map(({ id, code, nameKo, shortNameKo, nameEn }) => ({ id, code, nameKo, shortNameKo, nameEn }))),
    /** Each agency's place in code order, to list partners by code. */
    rank: new Map([...agencyRows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((a, i) => [a.id, i])),
  };
}

/** A partner link's basis by the letter the row query reads: the first of its name. */
const BASIS_BY_LETTER: Record<string, Basis> = { s: 'stated', i: 'inferred', c: 'confirmed' };

/**
 * An agency with a basis, made once per agency and basis and then shared by every row that names
 * it so (a few hundred objects, not one per row).
 */
function assignedCache<T extends Named>(byId: Map<number, T>) {
  const made = new Map<string, T & Assigned>();
  return (id: number, basis: Basis): T & Assigned => {
    const key = `${id}${basis}`;
    let a = made.get(key);
    if (!a) made.set(key, (a = { ...byId.get(id)!, basis }));
    return a;
  };
}

interface LatestEntry {
  on: string;
  note: string | null;
  evidenceUrl: string | null;
}

/**
 * Each in-scope commitment's latest entry effective from `start` to `asOf` (world order:
 * effective date, then recording order), from one pass over the quarter's entries: far fewer
 * than the commitments, so cheaper than a look-up per commitment. One entry per commitment is kept.
 */
function latestEntries(db: Db, scope: SQL[], start: string, asOf: string): Map<number, LatestEntry> {
  const u = statusUpdates;
  const latest = new Map<number, LatestEntry>();
  const query = sql`select ${u.commitmentId}, ${u.effectiveDate}, ${u.note}, ${u.evidenceUrl} from ${u}
    where ${u.effectiveDate} between ${start} and ${asOf}
      and ${u.commitmentId} in (select ${commitments.id} from ${commitments} where ${and(...scope, existsOn(asOf))})
    order by ${u.effectiveDate}, ${u.id}`;
  for (const [id, on, note, evidenceUrl] of iterateRaw<[number, string, string | null, string | null]>(db, query)) latest.set(id, { on, note, evidenceUrl });
  return latest;
}

/** Runs a query row by row as arrays (no object per row). */
function* iterateRaw<T extends unknown[]>(db: Db, query: SQL): Generator<T> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  yield* db.$client.prepare(text).raw(true).iterate(...(params as unknown[])) as Iterable<T>;
}

/** Shared by every row without an assessment: never mutated. */
const NO_LINKS: string[] = [];

/** What a commitment row joins besides the states: the standing assessments and claims (subqueries with a `commitment_id`). */
export interface RowJoins {
  /** `standingAssessments(quarter, recordedBy)`. */
  assessed: SQL;
  /** `standingClaims(asOf)`. */
  claims: SQL;
}

/**
 * The scope's commitments existing at `asOf`, by code, each as it stood there and at the previous
 * quarter end, with the latest entry effective within the quarter (world order: effective date,
 * then recording order), its standing assessment and its standing claim's state (each at most one
 * per commitment, left-joined). Overdue as in the figures: due by `asOf` and open at its end.
 */
export function* commitmentRows(db: Db, scope: SQL[], end: StateTable, prev: StateTable, joins: RowJoins, start: string, asOf: string): Generator<ReportCommitment> {
  const names = namesById(db);
  const lead = assignedCache(names.leads);
  const partner = assignedCache(names.partners);
  const latest = latestEntries(db, scope, start, asOf);
  // Partners as the agency ids the primary key's index holds, each followed by its basis' first
  // letter (read from the row: `12s,15i`), named and ordered by code below.
  const p = commitmentPartners;
  const partnerIds = sql`(select group_concat(${p.agencyId} || substr(${p.basis}, 1, 1)) from ${p} where ${p.commitmentId} = ${commitments.id})`;
  const query = sql`select ${commitments.id}, ${commitments.code}, ${commitments.dialogueId}, ${commitments.areaId}, ${commitments.titleKo}, ${commitments.titleEn},
      ${commitments.leadAgencyId}, ${commitments.leadBasis}, ${partnerIds}, ${commitments.dueSpec}, ${commitments.dueBasis}, ${commitments.dueBasisQuote}, ${commitments.dueEnd},
      ${end.columns.status}, ${end.columns.progress}, ${prev.columns.status}, (case when ${prev.columns.status} = 'absent' then 0 else ${prev.columns.progress} end),
      av.verdict, av.confidence, av.rationale, av.links, sc.state
    from ${commitments} ${end.join} ${prev.join}
      left join ${joins.assessed} av on av.commitment_id = ${commitments.id}
      left join ${joins.claims} sc on sc.commitment_id = ${commitments.id}
    where ${and(...scope, existsOn(asOf))}
    order by ${commitments.code}`;
  type Row = [number, string, number, number, string, string, number, Basis, string | null, string, DueBasis, string | null, string | null, Status, number, State, number, Verdict | null, Confidence | null, string | null, string | null, ClaimState | null];
  for (const [id, code, dialogueId, areaId, titleKo, titleEn, leadId, leadBasis, partners, dueSpec, dueBasis, dueBasisWords, dueEnd, status, progress, previousStatus, previousProgress, verdict, confidence, rationale, links, claim] of iterateRaw<Row>(db, query)) {
    const entry = latest.get(id);
    yield {
      code,
      dialogue: names.dialogues.get(dialogueId)!.code,
      ...(names.dialogues.get(dialogueId)!.synthetic && { synthetic: true }),
      area: names.areas.get(areaId)!,
      titleKo,
      titleEn,
      lead: lead(leadId, leadBasis),
      partners: partners
        ? partners
            .split(',')
            .map((x) => [Number(x.slice(0, -1)), x.slice(-1)] as const)
            .sort(([a], [b]) => names.rank.get(a)! - names.rank.get(b)!)
            .map(([agency, letter]) => partner(agency, BASIS_BY_LETTER[letter]!))
        : [],
      dueSpec,
      dueBasis,
      dueBasisWords,
      dueEnd,
      status,
      progress,
      previousStatus,
      previousProgress,
      progressChange: progress - previousProgress,
      latestEntryOn: entry?.on ?? null,
      latestNote: entry?.note ?? null,
      latestEvidenceUrl: entry?.evidenceUrl ?? null,
      overdue: dueEnd !== null && dueEnd <= asOf && !isClosed(status),
      verdict,
      confidence,
      rationale,
      assessmentLinks: links && links !== '[]' ? parseLinks(links) : NO_LINKS,
      claim,
    };
  }
}

interface ChangeRow extends Omit<ReportChange, 'authorAgency'> {
  agencyCode: string | null;
  agencyKo: string | null;
  agencyShortKo: string | null;
  agencyEn: string | null;
}

/** The status updates of the scope's commitments effective from `start` to `asOf`, in world order. */
export function changeRows(db: Db, scope: SQL[], start: string, asOf: string, extra: SQL[] = []): SQL {
  const u = statusUpdates;
  return sql`select ${u.id} as id, ${u.effectiveDate} as "effectiveDate", ${u.recordedAt} as "recordedAt", ${commitments.code} as code,
      ${commitments.titleKo} as "titleKo", ${commitments.titleEn} as "titleEn", ${u.previousStatus} as "fromStatus", ${u.newStatus} as "toStatus",
      ${u.previousProgress} as "fromProgress", ${u.newProgress} as "toProgress", ${u.note} as note, ${u.evidenceUrl} as "evidenceUrl",
      ${users.name} as "authorName", ${users.nameKo} as "authorNameKo", ${agencies.code} as "agencyCode", ${agencies.nameKo} as "agencyKo", ${agencies.shortNameKo} as "agencyShortKo", ${agencies.nameEn} as "agencyEn"
    from ${u} join ${commitments} on ${commitments.id} = ${u.commitmentId}
      join ${users} on ${users.id} = ${u.authorId} left join ${agencies} on ${agencies.id} = ${users.agencyId}
    where ${and(...scope, sql`${u.effectiveDate} between ${start} and ${asOf}`, ...extra)}
    order by ${u.effectiveDate}, ${u.id}`;
}

export function* iterateChanges(db: Db, query: SQL): Generator<ReportChange> {
  for (const { agencyCode, agencyKo, agencyShortKo, agencyEn, ...r } of iterate<ChangeRow>(db, query)) {
    yield { ...r, authorAgency: agencyCode ? { code: agencyCode, nameKo: agencyKo!, shortNameKo: agencyShortKo, nameEn: agencyEn! } : null };
  }
}

/** How many updates `changeRows` lists, without its joins and order. */
export function changeCount(db: Db, scope: SQL[], start: string, asOf: string): number {
  const u = statusUpdates;
  return db.get<{ n: number }>(sql`select count(*) as n from ${u} join ${commitments} on ${commitments.id} = ${u.commitmentId}
    where ${and(...scope, sql`${u.effectiveDate} between ${start} and ${asOf}`)}`)!.n;
}
