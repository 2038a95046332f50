import { useLayoutEffect, type RefObject } from 'react';

/** Never smaller than this many pixels: on a tiny window the page scrolls instead. */
const MIN_HEIGHT = 160;

/**
 * Give a scrolling list the rest of the window: from where it starts down to the bottom, minus
 * what must stay visible below it (`below`, in px, plus the main area's bottom padding). Measured
 * again when the window or anything above the list changes size, so the page itself never needs a
 * scrollbar beside the list's own (issue 18: no two nested scrollbars).
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, below: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const main = el.closest('main');
      const padding = main ? parseFloat(getComputedStyle(main).paddingBottom) || 0 : 0;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const rest = (below.current?.offsetHeight ?? 0) + padding + 2;
      el.style.height = `${Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - rest))}px`;
    };
    fit();
    // Whatever sits above the list (filters that wrap, a message, a hint) moves its top.
    const observer = new ResizeObserver(fit);
    const screen = el.closest('.screen');
    for (const child of Array.from(screen?.children ?? [])) if (!child.contains(el)) observer.observe(child);
    const main = el.closest('main');
    for (const child of Array.from(main?.children ?? [])) if (!child.contains(el)) observer.observe(child);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [ref, below]);
}
