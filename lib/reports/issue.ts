import 'server-only';
import { createHash } from 'node:crypto';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { issuedReportFiles, issuedReports, users } from '@/db/schema';
import { authorize } from '@/lib/auth/guard';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { NotFoundError } from '@/lib/errors';
import { todayIso } from '@/lib/periods/dates';
import { openReport, reportConnection } from './model';
import { parseReportParams } from './params';
import { CONTENT_TYPES, fileNameOf, renderToBuffer } from './render';
import { REPORT_FORMATS, type QuarterlyReport, type ReportFormat, type ReportParams } from './types';
import type { Locale } from '@/lib/i18n/config';
import { displayName } from '@/lib/users/display-name';

/** Who generates a report, as its header names them: their display name in the report's language. */
export function authorOf(db: Db, actor: Actor, lang: Locale): { name: string; email: string } {
  const row = db.select({ name: users.name, nameKo: users.nameKo }).from(users).where(eq(users.id, actor.id)).get();
  return { name: displayName({ email: actor.email, name: row?.name, nameKo: row?.nameKo }, lang), email: actor.email };
}

/**
 * Issues a report: renders every format from one snapshot, then stores the files with their
 * SHA-256, the report's row and its audit event in one transaction. Analysts and admins only.
 * Every later download returns these bytes; entries recorded after `lastUpdateId` are revisions.
 */
export async function issueReport(db: Db, actor: Actor, raw: unknown, ctx: RequestContext, now: Date = new Date()) {
  authorize(db, actor, 'report.issue', undefined, ctx);
  const today = todayIso(now);
  const params = parseReportParams(db, (raw ?? {}) as Record<string, unknown>, today);
  const conn = reportConnection(db);
  const files: { format: ReportFormat; content: Buffer }[] = [];
  let lastUpdateId: number;
  try {
    const report = openReport(conn.db, params, { by: authorOf(db, actor, params.lang), today, now });
    try {
      lastUpdateId = report.source.summary.lastUpdateId;
      for (const format of REPORT_FORMATS) files.push({ format, content: await renderToBuffer(report.source, format) });
    } finally {
      report.close();
    }
  } finally {
    conn.release();
  }
  return db.transaction(
    (tx) => {
      const row = tx.insert(issuedReports).values({ quarter: params.quarter, lang: params.lang, params, issuedBy: actor.id, issuedAt: now.toISOString(), lastUpdateId }).returning().get();
      const stored = files.map(({ format, content }) => ({
        reportId: row.id,
        format,
        contentType: CONTENT_TYPES[format],
        fileName: fileNameOf(params, format),
        sha256: createHash('sha256').update(content).digest('hex'),
        bytes: content.length,
        content,
      }));
      tx.insert(issuedReportFiles).values(stored).run();
      recordAudit(tx, {
        actor,
        action: 'report.issue',
        targetType: 'report',
        targetId: row.id,
        after: { params, lastUpdateId, files: stored.map(({ format, sha256, bytes }) => ({ format, sha256, bytes })) },
        origin: ctx.origin,
      });
      return { id: row.id, params, issuedAt: row.issuedAt, lastUpdateId, files: stored.map(({ format, fileName, sha256, bytes }) => ({ format, fileName, sha256, bytes })) };
    },
    { behavior: 'immediate' },
  );
}

export interface IssuedReportInfo {
  id: number;
  params: ReportParams;
  quarter: string;
  issuedAt: string;
  issuedBy: { name: string; nameKo: string | null; email: string };
  lastUpdateId: number;
  files: { format: ReportFormat; fileName: string; sha256: string; bytes: number }[];
}

/** Issued reports with who issued them and their files, newest first. */
function selectIssued(db: Db, where: SQL | undefined, limit: number): IssuedReportInfo[] {
  const rows = db
    .select({ id: issuedReports.id, params: issuedReports.params, quarter: issuedReports.quarter, issuedAt: issuedReports.issuedAt, lastUpdateId: issuedReports.lastUpdateId, name: users.name, nameKo: users.nameKo, email: users.email })
    .from(issuedReports)
    .innerJoin(users, eq(users.id, issuedReports.issuedBy))
    .where(where)
    .orderBy(desc(issuedReports.issuedAt), desc(issuedReports.id))
    .limit(limit)
    .all();
  return rows.map(({ name, nameKo, email, params, ...r }) => ({ ...r, params: params as ReportParams, issuedBy: { name, nameKo, email }, files: filesOf(db, r.id) }));
}

/** The issued reports, newest first (at most `limit`). */
export function listIssuedReports(db: Db, limit = 100): IssuedReportInfo[] {
  return selectIssued(db, undefined, limit);
}

export function getIssuedReport(db: Db, id: number): IssuedReportInfo {
  const [found] = selectIssued(db, eq(issuedReports.id, id), 1);
  if (!found) throw new NotFoundError('No issued report has this id');
  return found;
}

function filesOf(db: Db, id: number) {
  return db
    .select({ format: issuedReportFiles.format, fileName: issuedReportFiles.fileName, sha256: issuedReportFiles.sha256, bytes: issuedReportFiles.bytes })
    .from(issuedReportFiles)
    .where(eq(issuedReportFiles.reportId, id))
    .all()
    .map((f) => ({ ...f, format: f.format as ReportFormat }))
    .sort((a, b) => REPORT_FORMATS.indexOf(a.format) - REPORT_FORMATS.indexOf(b.format));
}

/** One stored file of an issued report: the exact bytes issued. */
export function issuedReportFile(db: Db, id: number, format: ReportFormat) {
  const file = db.select().from(issuedReportFiles).where(and(eq(issuedReportFiles.reportId, id), eq(issuedReportFiles.format, format))).get();
  if (!file) throw new NotFoundError('No issued report has this id');
  return file;
}

/** The report exactly as issued: its frozen JSON file. */
export function issuedReportModel(db: Db, id: number): QuarterlyReport {
  return JSON.parse(issuedReportFile(db, id, 'json').content.toString('utf8')) as QuarterlyReport;
}
