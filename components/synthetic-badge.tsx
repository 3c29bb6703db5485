import { useTranslations } from 'next-intl';

/**
 * The mark next to a synthetic dialogue's name (the sample `npm run demo` adds): "가상 예시" /
 * "Synthetic" on screen, the full sentence for screen readers and as the pointer's tooltip.
 * A document in another language than the page (a report) passes its own words.
 */
export function SyntheticBadge({ text, label }: { text?: string; label?: string }) {
  const t = useTranslations('synthetic');
  const [shown, explained] = [text ?? t('badge'), label ?? t('explanation')];
  return (
    <span className="badge badge--synthetic" title={explained}>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">
        {shown}: {explained}
      </span>
    </span>
  );
}
