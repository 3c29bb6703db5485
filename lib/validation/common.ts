import { z } from 'zod';
import { normalizeDateInput } from '@/lib/format/date-input';
import { ValidationError } from '@/lib/errors';
import { isIsoDate } from '@/lib/periods/dates';

/** A type-level message that tells a missing value from one of the wrong type. */
export const missingOr =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? 'required' : message;

/** C0/C1 control characters other than tab, line feed and carriage return. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible, they
 * make text display in another order than it reads ("Trojan Source"), in a title, a note or a
 * spreadsheet cell. The marks U+200E/U+200F, which only hint a direction, stay allowed.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Every free-text field the app stores (titles, descriptions, notes, names, the CSV import's cells):
 * at most `max` characters, no control characters, no bidirectional controls.
 */
export const plainText = (max: number) =>
  z
    .string({ error: missingOr('not_a_string') })
    .max(max, { message: 'too_long' })
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'control_characters' })
    .refine((s) => !BIDI_CONTROLS.test(s), { message: 'bidi_controls' });

/** A calendar date, stored YYYY-MM-DD; typed also in the Korean order (`2024. 6. 30.`, lib/format/date-input.ts). */
export const isoDateString = z.preprocess(normalizeDateInput, z.string({ error: missingOr('invalid_date') }).refine(isIsoDate, { message: 'invalid_date' }));

/** An http(s) link. It is shown as link text too, so the same control and bidi rules as text. */
export const httpUrl = z
  .string({ error: 'invalid_url' })
  .max(2000, { message: 'too_long' })
  .refine((s) => !CONTROL_CHARS.test(s), { message: 'control_characters' })
  .refine((s) => !BIDI_CONTROLS.test(s), { message: 'bidi_controls' })
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
      } catch {
        return false;
      }
    },
    { message: 'invalid_url' },
  );

/** Flattens zod issues into field → messages, the shape forms and the API both return. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses input with a schema or throws ValidationError with per-field messages. */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new ValidationError(fieldErrorsOf(r.error));
  return r.data;
}
