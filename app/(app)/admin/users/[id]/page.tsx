import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AccessForm, ActiveForm, NamesForm, ResetPasswordForm } from '@/components/admin/user-forms';
import { listAgencies } from '@/lib/agencies/queries';
import { requirePagePermission } from '@/lib/auth/current-user';
import { getUser } from '@/lib/users/queries';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

export default async function UserPage({ params }: Props) {
  await requirePagePermission('user.manage');
  const id = Number((await params).id);
  const user = Number.isInteger(id) ? getUser(id) : undefined;
  if (!user) notFound();
  const t = await getTranslations('users');
  const agencies = listAgencies();
  return (
    <>
      <p>
        <Link href="/admin/users">← {t('back')}</Link>
      </p>
      <h1>{t('editTitle', { email: user.email })}</h1>
      <div className="panels">
        <section className="panel">
          <NamesForm user={user} />
        </section>
        <section className="panel">
          <AccessForm user={user} agencies={agencies} />
        </section>
        <section className="panel">
          <ActiveForm user={user} />
        </section>
        <section className="panel">
          <ResetPasswordForm user={user} />
        </section>
      </div>
    </>
  );
}
