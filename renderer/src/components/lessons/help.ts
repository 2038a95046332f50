/**
 * Which lesson the side panel shows. The "?" button (in the header) and the panel (beside the
 * screen) are in different places of the shell, so they share this tiny store.
 */
import { useSyncExternalStore } from 'react';

export interface HelpState {
  /** Lesson id shown in the panel, '' for the list of lessons, null when the panel is closed. */
  lessonId: string | null;
  /** Element to give focus back to when the panel closes. */
  returnTo: HTMLElement | null;
}

let state: HelpState = { lessonId: null, returnTo: null };
const listeners = new Set<() => void>();

function set(next: HelpState): void {
  state = next;
  for (const l of listeners) l();
}

export function openHelp(lessonId: string, returnTo?: HTMLElement | null): void {
  const active = document.activeElement;
  set({ lessonId, returnTo: returnTo ?? (active instanceof HTMLElement ? active : null) });
}

export function closeHelp(): void {
  const back = state.returnTo;
  set({ lessonId: null, returnTo: null });
  if (back && back.isConnected) back.focus();
}

export function useHelp(): HelpState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
