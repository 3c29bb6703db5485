import { getDb } from '@/db/client';
import { IMPORT_TEMPLATE_FILE_NAME, importTemplateCsv } from '@/lib/admin/import-template';
import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { apiRoute } from '@/lib/http/api';

/**
 * `GET /admin/import/template.csv`: the import's CSV template (every column and one example row
 * using this database's codes), for those who may import (administrators).
 */
export const GET = apiRoute(async () => {
  const { actor, ctx } = await requireActor();
  const db = getDb();
  authorize(db, actor, 'commitment.manage', undefined, ctx, 'import-template');
  return new Response(importTemplateCsv(db), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${IMPORT_TEMPLATE_FILE_NAME}"`,
      'Cache-Control': 'no-store',
    },
  });
});
