import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { containsEmailLocalPart } from '@/lib/auth/common-passwords';
import { NewPasswordInput } from '@/lib/auth/password';
import { missingOr, plainText } from '@/lib/validation/common';

const email = z
  .string({ error: missingOr('invalid_email') })
  .trim()
  .max(320, { message: 'too_long' })
  .pipe(z.email({ message: 'invalid_email' }));

/** The display names: `name` (English screens, and the stand-in), `nameKo` (Korean screens; blank: none). */
const names = {
  name: plainText(200).trim().min(1, { message: 'required' }),
  nameKo: plainText(200)
    .trim()
    .nullish()
    .transform((v) => v || null),
};

const access = {
  role: z.enum(ROLES, { error: missingOr('invalid_role') }),
  agencyCode: z.string().trim().max(20).optional().transform((v) => (v ? v.toUpperCase() : undefined)),
};

/** Officials belong to exactly one agency; other roles to none. */
function agencyMatchesRole(v: { role: string; agencyCode?: string }, ctx: z.RefinementCtx) {
  if (v.role === 'official' && !v.agencyCode) ctx.addIssue({ code: 'custom', path: ['agencyCode'], message: 'agency_required' });
  if (v.role !== 'official' && v.agencyCode) ctx.addIssue({ code: 'custom', path: ['agencyCode'], message: 'agency_only_for_officials' });
}

/** A password must not contain the account's e-mail name (`jkim` in `jkim@…`). */
function passwordNotPersonal(v: { email: string; password: string }, ctx: z.RefinementCtx) {
  if (containsEmailLocalPart(v.password, v.email)) ctx.addIssue({ code: 'custom', path: ['password'], message: 'password_contains_email' });
}

export const CreateUserInput = z
  .object({ email, ...names, ...access, password: NewPasswordInput })
  .superRefine(agencyMatchesRole)
  .superRefine(passwordNotPersonal);
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserNamesInput = z.object(names);

export const UpdateUserAccessInput = z.object(access).superRefine(agencyMatchesRole);

export const ResetPasswordInput = z.object({ password: NewPasswordInput });

export const ChangeOwnPasswordInput = z
  .object({
    currentPassword: z.string({ error: missingOr('required') }).min(1, { message: 'required' }).max(1024),
    newPassword: NewPasswordInput,
    confirmPassword: z.string({ error: missingOr('required') }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'passwords_differ' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'password_unchanged' });
