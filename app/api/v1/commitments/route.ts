import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { getDb } from '@/db/client';
import { listCommitments } from '@/lib/commitments/queries';
import { apiRoute, json } from '@/lib/http/api';

export const GET = apiRoute(async () => {
  const { actor, ctx } = await requireActor('api');
  authorize(getDb(), actor, 'commitment.read', undefined, ctx);
  const items = listCommitments();
  return json({ items, total: items.length });
});
