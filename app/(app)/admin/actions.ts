'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { createCommitment, setCommitmentArchived, updateCommitment } from '@/lib/admin/commitment-service';
import { ImportRejectedError, importCommitments, previewCommitmentImport, type ImportPreview } from '@/lib/admin/csv-import';
import { saveAgency, saveDialogue } from '@/lib/admin/reference-service';
import { requireActor } from '@/lib/auth/current-user';
import { actionError, formValues, type ActionState } from '@/lib/http/action-state';

const idOf = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);

export async function saveDialogueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const { actor, ctx } = await requireActor();
    saveDialogue(getDb(), actor, idOf(values.id), values, ctx);
    revalidatePath('/admin/dialogues');
    return { status: 'success', message: 'admin.saved' };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function saveAgencyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const { actor, ctx } = await requireActor();
    saveAgency(getDb(), actor, idOf(values.id), values, ctx);
    revalidatePath('/admin/agencies');
    return { status: 'success', message: 'admin.saved' };
  } catch (error) {
    return actionError(error, values);
  }
}

/** Creates (no id) or edits (id + version) a commitment; a new one opens on its own page. */
export async function saveCommitmentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let created: string | null = null;
  try {
    const { actor, ctx } = await requireActor();
    const id = idOf(values.id);
    if (id === null) created = createCommitment(getDb(), actor, values, ctx).code;
    else updateCommitment(getDb(), actor, id, values, Number(values.version), ctx);
    revalidatePath('/commitments', 'layout');
  } catch (error) {
    return actionError(error, values);
  }
  if (created) redirect(`/commitments/${encodeURIComponent(created)}`);
  return { status: 'success', message: 'admin.saved' };
}

export async function archiveCommitmentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, ctx } = await requireActor();
    const archived = formData.get('archived') === 'true';
    setCommitmentArchived(getDb(), actor, String(formData.get('code') ?? ''), archived, ctx);
    revalidatePath('/commitments', 'layout');
    return { status: 'success', message: archived ? 'admin.archived' : 'admin.restored' };
  } catch (error) {
    return actionError(error);
  }
}

export interface ImportState extends ActionState {
  preview?: ImportPreview;
  csv?: string;
  imported?: number;
}

/** An uploaded file as its bytes (the import checks their UTF-8 itself), else the pasted text. */
async function csvOf(formData: FormData): Promise<string | Uint8Array> {
  const file = formData.get('file');
  if (file instanceof File && file.size > 0) return new Uint8Array(await file.arrayBuffer());
  return String(formData.get('csv') ?? '');
}

/** Step 1 (dry run) shows every row's errors; step 2 imports the same text, all or nothing. */
export async function importAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  try {
    const { actor, ctx } = await requireActor();
    const csv = await csvOf(formData);
    if (formData.get('mode') !== 'import') {
      const preview = previewCommitmentImport(getDb(), actor, csv, ctx);
      // Step 2 posts the checked text back; a file that is not UTF-8 has none to offer.
      const text = typeof csv === 'string' ? csv : preview.fileErrors.some((e) => e.startsWith('invalid_utf8')) ? undefined : new TextDecoder('utf-8').decode(csv);
      return { status: 'idle', preview, csv: text };
    }
    const { imported } = importCommitments(getDb(), actor, csv, ctx);
    revalidatePath('/commitments', 'layout');
    return { status: 'success', message: 'admin.imported', imported };
  } catch (error) {
    if (error instanceof ImportRejectedError) return { status: 'error', message: 'admin.importRejected', preview: error.preview };
    return actionError(error);
  }
}
