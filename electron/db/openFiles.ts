/**
 * The administrations this process has open right now. The guarded writer (electron/files) asks
 * this list so no export, report or attachment can ever be written over an open .kassa file or its
 * -wal/-shm/-journal, whatever name or link the target is reached by.
 */
const open = new Set<string>();

export function trackOpen(file: string): void {
  open.add(file);
}

export function untrackOpen(file: string): void {
  open.delete(file);
}

export function openFiles(): string[] {
  return [...open];
}
