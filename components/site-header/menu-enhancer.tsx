'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/** The header's disclosures whose button is on screen (the account one has none in the narrow menu). */
function shownDisclosures(header: Element): HTMLDetailsElement[] {
  return Array.from(header.querySelectorAll('details')).filter((d) => d.querySelector('summary')?.getClientRects().length);
}

/**
 * What the header's <details> menus cannot do by themselves: close on Escape (focus back on their
 * button), on a click elsewhere and when another page opens; state aria-expanded. Renders a marker.
 */
export function MenuEnhancer() {
  const ref = useRef<HTMLSpanElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    const header = ref.current?.closest('header');
    if (!header) return;
    const all = Array.from(header.querySelectorAll('details'));
    const sync = () => all.forEach((d) => d.querySelector('summary')?.setAttribute('aria-expanded', String(d.open)));
    const onKey = (e: KeyboardEvent) => {
      // The innermost open one first: Escape in the account drop-down leaves the menu open.
      const open = shownDisclosures(header).filter((d) => d.open);
      const last = open[open.length - 1];
      if (e.key !== 'Escape' || !last) return;
      last.open = false;
      last.querySelector('summary')?.focus();
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Element;
      // A link followed closes everything, even one to the page already shown.
      const followed = !!target.closest?.('a[href]') && header.contains(target);
      // The menu button's menu is its sibling, not its content: anywhere in the header counts as inside.
      for (const d of shownDisclosures(header)) if (d.open && (followed || !(d.classList.contains('site-header__toggle') ? header : d).contains(target))) d.open = false;
    };
    sync();
    all.forEach((d) => d.addEventListener('toggle', sync));
    header.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      all.forEach((d) => d.removeEventListener('toggle', sync));
      header.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, []);
  // Another page: close what is open (not at hydration, which may find a menu opened while it loaded).
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    ref.current?.closest('header')?.querySelectorAll('details').forEach((d) => (d.open = false));
  }, [pathname]);
  return <span ref={ref} hidden />;
}
