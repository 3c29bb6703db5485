'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { actionError, formValues, type ActionState } from '@/lib/http/action-state';
import { issueReport } from '@/lib/reports/issue';

/** The "Issue" button: the same service as POST /api/v1/reports; opens the issued report. */
export async function issueReportAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: number;
  try {
    const { actor, ctx } = await requireActor();
    const params = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    id = (await issueReport(getDb(), actor, params, ctx)).id;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(`/reports/issued/${id}`);
}
