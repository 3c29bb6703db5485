import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { saveCommitmentAction } from '@/app/(app)/admin/actions';
import { commitmentFields } from '@/components/admin/field-specs';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePagePermission } from '@/lib/auth/current-user';
import { getFilterOptions } from '@/lib/commitments/filter-options';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('newCommitment') };
}

export default async function NewCommitmentPage() {
  await requirePagePermission('commitment.manage');
  const t = await getTranslations('admin');
  const options = getFilterOptions();
  const values = { dialogueCode: options.dialogues.at(-1)?.code ?? '', due: 'ongoing' };
  return (
    <section className="panel">
      <EntityForm action={saveCommitmentAction} fields={await commitmentFields(options)} values={values} heading={t('newCommitment')} submitLabel={t('create')} />
    </section>
  );
}
