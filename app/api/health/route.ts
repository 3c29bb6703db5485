import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { checkHealth } from '@/lib/ops/health';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };

/**
 * `GET /api/health`, without a session: 200 with the schema version and a database round trip, or
 * 503 when the database cannot be read. The 503 says nothing more; the cause goes to the log.
 */
export function GET(): NextResponse {
  try {
    return NextResponse.json(checkHealth(getDb()), { headers: NO_STORE });
  } catch (error) {
    console.error('health: the database cannot be read', error);
    return NextResponse.json({ status: 'unavailable' }, { status: 503, headers: NO_STORE });
  }
}
