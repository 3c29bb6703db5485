import { requireActor } from '@/lib/auth/current-user';
import { apiRoute, json } from '@/lib/http/api';

/** Who the session belongs to, as the server sees them now. */
export const GET = apiRoute(async () => {
  const { actor } = await requireActor('api');
  return json({ id: actor.id, email: actor.email, role: actor.role, agency: actor.agencyCode });
});
