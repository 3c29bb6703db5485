import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { apiRoute, apiWrite, json, readJson } from '@/lib/http/api';
import { issueReport, listIssuedReports } from '@/lib/reports/issue';

/** `GET /api/v1/reports`: the issued reports, newest first, with their files' SHA-256. */
export const GET = apiRoute(async () => {
  const { actor, ctx } = await requireActor('api');
  authorize(getDb(), actor, 'report.export', undefined, ctx);
  return json({ items: listIssuedReports(getDb()) });
});

/**
 * `POST /api/v1/reports` with `{ quarter, lang, dialogue?, area?, agency?, country? }`: issues the
 * report (analysts and admins). 201 with its id and the SHA-256 of each frozen file.
 */
export const POST = apiWrite(async (request: Request) => {
  const { actor, ctx } = await requireActor('api');
  const body = await readJson(request);
  const issued = await issueReport(getDb(), actor, body, ctx);
  return json(issued, 201);
});
