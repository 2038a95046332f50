import type { AppCapabilities } from '../../shared/api/app';

/**
 * How a file to upload is chosen: in the desktop app the computer's own open dialog (the main
 * process reads the file from its path), in the browser mode the browser's file picker (the bytes
 * travel as base64). Both reach the same API, which takes a path or the bytes (FileInput).
 */
export type PickMode = 'dialog' | 'input';

export function pickMode(caps: Partial<Pick<AppCapabilities, 'mode' | 'dialogs'>>): PickMode {
  return caps.mode === 'electron' && caps.dialogs === true ? 'dialog' : 'input';
}

/** A file the treasurer chose: its path (native dialog) or the browser's File. */
export type Chosen = { kind: 'path'; path: string; name: string } | { kind: 'file'; file: File; name: string };

/** The file name of a path, for either separator. */
export function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

const EXTENSIONS: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/heic': ['heic'],
  'image/heif': ['heif'],
  'application/pdf': ['pdf'],
};

/**
 * The open dialog's filters for an <input accept="…"> list (types and .extensions), so both ways
 * offer the same files: first the files that fit, then every file (a bank may name a file oddly).
 */
export function filtersFor(accept: string, names: { fits: string; all: string }): { name: string; extensions: string[] }[] {
  const extensions = new Set<string>();
  for (const part of accept.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean)) {
    if (part.startsWith('.')) extensions.add(part.slice(1));
    else for (const e of EXTENSIONS[part] ?? []) extensions.add(e);
  }
  const all = { name: names.all, extensions: ['*'] };
  return extensions.size > 0 ? [{ name: names.fits, extensions: [...extensions] }, all] : [all];
}
