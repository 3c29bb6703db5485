'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { archiveCommitmentAction } from '@/app/(app)/admin/actions';
import { FormOutcome } from '../forms/error-summary';

export function ArchiveForm({ code, archived }: { code: string; archived: boolean }) {
  const t = useTranslations('admin');
  const [state, action, pending] = useActionState(archiveCommitmentAction, { status: 'idle' });
  return (
    <form action={action} className="form" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t('archiveTitle')}</h2>
      <FormOutcome state={state} headingLevel={3} />
      {archived && <p>{t('archivedNotice')}</p>}
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="archived" value={String(!archived)} />
      <button type="submit" className={archived ? 'button' : 'button button--danger'} disabled={pending}>
        {archived ? t('restore') : t('archive')}
      </button>
    </form>
  );
}
