import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { apiRoute } from '@/lib/http/api';
import { downloadResponse, exportReport } from '@/lib/reports/export';
import { reportQuery } from '@/lib/reports/params';

/**
 * `GET /api/v1/reports/quarterly?quarter=2024-Q2&format=json|csv|xlsx|pdf&lang=ko|en` plus
 * `dialogue`, `area`, `agency`, `country`: the quarterly report generated now, as of the quarter's
 * last day. A malformed or future quarter or an unknown filter value is a 422 naming the field.
 */
export const GET = apiRoute(async (request: Request) => {
  const { actor, ctx } = await requireActor('api');
  const query = reportQuery(new URL(request.url).searchParams);
  const download = exportReport(getDb(), actor, query, ctx);
  return downloadResponse(download, query.format === undefined || query.format === 'json' || query.format === 'pdf');
});
