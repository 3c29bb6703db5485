'use client';

import { useEffect, useId, useState } from 'react';
import type { Basis } from '@/lib/commitments/vocabulary';

interface Props {
  basis: Basis;
  /** The visible word: 원문 명시 / 추정 / 기관 확인. */
  label: string;
  /** Which assignment it qualifies, for a screen reader that reaches the marker by Tab. */
  context: string;
  /** The quote or the reason, shown as a tooltip on hover and focus. */
  tip?: string;
  /** Or the id of text already on the page that describes it (a confirmation's who and when). */
  describedBy?: string;
}

/**
 * A focusable marker of an assignment's basis. Its tip shows on hover and on keyboard focus (a
 * click pins it, Escape hides it: WCAG 1.4.13) and is its accessible description, so a screen
 * reader announces the reason with the marker rather than relying on a `title`.
 */
export function BasisMarker({ basis, label, context, tip, describedBy }: Props) {
  const id = `basis-tip-${useId().replace(/[^\w-]/g, '')}`;
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (!tip) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setDismissed(true);
        setPinned(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tip]);

  const className = ['basis', `basis--${basis}`, pinned && 'basis--pinned', dismissed && 'basis--dismissed'].filter(Boolean).join(' ');
  return (
    // Escape hides every open tip; coming back to a marker (hover or focus) shows its tip again.
    <span className={className} onMouseEnter={() => setDismissed(false)} onMouseLeave={() => setDismissed(false)}>
      <button
        type="button"
        className="basis__marker"
        aria-describedby={tip ? id : describedBy}
        onClick={() => {
          setPinned((p) => !p);
          setDismissed(false);
        }}
        onFocus={() => setDismissed(false)}
        onBlur={() => {
          setPinned(false);
          setDismissed(false);
        }}
      >
        {label}
        <span className="visually-hidden"> ({context})</span>
      </button>
      {tip && (
        <span role="tooltip" id={id} className="basis__tip">
          {tip}
        </span>
      )}
    </span>
  );
}
