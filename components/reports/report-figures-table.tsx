import type { ReportLabels } from '@/lib/reports/labels';

/** A plain table of the report (header row, first cell a row header); numbers, and `—` for none, align right. */
export function ReportFiguresTable({
  caption,
  head,
  rows,
  collapsed,
  nowrapRowHeaders,
  l,
}: {
  caption: string;
  head: string[];
  rows: (string | number)[][];
  collapsed?: boolean;
  /** Keeps each row header (a commitment's code) on one line however many columns squeeze the table. */
  nowrapRowHeaders?: boolean;
  l: ReportLabels;
}) {
  const table = (
    <div className="table-scroll">
      <table className="data-table report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <th scope="row" key={j} className={nowrapRowHeaders ? 'nowrap' : undefined}>
                    {cell}
                  </th>
                ) : (
                  <td key={j} className={typeof cell === 'number' || /^([+−-]?\d+(\.\d+)?%?|—)$/.test(cell) ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!collapsed) return table;
  return (
    <details className="card__table">
      <summary>{l.t('charts.tableAlternative')}</summary>
      {table}
    </details>
  );
}
