import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CommitmentsTable } from '@/components/commitments-table';
import { requirePagePermission } from '@/lib/auth/current-user';
import { countDialogues, listCommitments } from '@/lib/commitments/queries';
import { todayIso } from '@/lib/periods/dates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('commitments');
  return { title: t('title') };
}

export default async function CommitmentsPage() {
  await requirePagePermission('commitment.read');
  const t = await getTranslations('commitments');
  const items = listCommitments();
  return (
    <>
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{t('summary', { count: items.length, dialogues: countDialogues() })}</p>
      </div>
      <CommitmentsTable items={items} today={todayIso()} />
    </>
  );
}
