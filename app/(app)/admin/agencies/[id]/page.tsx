import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { saveAgencyAction } from '@/app/(app)/admin/actions';
import { agencyFields } from '@/components/admin/field-specs';
import { EntityForm } from '@/components/forms/entity-form';
import { getAgency } from '@/lib/admin/queries';
import { requirePagePermission } from '@/lib/auth/current-user';

export default async function EditAgencyPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission('agency.manage');
  const id = Number((await params).id);
  const a = Number.isInteger(id) ? getAgency(id) : undefined;
  if (!a) notFound();
  const t = await getTranslations('admin');
  const values = { code: a.code, nameKo: a.nameKo, shortNameKo: a.shortNameKo ?? '', nameEn: a.nameEn, country: a.country, kind: a.kind };
  return (
    <>
      <p>
        <Link href="/admin/agencies">← {t('agencies')}</Link>
      </p>
      <section className="panel">
        <EntityForm action={saveAgencyAction} fields={await agencyFields([a.country])} values={values} hidden={{ id: String(a.id) }} heading={`${t('editAgency')}: ${a.code}`} submitLabel={t('save')} />
      </section>
    </>
  );
}
