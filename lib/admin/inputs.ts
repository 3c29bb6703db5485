import { z } from 'zod';
import { AGENCY_KINDS, BASES, PARTNER_ROLES, type Basis } from '@/lib/commitments/vocabulary';
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
  /** The Korean short name (GLOSSARY.md: 과기정통부); empty when the Korean name is short already. */
  shortNameKo: optionalText(60),
  nameEn: requiredText(300),
  country: z
    .string({ error: missingOr('invalid_country') })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: 'invalid_country' }),
  kind: z.enum(AGENCY_KINDS, { error: missingOr('invalid_kind') }),
});
export type AgencyInput = z.infer<typeof AgencyInput>;

/** Words of the source excerpt that name an agency, a due period or a target. */
const basisWords = plainText(1000).trim();
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/**
 * A partner link with its basis. `basis` stays a string here and is checked against BASES by
 * CommitmentInput, so a bad value is reported under `partners.<CODE>`, naming the agency.
 * Unset: a new link is inferred; an unchanged one (same agency and role) keeps its basis.
 */
export const PartnerInput = z.object({
  agencyCode: refCode(20),
  role: z.enum(PARTNER_ROLES, { error: missingOr('invalid_role') }),
  basis: z.preprocess(blankToUndefined, z.string({ error: 'invalid_basis' }).trim().toLowerCase().optional()),
  words: basisWords.optional(),
});

/**
 * Splits partner text into entries at `;` and line breaks, and at commas outside the naming words
 * (the words run from an entry's third colon to the next `;` or line break, commas included).
 */
function partnerEntries(text: string): string[] {
  const entries: string[] = [];
  for (const line of text.split(/[;\r\n]/)) {
    let current: string | null = null;
    for (const piece of line.split(',')) {
      if (current !== null && current.split(':').length > 3) current += `,${piece}`;
      else {
        if (current !== null) entries.push(current);
        current = piece;
      }
    }
    if (current !== null) entries.push(current);
  }
  return entries.map((s) => s.trim()).filter(Boolean);
}

/**
 * Partners as people type them: `CODE[:role[:basis[:words]]]`, entries separated by `;`:
 * "NSF:counterpart:stated:미 국립과학재단; DOS:counterpart:inferred; DOE" (role defaults to
 * participant; basis to inferred for a new link; `stated` needs the naming words, which may hold
 * anything but `;` and line breaks). Accepts that text or an array of { agencyCode, role, basis?, words? }.
 */
export const PartnersField = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  return partnerEntries(v).map((s) => {
    const [agencyCode = '', role = '', basis = '', ...words] = s.split(':');
    return {
      agencyCode: agencyCode.trim(),
      role: role.trim().toLowerCase().replace(/[\s-]/g, '_') || 'participant',
      ...(basis.trim() ? { basis: basis.trim() } : {}),
      ...(words.length ? { words: words.join(':') } : {}),
    };
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
    /** Unset: a new lead is inferred (stated when words are given); an unchanged lead keeps its basis. */
    leadBasis: z.preprocess(blankToUndefined, z.enum(BASES, { error: 'invalid_basis' }).optional()),
    leadBasisWords: basisWords.optional(),
    partners: PartnersField.default([]),
    /** The reason given to every inferred assignment, due period and target of the commitment (both languages, or neither). */
    inferredReasonKo: optionalText(300),
    inferredReasonEn: optionalText(300),
    due: z
      .string({ error: missingOr('invalid_due') })
      .trim()
      .transform((v) => v || 'ongoing')
      .refine(isValidDueSpec, { message: 'invalid_due' }),
    /** The source's phrase the due period was read from. Left out (not blank): an unchanged due period keeps its basis. */
    dueBasisWords: basisWords.optional(),
    targetKo: optionalText(500),
    targetEn: optionalText(500),
    /** The source's phrase for the target; as dueBasisWords. */
    targetBasisWords: basisWords.optional(),
    sourceExcerpt: plainText(5000).trim().default(''),
  })
  .superRefine((v, ctx) => {
    const codes = v.partners.map((p) => p.agencyCode);
    if (codes.includes(v.leadAgencyCode)) ctx.addIssue({ code: 'custom', path: ['partners'], message: 'lead_is_partner' });
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['partners'], message: 'duplicate_partner' });
    for (const p of v.partners) {
      if (p.basis !== undefined && !(BASES as readonly string[]).includes(p.basis)) ctx.addIssue({ code: 'custom', path: ['partners', p.agencyCode], message: 'invalid_basis' });
    }
    if (!v.inferredReasonKo !== !v.inferredReasonEn) ctx.addIssue({ code: 'custom', path: [v.inferredReasonKo ? 'inferredReasonEn' : 'inferredReasonKo'], message: 'basis_reason_required' });
  })
  .transform((v) => ({ ...v, partners: v.partners.map((p) => ({ ...p, basis: p.basis as Basis | undefined })) }));
export type CommitmentInput = z.infer<typeof CommitmentInput>;
