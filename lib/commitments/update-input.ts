import { z } from 'zod';
import { httpUrl, isoDateString, missingOr, plainText } from '@/lib/validation/common';
import { STATUSES, type Status } from './vocabulary';

export const NOTE_MAX_LENGTH = 5000;

/** Statuses that need an explanation when a commitment moves into them. */
export const STATUSES_REQUIRING_NOTE: readonly Status[] = ['at_risk', 'delayed', 'discontinued'];

/** One status update, as the form and the JSON API send it. */
export const StatusUpdateInput = z.object({
  status: z.enum(STATUSES, { error: missingOr('invalid_status') }),
  progress: z
    .number({ error: missingOr('not_a_number') })
    .int({ message: 'not_an_integer' })
    .min(0, { message: 'out_of_range' })
    .max(100, { message: 'out_of_range' }),
  note: plainText(NOTE_MAX_LENGTH).default(''),
  evidenceUrl: httpUrl.nullish(),
  effectiveDate: isoDateString,
  version: z.number({ error: missingOr('not_a_number') }).int({ message: 'not_an_integer' }).min(1, { message: 'out_of_range' }),
});
export type StatusUpdateInput = z.infer<typeof StatusUpdateInput>;

/** Form fields (strings) to the API's JSON shape, so both go through the same schema. */
export function updateInputFromForm(values: Record<string, string>): Record<string, unknown> {
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
  return {
    status: values.status,
    progress: num(values.progress),
    note: values.note ?? '',
    evidenceUrl: values.evidenceUrl?.trim() ? values.evidenceUrl.trim() : null,
    effectiveDate: values.effectiveDate,
    version: num(values.version),
  };
}
