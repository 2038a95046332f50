import { z } from 'zod';
import { method } from './define';
import type { AdminInfo } from './types';

/**
 * App-level methods: they work without an open administration and never touch a .kassa file's
 * contents (except app.practice.*, which manages the practice administration). Settings live in a
 * JSON file in the user's settings folder, not in the administration.
 */

export type AppMode = 'electron' | 'browser';

export interface AppCapabilities {
  mode: AppMode;
  /** True when app.dialog.open/save show a real file dialog (Electron). In browser mode they return null. */
  dialogs: boolean;
  version: string;
  /** A folder to suggest for new administrations (Documents when it exists, else the home folder). */
  defaultDir: string;
  /** Where the practice administration lives. */
  practicePath: string;
}

export const Language = z.enum(['nl', 'en']);
export type Language = z.infer<typeof Language>;

export const LessonProgress = z.object({
  done: z.boolean(),
  score: z.number().min(0).max(1000).optional(),
});
export type LessonProgress = z.infer<typeof LessonProgress>;

export const WindowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
  maximized: z.boolean().optional(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const MAX_RECENT = 10;
const LessonId = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, { message: 'Onbekende les.' });
const RecentPath = z.string().min(1).max(4096);

export interface AppSettings {
  language: Language;
  hintsEnabled: boolean;
  /** Lesson id -> progress. */
  lessonProgress: Record<string, LessonProgress>;
  /** Most recent first, at most MAX_RECENT absolute paths. */
  recentFiles: string[];
  /** Size and place of the last closed window (Electron). */
  windowBounds: WindowBounds | null;
}

export const DEFAULT_SETTINGS: AppSettings = {
  language: 'nl',
  hintsEnabled: true,
  lessonProgress: {},
  recentFiles: [],
  windowBounds: null,
};

/**
 * The stored settings file. Each field falls back to its default on its own, so one damaged or
 * outdated field never throws away the rest.
 */
export const StoredSettings = z.object({
  language: Language.catch(DEFAULT_SETTINGS.language),
  hintsEnabled: z.boolean().catch(DEFAULT_SETTINGS.hintsEnabled),
  lessonProgress: z.record(LessonId, LessonProgress).catch({}),
  recentFiles: z.array(RecentPath).catch([]).transform((a) => a.slice(0, MAX_RECENT)),
  windowBounds: WindowBounds.nullable().catch(null),
});

/**
 * A change to the settings. Top-level fields replace the stored value, except lessonProgress,
 * which is merged per lesson id (send only the lesson that changed).
 */
export const SettingsPatch = z.object({
  language: Language.optional(),
  hintsEnabled: z.boolean().optional(),
  lessonProgress: z.record(LessonId, LessonProgress).optional(),
  recentFiles: z.array(RecentPath).max(MAX_RECENT).optional(),
  windowBounds: WindowBounds.nullable().optional(),
});

export interface RecentFile {
  path: string;
  /** File name without folder, for display. */
  name: string;
}

const FileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/)).min(1).max(20),
});

export const DialogOpenInput = z.object({
  title: z.string().max(200).optional(),
  defaultPath: z.string().max(4096).optional(),
  /** Default: Kijk op de Kassa administrations (*.kassa). */
  filters: z.array(FileFilter).max(10).optional(),
});
export type DialogOpenInput = z.output<typeof DialogOpenInput>;

export const DialogSaveInput = DialogOpenInput;
export type DialogSaveInput = z.output<typeof DialogSaveInput>;

/** Commands from the native menu (Electron) to the renderer, delivered through window.kassa.onMenu. */
export type MenuCommand =
  /** Show the "new administration" form. */
  | { command: 'new' }
  /** The main process opened a file in this window: reload admin.info. */
  | { command: 'opened'; path: string }
  /** Make a backup of the open administration. */
  | { command: 'backup' }
  /** Show the lessons. */
  | { command: 'lessons' }
  /** The window is closing and waits for a final backup or for work still being written. */
  | { command: 'closing'; reason: 'backup' | 'work' };

/** A usual folder offered for opening an administration in the browser mode. */
export interface Place {
  kind: 'home' | 'documents' | 'desktop';
  path: string;
}

/** One folder's contents as far as opening an administration needs: subfolders and .kassa files. */
export interface FolderListing {
  /** The folder listed; null when none was asked (only the places). */
  dir: string | null;
  /** The folder above, or null at the top. */
  parent: string | null;
  places: Place[];
  folders: { name: string; path: string }[];
  files: { name: string; path: string; size: number; modified: string }[];
  /** True when the folder held more entries than are listed. */
  truncated: boolean;
}

export const BrowseInput = z.object({
  dir: z.string().trim().min(1, { message: 'Kies een map.' }).max(4096, { message: 'Dit pad is te lang.' }).optional(),
});

export const appMethods = {
  'app.capabilities': method<AppCapabilities>()(z.object({}), { file: false }),
  'app.settings.get': method<AppSettings>()(z.object({}), { file: false }),
  'app.settings.set': method<AppSettings>()(SettingsPatch, { file: false }),
  'app.recent': method<RecentFile[]>()(z.object({}), { file: false }),
  'app.practice.open': method<AdminInfo>()(z.object({}), { file: false }),
  'app.practice.reset': method<AdminInfo>()(z.object({}), { file: false }),
  'app.dialog.open': method<string | null>()(DialogOpenInput, { file: false }),
  'app.dialog.save': method<string | null>()(DialogSaveInput, { file: false }),
  /** The browser mode's way to find an administration: the usual folders, and one folder's .kassa files. */
  'app.browse': method<FolderListing>()(BrowseInput, { file: false }),
} as const;
