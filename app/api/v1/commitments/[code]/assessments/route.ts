import { recordAssessment } from '@/lib/assessments/record';
import { commitmentWrite } from '@/lib/http/commitment-write';

/**
 * Records an analyst's assessment for a quarter: `{ quarter, verdict: 1 | 0 | -1, confidence,
 * rationale, links?, revises? }` → 201 with the entry, or a JSON error (400/401/403/404/409/422).
 */
export const POST = commitmentWrite(recordAssessment);
