import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AdminInfo } from '../../shared/api/types';
import { call, takePrimed, type AnyMethod, type InputFor, type OutputFor, type AppCapabilities, type AppSettings } from './api';
import { isLanguage, setLanguage, type Language } from './i18n';
import { clearPrimed } from './primed';
import { keepPrimed, keptScope } from './keptAnswers';

/** What the renderer can rely on about where it runs (defaults when the server says nothing). */
export type Capabilities = Partial<AppCapabilities>;

/** The settings the UI itself uses. */
export interface UiSettings {
  language: Language;
  hints: boolean;
}

export type MessageKind = 'success' | 'error' | 'info';

export interface Message {
  id: number;
  kind: MessageKind;
  text: string;
  /** False: only read out by screen readers (the text is already shown beside a field). */
  visible: boolean;
}

interface AppState {
  info: AdminInfo | null;
  setInfo: (info: AdminInfo | null) => void;
  capabilities: Capabilities;
  settings: UiSettings;
  updateSettings: (patch: Partial<UiSettings>) => Promise<void>;
  message: Message | null;
  announce: (text: string, kind?: MessageKind, opts?: { visible?: boolean }) => void;
  clearMessage: () => void;
  /** Bumped after anything that changes the books, so screens can reload. */
  booksVersion: number;
  booksChanged: () => void;
}

const Ctx = createContext<AppState | null>(null);

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppProvider');
  return v;
}

const LOCAL_SETTINGS = 'kassa-settings';

function readLocalSettings(): Partial<AppSettings> {
  try {
    const raw = window.localStorage.getItem(LOCAL_SETTINGS);
    return raw ? (JSON.parse(raw) as Partial<AppSettings>) : {};
  } catch {
    return {};
  }
}

function writeLocalSettings(s: Partial<AppSettings>): void {
  try {
    window.localStorage.setItem(LOCAL_SETTINGS, JSON.stringify(s));
  } catch {
    // Not fatal: the setting lasts for this session.
  }
}

export interface Boot {
  info: AdminInfo | null;
  capabilities: Capabilities;
  settings: Partial<AppSettings>;
  /** Set when the app could not reach its back end at all. */
  failure: string | null;
}

/** The answer main.tsx asked for before this code loaded (primed.ts), else a call now. */
function primedOrCall<M extends AnyMethod>(method: M, input: InputFor<M>): Promise<OutputFor<M>> {
  return takePrimed(method, JSON.stringify(input)) ?? call(method, input);
}

/**
 * Everything the shell needs before the first paint. Missing app.* methods fall back quietly. The
 * calls went out from main.tsx already (primeBoot), with the dashboard's when it opens first.
 */
export async function boot(): Promise<Boot> {
  const guess: Capabilities = { mode: window.kassa ? 'electron' : 'browser', dialogs: Boolean(window.kassa) };
  const [caps, stored, opened] = await Promise.allSettled([
    primedOrCall('app.capabilities', {}),
    primedOrCall('app.settings.get', {}),
    primedOrCall('admin.info', {}),
  ]);
  // An older server without the app.* methods: keep the guesses and the settings of this browser.
  const capabilities = caps.status === 'fulfilled' && caps.value ? { ...guess, ...caps.value } : guess;
  const settings = stored.status === 'fulfilled' && stored.value ? stored.value : readLocalSettings();
  const info = opened.status === 'fulfilled' ? opened.value : null;
  // No administration open: the welcome screen shows, and the primed answers are errors.
  if (!info) clearPrimed();
  // The first screen's answers that are in already: drawn in its first render (keptAnswers.ts).
  // Waiting for the others (they come right behind the boot calls) measured no faster: the
  // shell's own first render then waits with them.
  else keepPrimed(keptScope(info.path, 0));
  const failure = opened.status === 'rejected' ? (opened.reason instanceof Error ? opened.reason.message : String(opened.reason)) : null;
  return { info, capabilities, settings, failure };
}

export function AppProvider({ initial, children }: { initial: Boot; children: ReactNode }) {
  const [info, setInfo] = useState<AdminInfo | null>(initial.info);
  const [settings, setSettings] = useState<AppState['settings']>(() => ({
    language: isLanguage(initial.settings.language) ? initial.settings.language : 'nl',
    hints: initial.settings.hintsEnabled !== false,
  }));
  const [message, setMessage] = useState<Message | null>(null);
  const [booksVersion, setBooksVersion] = useState(0);
  const counter = useRef(0);

  useEffect(() => {
    setLanguage(settings.language);
  }, [settings.language]);

  const updateSettings = useCallback(async (patch: Partial<UiSettings>) => {
    setSettings((prev) => ({ ...prev, ...patch }));
    const stored: Partial<AppSettings> = {
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.hints !== undefined ? { hintsEnabled: patch.hints } : {}),
    };
    try {
      await call('app.settings.set', stored);
    } catch {
      writeLocalSettings({ ...readLocalSettings(), ...stored });
    }
  }, []);

  const announce = useCallback((text: string, kind: MessageKind = 'success', opts: { visible?: boolean } = {}) => {
    if (!text) return;
    counter.current += 1;
    setMessage({ id: counter.current, kind, text, visible: opts.visible ?? true });
  }, []);
  const clearMessage = useCallback(() => setMessage(null), []);
  const booksChanged = useCallback(() => setBooksVersion((v) => v + 1), []);

  const value: AppState = {
    info,
    setInfo,
    capabilities: initial.capabilities,
    settings,
    updateSettings,
    message,
    announce,
    clearMessage,
    booksVersion,
    booksChanged,
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
