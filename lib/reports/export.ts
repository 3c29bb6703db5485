import 'server-only';
import type { Db } from '@/db/client';
import { authorize } from '@/lib/auth/guard';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { todayIso } from '@/lib/periods/dates';
import { authorOf, getIssuedReport, issuedReportFile } from './issue';
import { openReport, reportConnection } from './model';
import { parseReportFormat, parseReportParams } from './params';
import { CONTENT_TYPES, fileNameOf, renderToStream } from './render';
import type { ReportFormat } from './types';

export interface ReportDownload {
  body: ReadableStream<Uint8Array> | Uint8Array;
  contentType: string;
  fileName: string;
  sha256?: string;
}

/**
 * A report generated now, streamed in the asked format from one read snapshot on a connection of
 * its own (so the app keeps answering while it runs). Every signed-in role may; each export is
 * an audit event.
 */
export function exportReport(db: Db, actor: Actor, query: Record<string, unknown>, ctx: RequestContext, now: Date = new Date()): ReportDownload {
  authorize(db, actor, 'report.export', undefined, ctx);
  const { format: rawFormat, ...rest } = query;
  const format = parseReportFormat(rawFormat);
  const today = todayIso(now);
  const params = parseReportParams(db, rest, today);
  recordAudit(db, { actor, action: 'report.export', targetType: 'report', targetId: params.quarter, after: { params, format }, origin: ctx.origin });
  const conn = reportConnection(db);
  try {
    const report = openReport(conn.db, params, { by: authorOf(db, actor, params.lang), today, now });
    const body = renderToStream(report.source, format, () => {
      try {
        report.close();
      } finally {
        conn.release();
      }
    });
    return { body, contentType: CONTENT_TYPES[format], fileName: fileNameOf(params, format) };
  } catch (e) {
    conn.release();
    throw e;
  }
}

/** An issued report's stored file: the exact bytes issued. Each download is an audit event. */
export function downloadIssuedReport(db: Db, actor: Actor, id: number, rawFormat: unknown, ctx: RequestContext): ReportDownload {
  authorize(db, actor, 'report.export', undefined, ctx);
  const format: ReportFormat = parseReportFormat(rawFormat);
  getIssuedReport(db, id);
  const file = issuedReportFile(db, id, format);
  recordAudit(db, { actor, action: 'report.download', targetType: 'report', targetId: id, after: { format, sha256: file.sha256 }, origin: ctx.origin });
  return { body: new Uint8Array(file.content), contentType: file.contentType, fileName: file.fileName, sha256: file.sha256 };
}

/** The response for a download: its type, an attachment file name (RFC 6266), never cached. */
export function downloadResponse(d: ReportDownload, inline = false): Response {
  const headers: Record<string, string> = {
    'Content-Type': d.contentType,
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${d.fileName}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (d.sha256) headers['X-Content-SHA256'] = d.sha256;
  return new Response(d.body as BodyInit, { status: 200, headers });
}
