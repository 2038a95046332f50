/**
 * File paths as the renderer builds them for save dialogs and suggested names. The renderer has no
 * node:path; the separator follows the folder it is given (Windows when it only has backslashes).
 */
export function joinPath(dir: string | undefined, file: string): string {
  if (!dir) return file;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}${file}`;
}

/** The folder part of a path ("" stays the whole string when there is no separator). */
export function dirOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i > 0 ? file.slice(0, i) : file;
}

/** A file name without characters a file system refuses. */
export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'bestand';
}
