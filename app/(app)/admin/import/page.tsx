import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ImportForm } from '@/components/admin/import-form';
import { getDb } from '@/db/client';
import { CSV_COLUMNS } from '@/lib/admin/csv-import';
import { importCodes } from '@/lib/admin/import-template';
import { requirePagePermission } from '@/lib/auth/current-user';
import { formatDate } from '@/lib/format/datetime';
import { localized } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('import') };
}

export default async function ImportPage() {
  await requirePagePermission('commitment.manage');
  const [t, root, locale] = [await getTranslations('admin'), await getTranslations(), await getLocale()];
  const codes = importCodes(getDb());
  const name = (x: { nameKo: string; nameEn: string }) => localized(locale, { ko: x.nameKo, en: x.nameEn });
  const country = (code: string) => (root.has(`country.${code}` as never) ? root(`country.${code}` as never) : code);
  return (
    <>
      <h1>{t('importTitle')}</h1>
      <p className="muted">{t('importIntro')}</p>
      <p>
        <a className="button button--secondary" href="/admin/import/template.csv" download>
          {t('importTemplate')}
        </a>{' '}
        <span className="muted">{t('importTemplateHint')}</span>
      </p>
      <section className="panel">
        <ImportForm columns={Object.keys(CSV_COLUMNS)} />
      </section>
      <section aria-labelledby="import-codes-heading">
        <h2 id="import-codes-heading">{t('importCodesTitle')}</h2>
        <p className="muted">{t('importCodesIntro')}</p>
        <div className="panels">
          <CodeTable caption={t('importDialogues')} head={[t('code'), t('importName'), t('heldOn')]} rows={codes.dialogues.map((d) => [d.code, name(d), formatDate(d.heldOn, locale)])} />
          <CodeTable caption={t('importAreas')} head={[t('code'), t('importName')]} rows={codes.areas.map((a) => [a.code, name(a)])} />
          <CodeTable caption={t('importAgencies')} head={[t('code'), t('importName'), t('country')]} rows={codes.agencies.map((a) => [a.code, name(a), country(a.country)])} />
        </div>
      </section>
    </>
  );
}

/** One list of valid codes: the code first (a row header), then what it names. */
function CodeTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([code, ...rest]) => (
            <tr key={code}>
              <th scope="row" className="mono">
                {code}
              </th>
              {rest.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
