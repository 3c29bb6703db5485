import type { SummaryField } from '@/components/forms/error-summary';

type Key = 'reports.form.quarter' | 'filters.dialogue' | 'filters.area' | 'filters.agency' | 'filters.country' | 'reports.form.language';

/** The report's parameters as the preview form's fields, for an error summary (the preview's and the issue's). */
export function reportFields(t: (key: Key) => string): SummaryField[] {
  const labels = { quarter: t('reports.form.quarter'), dialogue: t('filters.dialogue'), area: t('filters.area'), agency: t('filters.agency'), country: t('filters.country'), lang: t('reports.form.language') };
  return Object.entries(labels).map(([name, label]) => ({ name, label, id: `report-${name}` }));
}
