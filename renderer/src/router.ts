import { useEffect, useState, type MouseEvent as ReactMouseEvent } from 'react';
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
    goWhenReady(next);
  }
}

/** The loading of a screen's code when it is not there yet, else null (set by the shell: screenTable.ts). */
let whenReady: (screen: ScreenId) => Promise<unknown> | null = () => null;
let moves = 0;

export function setScreenLoader(loader: (screen: ScreenId) => Promise<unknown> | null): void {
  whenReady = loader;
}

/**
 * Go to "#/…" once the screen's code is there: the current screen stays meanwhile, instead of a
 * "Laden…" that React keeps on screen for at least 300 ms once shown (its Suspense reveal
 * throttle; issue 18: the first click in the menu after the start took 190-260 ms, most of it that
 * wait). Only the newest move goes anywhere; a chunk that fails to load is the screen's boundary's
 * to report, so the move happens all the same.
 */
function goWhenReady(hash: string): void {
  const mine = ++moves;
  const loading = whenReady(parseHash(hash).screen);
  if (!loading) return goToHash(hash);
  const go = () => {
    if (mine === moves) goToHash(hash);
  };
  loading.then(go, go);
}

/**
 * Fired on the window right after the app itself changes the hash. The browser's 'hashchange'
 * comes as a task of its own, often after a frame (issue 18: 10-30 ms of a menu click went by
 * before the new screen started to render); useRoute listens to both and draws once.
 */
const ROUTE_EVENT = 'kassa:route';

/**
 * Give the address of the screen on screen its new parameters (a draft's id after its first save)
 * without a hashchange: no new screen. Only while that screen is still the one on screen: a save
 * that comes back after the user has gone elsewhere must not put the editor's address back (the
 * browser's hashchange of that move then reads this address and shows the editor again).
 */
export function replaceIfStill(screen: ScreenId, params: Record<string, string | number | undefined>): void {
  if (parseHash(window.location.hash).screen !== screen) return;
  window.history.replaceState(null, '', hrefFor(screen, params));
}

/** Go to "#/…" now: the route hooks hear it at once, the browser's own 'hashchange' follows. */
export function goToHash(hash: string): void {
  window.location.hash = hash;
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

/**
 * A plain left click on a menu link (an <a data-screen> inside `e.currentTarget`): go there at once
 * (or as soon as its code is loaded) instead of waiting for the browser's 'hashchange'. Clicks with
 * a modifier key, and a click on the link of the place we are at already, keep the browser's own
 * behaviour.
 */
export function followMenuClick(e: ReactMouseEvent<HTMLElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const link = (e.target as Element).closest('a[data-screen]');
  if (!(link instanceof HTMLAnchorElement) || !e.currentTarget.contains(link) || !link.hash || link.hash === window.location.hash) return;
  e.preventDefault();
  goWhenReady(link.hash);
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    window.addEventListener(ROUTE_EVENT, on);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener(ROUTE_EVENT, on);
    };
  }, []);
  return parseHash(hash);
}
