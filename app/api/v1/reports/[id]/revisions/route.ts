import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { NotFoundError } from '@/lib/errors';
import { apiRoute, json } from '@/lib/http/api';
import { getIssuedReport } from '@/lib/reports/issue';
import { reportRevisions } from '@/lib/reports/revisions';

/** `GET /api/v1/reports/{id}/revisions`: what entries recorded after the issue changed in that report. */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { actor, ctx } = await requireActor('api');
  authorize(getDb(), actor, 'report.export', undefined, ctx);
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) throw new NotFoundError('No issued report has this id');
  return json({ report: getIssuedReport(getDb(), Number(id)), revisions: reportRevisions(getDb(), Number(id)) });
});
