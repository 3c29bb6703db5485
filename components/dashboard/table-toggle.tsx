'use client';

import { useState } from 'react';

/**
 * "Show as table" under a chart: a native disclosure (keyboard and screen-reader ready) whose
 * table renders once opened, so a page of charts sends their numbers once, not a table per chart.
 */
export function TableToggle({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="card__table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}</summary>
      {open && <div className="table-scroll">{children}</div>}
    </details>
  );
}
