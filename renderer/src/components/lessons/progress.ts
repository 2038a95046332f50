/**
 * Lesson progress (lesson id -> {done, score}) lives in the app settings (app.settings.get/set),
 * not in an administration. One small store so the lessons page, the lesson view and the side
 * panel always show the same state.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { LessonProgress } from '../../../../shared/api/app';
import { call } from '../../api';

export type ProgressMap = Record<string, LessonProgress>;

let state: ProgressMap = {};
let loaded = false;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function loadProgress(): Promise<void> {
  if (loaded) return Promise.resolve();
  loading ??= call('app.settings.get', {})
    .then((s) => {
      state = { ...(s.lessonProgress ?? {}), ...state };
    })
    .catch(() => undefined)
    .finally(() => {
      loaded = true;
      emit();
    });
  return loading;
}

/** Keep the best score; once done, a lesson stays done. */
export function mergeProgress(prev: LessonProgress | undefined, next: LessonProgress): LessonProgress {
  const done = (prev?.done ?? false) || next.done;
  const scores = [prev?.score, next.score].filter((s): s is number => typeof s === 'number');
  return scores.length > 0 ? { done, score: Math.max(...scores) } : { done };
}

/** Save the progress of one lesson. Throws the API error when the settings cannot be written. */
export async function saveProgress(id: string, next: LessonProgress): Promise<void> {
  const merged = mergeProgress(state[id], next);
  state = { ...state, [id]: merged };
  emit();
  const saved = await call('app.settings.set', { lessonProgress: { [id]: merged } });
  state = { ...state, ...(saved.lessonProgress ?? {}) };
  emit();
}

export function useLessonProgress(): ProgressMap {
  useEffect(() => {
    void loadProgress();
  }, []);
  return useSyncExternalStore(subscribe, () => state);
}
