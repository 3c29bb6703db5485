import 'server-only';
import { eq, min } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { agencies, areas, dialogues } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { LOCALES } from '@/lib/i18n/config';
import { formatQuarter, parseQuarter, previousQuarter, quarterOf, quarterRange } from '@/lib/periods/quarters';
import { fieldErrorsOf } from '@/lib/validation/common';
import { REPORT_FORMATS, type ReportFormat, type ReportParams } from './types';

const code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, { message: 'invalid_code' }).toUpperCase();

/** A report's parameters as the API and the reports page take them. */
export const ReportParamsInput = z.object({
  quarter: z
    .string({ message: 'required' })
    .trim()
    .toUpperCase()
    .refine((v) => parseQuarter(v) !== null, { message: 'invalid_quarter' }),
  lang: z.enum(LOCALES, { message: 'invalid_lang' }).default('en'),
  dialogue: code.optional(),
  area: code.optional(),
  agency: code.optional(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { message: 'invalid_country' }).optional(),
});

export const ReportFormatInput = z.enum(REPORT_FORMATS, { message: 'invalid_format' }).default('json');

/** Query parameters → raw object: empty values dropped. */
export function reportQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

/**
 * Parses and checks a report's parameters: a well-formed quarter that has started by `today`, and
 * filter values that exist. Every failure names its field (422).
 */
export function parseReportParams(db: Db, raw: Record<string, unknown>, today: string): ReportParams {
  const parsed = ReportParamsInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error), 'Invalid report parameters');
  const p = parsed.data;
  const q = parseQuarter(p.quarter)!;
  const errors: Record<string, string[]> = {};
  if (quarterRange(q).start > today) errors.quarter = ['quarter_in_future'];
  if (p.dialogue && !db.select({ id: dialogues.id }).from(dialogues).where(eq(dialogues.code, p.dialogue)).get()) errors.dialogue = ['unknown_dialogue'];
  if (p.area && !db.select({ id: areas.id }).from(areas).where(eq(areas.code, p.area)).get()) errors.area = ['unknown_area'];
  if (p.agency && !db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, p.agency)).get()) errors.agency = ['unknown_agency'];
  if (p.country && !db.select({ id: agencies.id }).from(agencies).where(eq(agencies.country, p.country)).get()) errors.country = ['unknown_country'];
  if (Object.keys(errors).length) throw new ValidationError(errors, `Invalid report parameters: ${Object.keys(errors).join(', ')}`);
  return { quarter: formatQuarter(q), lang: p.lang, ...(p.dialogue && { dialogue: p.dialogue }), ...(p.area && { area: p.area }), ...(p.agency && { agency: p.agency }), ...(p.country && { country: p.country }) };
}

export function parseReportFormat(raw: unknown): ReportFormat {
  const parsed = ReportFormatInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError({ format: ['invalid_format'] }, 'Invalid format: choose json, csv, xlsx or pdf');
  return parsed.data;
}

/** The quarters a report can be asked for: the current one back to the first dialogue's (at least eight), newest first. */
export function reportQuarters(db: Db, today: string): string[] {
  const first = db.select({ d: min(dialogues.heldOn) }).from(dialogues).get()?.d ?? today;
  const out: string[] = [];
  for (let q = quarterOf(today); out.length < 8 || quarterRange(q).end >= first; q = previousQuarter(q)) out.push(formatQuarter(q));
  return out;
}
