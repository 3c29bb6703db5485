import { decideClaim } from '@/lib/claims/decide';
import { commitmentWrite } from '@/lib/http/commitment-write';

/**
 * Confirms or disputes the commitment's open claim: `{ decision: "confirm" | "dispute", note,
 * updateId, version, effectiveDate? }` → 201 with the answer, or a JSON error (400/401/403/404/409/422).
 */
export const POST = commitmentWrite(decideClaim);
