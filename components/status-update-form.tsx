'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import { useActionState } from 'react';
import { recordStatusUpdate } from '@/app/(app)/commitments/[code]/actions';
import type { ActionState } from '@/lib/http/action-state';
import { NOTE_MAX_LENGTH } from '@/lib/commitments/update-input';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { Field } from './forms/field';
import { FormOutcome } from './forms/error-summary';
import { DateInput } from '@/components/forms/date-input';
import { displayName } from '@/lib/users/display-name';

interface Props {
  code: string;
  version: number;
  status: Status;
  progress: number;
  today: string;
  minDate: string;
}

interface CurrentState {
  status: Status;
  progress: number;
  version: number;
  lastUpdate?: { author: string; authorKo?: string | null; agency: string | null; agencyKo?: string | null; status: Status; progress: number; note: string; recordedAt: string } | null;
}

export function StatusUpdateForm({ code, version, status, progress, today, minDate }: Props) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const [state, action, pending] = useActionState<ActionState, FormData>(recordStatusUpdate, { status: 'idle' });
  const current = state.current as CurrentState | undefined;
  const v = state.status === 'error' ? state.values : undefined;
  const messageValues = current
    ? { status: t(`status.${current.status}`), progress: current.progress, version: current.version }
    : undefined;
  // After a conflict the form carries the latest version, so submitting again applies on top of it.
  const baseVersion = current?.version ?? version;

  return (
    // Remounting on each outcome makes the fields show what was typed (after an error) or fresh defaults.
    <form action={action} className="form" aria-labelledby="update-heading" key={v ? JSON.stringify(v) : `v${baseVersion}`}>
      <h2 id="update-heading">{t('update.title')}</h2>
      <p className="muted">{t('update.intro')}</p>
      <FormOutcome
        state={state}
        values={messageValues}
        headingLevel={3}
        fields={(['status', 'progress', 'effectiveDate', 'note', 'evidenceUrl'] as const).map((name) => ({ name, label: t(`update.${name}`) }))}
      />
      {current?.lastUpdate && (
        <p className="notice notice--info">
          {t('update.lastUpdate', {
            // The author by display name and the agency as this page's language names it: `과기정통부 담당자, 과기정통부` / `MSIT official, MSIT`.
            author: [displayName({ name: current.lastUpdate.author, nameKo: current.lastUpdate.authorKo }, locale), locale === 'ko' ? current.lastUpdate.agencyKo : current.lastUpdate.agency].filter(Boolean).join(', '),
            status: t(`status.${current.lastUpdate.status}`),
            progress: current.lastUpdate.progress,
            note: current.lastUpdate.note || '—',
          })}
        </p>
      )}
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={baseVersion} />
      <div className="form__row">
        <Field name="status" label={t('update.status')} errors={state.fieldErrors?.status}>
          {(p) => (
            <select {...p} defaultValue={v?.status ?? current?.status ?? status}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="progress" label={t('update.progress')} errors={state.fieldErrors?.progress}>
          {(p) => (
            <input {...p} type="number" min={0} max={100} step={1} inputMode="numeric" defaultValue={v?.progress ?? current?.progress ?? progress} />
          )}
        </Field>
        <Field name="effectiveDate" label={t('update.effectiveDate')} hint={t('update.effectiveHint')} errors={state.fieldErrors?.effectiveDate}>
          {(p) => <DateInput {...p} locale={locale} min={minDate} max={today} value={v?.effectiveDate ?? today} />}
        </Field>
      </div>
      <Field name="note" label={t('update.note')} hint={t('update.noteHint')} errors={state.fieldErrors?.note}>
        {(p) => <textarea {...p} rows={4} maxLength={NOTE_MAX_LENGTH} defaultValue={v?.note ?? ''} />}
      </Field>
      <Field name="evidenceUrl" label={t('update.evidenceUrl')} hint={t('update.evidenceHint')} errors={state.fieldErrors?.evidenceUrl}>
        {(p) => <input {...p} type="url" inputMode="url" placeholder="https://" defaultValue={v?.evidenceUrl ?? ''} />}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('update.submitting') : t('update.submit')}
      </button>
    </form>
  );
}
