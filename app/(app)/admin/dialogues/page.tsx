import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { saveDialogueAction } from '@/app/(app)/admin/actions';
import { dialogueFields } from '@/components/admin/field-specs';
import { EntityForm } from '@/components/forms/entity-form';
import { SyntheticBadge } from '@/components/synthetic-badge';
import { listDialoguesWithCounts } from '@/lib/admin/queries';
import { requirePagePermission } from '@/lib/auth/current-user';
import { formatDate } from '@/lib/format/datetime';
import { localized, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('dialogues') };
}

export default async function DialoguesPage() {
  await requirePagePermission('dialogue.manage');
  const [t, locale] = [await getTranslations('admin'), await getLocale()];
  const rows = listDialoguesWithCounts();
  return (
    <>
      <h1>{t('dialogues')}</h1>
      <div className="table-scroll table-scroll--cards">
        <table className="data-table data-table--cards">
          <caption className="visually-hidden">{t('dialogues')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('nameEn')}</th>
              <th scope="col">{t('heldOn')}</th>
              <th scope="col">{t('commitmentsCount')}</th>
              <th scope="col">{t('edit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td className="mono">{d.code}</td>
                <th scope="row">
                  {localized(locale, { ko: d.nameKo, en: d.nameEn })}
                  {d.synthetic && <SyntheticBadge />} · {localized(locale, { ko: d.placeKo, en: d.placeEn })}
                </th>
                <td className="nowrap" data-label={t('heldOn')}>
                  {formatDate(d.heldOn, locale as Locale)}
                </td>
                <td data-label={t('commitmentsCount')}>
                  <Link href={`/commitments?dialogue=${encodeURIComponent(d.code)}`}>{d.commitments}</Link>
                </td>
                <td>
                  <Link href={`/admin/dialogues/${d.id}`} aria-label={`${t('edit')}: ${d.code}`}>
                    {t('edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="panel">
        <EntityForm action={saveDialogueAction} fields={await dialogueFields()} heading={t('createDialogue')} submitLabel={t('create')} />
      </section>
    </>
  );
}
