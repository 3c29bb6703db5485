import { useTranslations } from 'next-intl';

export function ProgressBar({ value }: { value: number }) {
  const t = useTranslations('commitments');
  return (
    <span className="progress">
      <span
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-label={t('progressLabel', { value })}
        className="progress__track"
      >
        <span className="progress__fill" style={{ width: `${value}%` }} />
      </span>
      <span className="progress__value" aria-hidden="true">
        {value}%
      </span>
    </span>
  );
}
