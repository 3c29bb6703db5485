import { z } from 'zod';
import { AGENCY_KINDS, PARTNER_ROLES } from '@/lib/commitments/vocabulary';
import { isValidDueSpec } from '@/lib/periods/due-period';
import { httpUrl, isoDateString, missingOr, plainText } from '@/lib/validation/common';

/** Upper-case reference codes such as MSIT, CET23-BIO-01 or KR-US-CET-2023. */
const refCode = (max: number) =>
  z
    .string({ error: missingOr('invalid_code') })
    .trim()
    .toUpperCase()
    .min(1, { message: 'required' })
    .max(max, { message: 'too_long' })
    .regex(/^[A-Z0-9][A-Z0-9_-]*$/, { message: 'invalid_code' });

const requiredText = (max: number) => plainText(max).trim().min(1, { message: 'required' });
const optionalText = (max: number) =>
  plainText(max)
    .trim()
    .nullish()
    .transform((v) => (v ? v : null));

export const DialogueInput = z.object({
  code: refCode(40),
  nameKo: requiredText(300),
  nameEn: requiredText(300),
  heldOn: isoDateString,
  placeKo: requiredText(200),
  placeEn: requiredText(200),
  coChairsKo: plainText(500).trim().default(''),
  coChairsEn: plainText(500).trim().default(''),
  sourceTitle: optionalText(500),
  sourcePublisher: optionalText(200),
  sourceUrl: z.union([z.literal('').transform(() => null), httpUrl]).optional().transform((v) => v ?? null),
  sourceFile: optionalText(300),
});
export type DialogueInput = z.infer<typeof DialogueInput>;

export const AgencyInput = z.object({
  code: refCode(20),
  nameKo: requiredText(300),
  nameEn: requiredText(300),
  country: z
    .string({ error: missingOr('invalid_country') })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: 'invalid_country' }),
  kind: z.enum(AGENCY_KINDS, { error: missingOr('invalid_kind') }),
});
export type AgencyInput = z.infer<typeof AgencyInput>;

export const PartnerInput = z.object({ agencyCode: refCode(20), role: z.enum(PARTNER_ROLES, { error: missingOr('invalid_role') }) });

/**
 * Partners as people type them: "NSF:counterpart; DOE" (role defaults to participant).
 * Accepts that text or an array of { agencyCode, role }.
 */
export const PartnersField = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  return v
    .split(/[;\n,]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [agencyCode = '', role = 'participant'] = s.split(':').map((x) => x.trim());
      return { agencyCode, role: role.toLowerCase().replace(/[\s-]/g, '_') };
    });
}, z.array(PartnerInput, { message: 'invalid_partners' }).max(30));

export const CommitmentInput = z
  .object({
    code: refCode(40),
    dialogueCode: refCode(40),
    areaCode: refCode(20),
    titleKo: requiredText(500),
    titleEn: requiredText(500),
    descriptionKo: plainText(5000).trim().default(''),
    descriptionEn: plainText(5000).trim().default(''),
    leadAgencyCode: refCode(20),
    partners: PartnersField.default([]),
    due: z
      .string({ error: missingOr('invalid_due') })
      .trim()
      .transform((v) => v || 'ongoing')
      .refine(isValidDueSpec, { message: 'invalid_due' }),
    targetKo: optionalText(500),
    targetEn: optionalText(500),
    sourceExcerpt: plainText(5000).trim().default(''),
  })
  .superRefine((v, ctx) => {
    const codes = v.partners.map((p) => p.agencyCode);
    if (codes.includes(v.leadAgencyCode)) ctx.addIssue({ code: 'custom', path: ['partners'], message: 'lead_is_partner' });
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['partners'], message: 'duplicate_partner' });
  });
export type CommitmentInput = z.infer<typeof CommitmentInput>;
