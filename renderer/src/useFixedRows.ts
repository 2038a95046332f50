import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export interface FixedRow {
  index: number;
  /** Top of the row inside the list's inner box, in px. */
  start: number;
}

/**
 * Windowing for a list whose rows all have the same height: which rows to draw for the scroll
 * position, by arithmetic. TanStack Virtual (used before) builds an array of every row's position
 * each time the row count changes, ~10-20 ms for the journal's 100,000 entries on every visit
 * (issue 18, measured with a Chromium trace); rows of one height need none of that.
 */
export function useFixedRows(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number) {
  // Before the first measurement: as if the list were as tall as the window (never more), so the
  // first paint already has every row it needs without reading the layout during render.
  const [view, setView] = useState(() => ({ top: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight }));

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () =>
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    const observer = new ResizeObserver(read);
    observer.observe(el);
    el.addEventListener('scroll', read, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', read);
    };
  }, [ref]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((view.top + view.height) / rowHeight) - 1 + overscan);
  const items: FixedRow[] = [];
  for (let i = first; i <= last; i++) items.push({ index: i, start: i * rowHeight });

  /** Scroll just enough to show row `index` whole (nothing when it is in view already). */
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [ref, rowHeight],
  );

  return { items, totalSize: count * rowHeight, scrollToIndex };
}
