import { useTranslations } from 'next-intl';

/**
 * The button that shows a filter form on phones, with the number of filters in force; on wider
 * screens it is hidden and the form always shows (globals.css, "filters on phones"). A <details>
 * with no content of its own: the form that follows it is shown while it is open, with no script.
 */
export function FiltersToggle({ controls, active, open = false }: { controls: string; active: number; open?: boolean }) {
  const t = useTranslations('filters');
  return (
    <details className="filters-toggle" open={open}>
      <summary aria-controls={controls}>{active > 0 ? t('toggleActive', { count: active }) : t('toggle')}</summary>
    </details>
  );
}
