import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { saveAgencyAction } from '@/app/(app)/admin/actions';
import { agencyFields } from '@/components/admin/field-specs';
import { EntityForm } from '@/components/forms/entity-form';
import { listAgenciesWithCounts } from '@/lib/admin/queries';
import { requirePagePermission } from '@/lib/auth/current-user';
import { localized } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('agencies') };
}

export default async function AgenciesPage() {
  await requirePagePermission('agency.manage');
  const [t, all, locale] = [await getTranslations('admin'), await getTranslations(), await getLocale()];
  const rows = listAgenciesWithCounts();
  const countries = [...new Set(rows.map((r) => r.country))].sort();
  return (
    <>
      <h1>{t('agencies')}</h1>
      <div className="table-scroll table-scroll--cards">
        <table className="data-table data-table--cards">
          <caption className="visually-hidden">{t('agencies')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('agencyName')}</th>
              <th scope="col">{t('shortNameKo')}</th>
              <th scope="col">{t('country')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('commitmentsCount')}</th>
              <th scope="col">{t('edit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td className="mono">{a.code}</td>
                <th scope="row">{localized(locale, { ko: a.nameKo, en: a.nameEn })}</th>
                <td data-label={t('shortNameKo')}>{a.shortNameKo ?? '—'}</td>
                <td data-label={t('country')}>{all.has(`country.${a.country}` as never) ? all(`country.${a.country}` as never) : a.country}</td>
                <td data-label={t('kind')}>{all(`agencyKind.${a.kind}`)}</td>
                <td data-label={t('commitmentsCount')}>
                  <Link href={`/commitments?agency=${encodeURIComponent(a.code)}`}>{a.led}</Link>
                </td>
                <td>
                  <Link href={`/admin/agencies/${a.id}`} aria-label={`${t('edit')}: ${a.code}`}>
                    {t('edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="panel">
        <EntityForm action={saveAgencyAction} fields={await agencyFields(countries)} heading={t('createAgency')} submitLabel={t('create')} values={{ kind: 'ministry' }} />
      </section>
    </>
  );
}
