/** Fixed-height box: the chart measures its width on the client without shifting the layout. */
export function ChartFrame({ height = 320, children }: { height?: number; children: React.ReactNode }) {
  return (
    <div className="chart-frame" style={{ height }}>
      {children}
    </div>
  );
}
