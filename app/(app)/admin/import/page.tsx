import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportForm } from '@/components/admin/import-form';
import { CSV_COLUMNS } from '@/lib/admin/csv-import';
import { requirePagePermission } from '@/lib/auth/current-user';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('import') };
}

export default async function ImportPage() {
  await requirePagePermission('commitment.manage');
  const t = await getTranslations('admin');
  return (
    <>
      <h1>{t('importTitle')}</h1>
      <p className="muted">{t('importIntro')}</p>
      <section className="panel">
        <ImportForm columns={Object.keys(CSV_COLUMNS)} />
      </section>
    </>
  );
}
