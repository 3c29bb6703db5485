import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CountryRow } from '@/lib/as-of/view';
import { AgenciesTable, type AgencyRow } from './agencies-table';

/** Per lead agency (sortable) and per country: led, completed, overdue, each linked to its list. */
export async function AgenciesCard({ agencyRows, countries }: { agencyRows: AgencyRow[]; countries: CountryRow[] }) {
  const t = await getTranslations();
  return (
    <section className="card" aria-labelledby="agencies-title">
      <h2 id="agencies-title">{t('dashboard.agencies.title')}</h2>
      <p className="muted card__caption">{t('dashboard.agencies.caption')}</p>
      <div className="table-scroll">
        <AgenciesTable rows={agencyRows} caption={t('dashboard.agencies.title')} />
      </div>
      <h3>{t('dashboard.agencies.countriesTitle')}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('dashboard.agencies.countriesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.agencies.country')}</th>
              <th scope="col">{t('dashboard.agencies.led')}</th>
              <th scope="col">{t('dashboard.agencies.completed')}</th>
              <th scope="col">{t('dashboard.agencies.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {countries.map((c) => (
              <tr key={c.country}>
                <th scope="row">{t.has(`country.${c.country}` as never) ? t(`country.${c.country}` as never) : c.country}</th>
                <td className="num">
                  <Link href={c.links.led}>{c.led}</Link>
                </td>
                <td className="num">
                  <Link href={c.links.completed}>{c.completed}</Link>
                </td>
                <td className="num">
                  <Link href={c.links.overdue}>{c.overdue}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>

  );
}
