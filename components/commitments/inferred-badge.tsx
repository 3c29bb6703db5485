/**
 * A list row's mark that an assignment was inferred, not read in the source: a short word on
 * screen ("추정 2"), the full sentence for screen readers and as the pointer's tooltip.
 */
export function InferredBadge({ text, label }: { text: string; label: string }) {
  return (
    <span className="badge badge--inferred" title={label}>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
