import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { saveDialogueAction } from '@/app/(app)/admin/actions';
import { dialogueFields } from '@/components/admin/field-specs';
import { EntityForm } from '@/components/forms/entity-form';
import { getDialogue } from '@/lib/admin/queries';
import { requirePagePermission } from '@/lib/auth/current-user';

export default async function EditDialoguePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission('dialogue.manage');
  const id = Number((await params).id);
  const d = Number.isInteger(id) ? getDialogue(id) : undefined;
  if (!d) notFound();
  const t = await getTranslations('admin');
  const values = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v == null ? '' : String(v)]));
  return (
    <>
      <p>
        <Link href="/admin/dialogues">← {t('dialogues')}</Link>
      </p>
      <section className="panel">
        <EntityForm action={saveDialogueAction} fields={await dialogueFields()} values={values} hidden={{ id: String(d.id) }} heading={`${t('editDialogue')}: ${d.code}`} submitLabel={t('save')} />
      </section>
    </>
  );
}
