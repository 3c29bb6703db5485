import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/admin/user-forms';
import { AgencyName } from '@/components/agency-name';
import { listAgencies } from '@/lib/agencies/queries';
import { requirePagePermission } from '@/lib/auth/current-user';
import { displayName } from '@/lib/users/display-name';
import { listUsers } from '@/lib/users/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

export default async function UsersPage() {
  const actor = await requirePagePermission('user.manage');
  const [t, locale] = [await getTranslations(), await getLocale()];
  const users = listUsers();
  return (
    <>
      <div className="page-heading">
        <h1>{t('users.title')}</h1>
        <p className="muted">{t('users.intro')}</p>
      </div>
      <div className="table-scroll table-scroll--cards">
        <table className="data-table data-table--cards">
          <caption className="visually-hidden">{t('users.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.agency')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.email} {u.id === actor.id && <span className="muted">{t('users.you')}</span>}
                </th>
                <td data-label={t('users.name')}>{displayName(u, locale)}</td>
                <td data-label={t('users.role')}>{t(`roles.${u.role}`)}</td>
                <td data-label={t('users.agency')}>{u.agencyCode ? <AgencyName agency={{ code: u.agencyCode, nameKo: u.agencyNameKo ?? u.agencyCode, shortNameKo: u.agencyShortNameKo, nameEn: u.agencyNameEn ?? u.agencyCode }} /> : '—'}</td>
                <td data-label={t('users.status')}>
                  {u.active ? t('users.active') : t('users.disabled')}
                  {u.mustChangePassword && <span className="muted"> · {t('users.mustChange')}</span>}
                </td>
                <td>
                  <Link href={`/admin/users/${u.id}`} aria-label={`${t('users.edit')}: ${u.email}`}>
                    {t('users.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="panel">
        <CreateUserForm agencies={listAgencies()} />
      </section>
    </>
  );
}
