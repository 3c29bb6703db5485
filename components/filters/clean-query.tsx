'use client';

import { useEffect, useRef } from 'react';
import { parseDateInput } from '@/lib/format/date-input';

/**
 * Placed inside a GET form: just before it is sent, drops the fields left empty and an as-of date
 * equal to `today` (typed in any order the date fields accept), so the URL holds only what was chosen and a bookmark of "today" keeps moving.
 * Without JavaScript the form still works: an empty as-of date means today.
 */
export function CleanQuery({ today }: { today?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form) return;
    const onFormData = (e: FormDataEvent) => {
      for (const key of new Set(e.formData.keys())) {
        const values = e.formData.getAll(key);
        if (values.every((v) => v === '' || (key === 'asOf' && typeof v === 'string' && parseDateInput(v) === today))) e.formData.delete(key);
      }
    };
    form.addEventListener('formdata', onFormData);
    return () => form.removeEventListener('formdata', onFormData);
  }, [today]);
  return <span ref={ref} hidden />;
}
