import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { apiRoute, json } from '@/lib/http/api';
import { readModelStats } from '@/lib/read-model';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/metrics` (administrators): the read model's cache (hits, misses, hit rate, entries,
 * bytes, data version) and worker threads (busy, queued, replaced), and the process's memory
 * (resident now and at its peak). The same figures go to the log once a minute when they change.
 */
export const GET = apiRoute(async () => {
  const { actor, ctx } = await requireActor('api');
  authorize(getDb(), actor, 'ops.metrics', undefined, ctx);
  const memory = process.memoryUsage();
  return json({
    readModel: readModelStats(),
    process: { rssBytes: memory.rss, peakRssBytes: process.resourceUsage().maxRSS * 1024, heapUsedBytes: memory.heapUsed, uptimeSeconds: Math.round(process.uptime()) },
  });
});
