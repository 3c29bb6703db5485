import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { NotFoundError } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api';
import { downloadIssuedReport, downloadResponse } from '@/lib/reports/export';

/** `GET /api/v1/reports/{id}?format=json|csv|xlsx|pdf`: an issued report's frozen file, byte for byte. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { actor, ctx } = await requireActor('api');
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) throw new NotFoundError('No issued report has this id');
  const format = new URL(request.url).searchParams.get('format') || undefined;
  const download = downloadIssuedReport(getDb(), actor, Number(id), format, ctx);
  return downloadResponse(download, format === undefined || format === 'json' || format === 'pdf');
});
