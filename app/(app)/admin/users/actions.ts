'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { actionError, formValues, type ActionState } from '@/lib/http/action-state';
import { createUser, resetUserPassword, setUserActive, updateUserAccess, updateUserNames } from '@/lib/users/service';

function userIdOf(formData: FormData): number {
  const id = Number(formData.get('userId'));
  return Number.isInteger(id) && id > 0 ? id : -1;
}

export async function createUserAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const { actor, ctx } = await requireActor();
    const user = await createUser(getDb(), actor, { ...values, agencyCode: values.agencyCode || undefined }, ctx);
    revalidatePath('/admin/users');
    return { status: 'success', message: 'users.created', values: { email: user.email } };
  } catch (error) {
    const { password: _omit, ...kept } = values;
    return actionError(error, kept);
  }
}

export async function updateNamesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const { actor, ctx } = await requireActor();
    updateUserNames(getDb(), actor, userIdOf(formData), { name: values.name, nameKo: values.nameKo }, ctx);
    revalidatePath('/admin/users');
    return { status: 'success', message: 'users.namesSaved' };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function updateAccessAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const { actor, ctx } = await requireActor();
    updateUserAccess(getDb(), actor, userIdOf(formData), { role: values.role, agencyCode: values.agencyCode || undefined }, ctx);
    revalidatePath('/admin/users');
    return { status: 'success', message: 'users.accessSaved' };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function setActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, ctx } = await requireActor();
    const active = formData.get('active') === 'true';
    setUserActive(getDb(), actor, userIdOf(formData), active, ctx);
    revalidatePath('/admin/users');
    return { status: 'success', message: active ? 'users.enabled' : 'users.disabledNotice' };
  } catch (error) {
    return actionError(error);
  }
}

export async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, ctx } = await requireActor();
    await resetUserPassword(getDb(), actor, userIdOf(formData), { password: formData.get('password') }, ctx);
    revalidatePath('/admin/users');
    return { status: 'success', message: 'users.resetDone' };
  } catch (error) {
    return actionError(error);
  }
}
