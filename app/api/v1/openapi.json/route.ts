import { NextResponse } from 'next/server';
import { OPENAPI_DOCUMENT } from '@/lib/http/openapi';

/** Public: the API's description holds no data. */
export function GET() {
  return NextResponse.json(OPENAPI_DOCUMENT);
}
