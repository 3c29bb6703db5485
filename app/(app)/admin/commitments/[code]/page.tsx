import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { saveCommitmentAction } from '@/app/(app)/admin/actions';
import { ArchiveForm } from '@/components/admin/archive-form';
import { commitmentFields } from '@/components/admin/field-specs';
import { EntityForm } from '@/components/forms/entity-form';
import { getCommitmentForEdit } from '@/lib/admin/queries';
import { requirePagePermission } from '@/lib/auth/current-user';
import { commitmentCodeParam } from '@/lib/commitments/code-param';
import { getFilterOptions } from '@/lib/commitments/filter-options';

export default async function EditCommitmentPage({ params }: { params: Promise<{ code: string }> }) {
  const code = commitmentCodeParam((await params).code);
  await requirePagePermission('commitment.manage', undefined, code ?? undefined);
  const c = code === null ? undefined : getCommitmentForEdit(code);
  if (!c || code === null) notFound();
  const t = await getTranslations('admin');
  return (
    <>
      <p>
        <Link href={`/commitments/${encodeURIComponent(code)}`}>← {code}</Link>
      </p>
      <section className="panel">
        <EntityForm
          action={saveCommitmentAction}
          fields={await commitmentFields(getFilterOptions())}
          values={c.values}
          hidden={{ id: String(c.id), version: String(c.version) }}
          heading={`${t('editCommitment')}: ${code}`}
          submitLabel={t('save')}
        />
      </section>
      <section className="panel">
        <ArchiveForm code={code} archived={!!c.archivedAt} />
      </section>
    </>
  );
}
