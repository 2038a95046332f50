import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The one h1 of a screen. It takes focus when the screen opens, so keyboard and screen-reader
 * users start at the top of the new screen instead of somewhere in the menu.
 */
export function PageTitle({ children, intro }: { children: ReactNode; intro?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    // Keep focus where it is when the user is typing in the screen already.
    if (active && active !== document.body && ref.current?.closest('main')?.contains(active)) return;
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page-title">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {intro ? <p className="page-title__intro">{intro}</p> : null}
    </div>
  );
}
