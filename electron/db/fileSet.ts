import fs from 'node:fs';

/** Remove a SQLite file with its side files (best effort: the caller reports the real problem). */
export function removeFileSet(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      /* best effort */
    }
  }
}

/** Make a rename durable (Linux/macOS); Windows cannot open a folder and does not need it. */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
