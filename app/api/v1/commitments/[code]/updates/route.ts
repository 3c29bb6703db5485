import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { commitmentWrite } from '@/lib/http/commitment-write';

/** Records a status update: 201 with the new state, or a JSON error (400/401/403/404/409/422). */
export const POST = commitmentWrite(updateCommitmentStatus);
