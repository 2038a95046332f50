import { useEffect, useState } from 'react';
import { parseHash, type Route, type ScreenId } from './hashRoute';

// The address's parts live in hashRoute.ts, without React: the first script chunk reads them too.
export { parseHash, type Route, type ScreenId };

export function hrefFor(screen: ScreenId, params?: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `#/${screen}${s ? `?${s}` : ''}`;
}

export function navigate(screen: ScreenId, params?: Record<string, string | number | undefined>): void {
  const next = hrefFor(screen, params);
  if (window.location.hash === next) {
    // Same place: still tell listeners so a screen can reset itself.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = next;
  }
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseHash(hash);
}
