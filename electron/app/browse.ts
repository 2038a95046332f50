import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FolderListing, Place } from '../../shared/api/app';
import { KassaError } from '../../shared/errors';
import { said } from '../../shared/phrase';

/**
 * The browser mode cannot show the computer's own open dialog, and typing a full path is what a
 * treasurer cannot do. So the page offers the usual folders and lists one folder at a time: its
 * subfolders and its .kassa files, nothing else (no other file names leave the computer's disk).
 */

const MAX_ENTRIES = 500;

/** Home, Documents and Desktop, where they exist (Dutch Windows/Linux names too). */
export function usualPlaces(home: string = os.homedir()): Place[] {
  const out: Place[] = [];
  const add = (kind: Place['kind'], names: string[]) => {
    for (const name of names) {
      const p = name === '' ? home : path.join(home, name);
      try {
        if (fs.statSync(p).isDirectory()) {
          out.push({ kind, path: p });
          return;
        }
      } catch {
        /* not here: try the next name */
      }
    }
  };
  add('documents', ['Documents', 'Documenten']);
  add('desktop', ['Desktop', 'Bureaublad']);
  add('home', ['']);
  return out;
}

export function browseFolder(dir: string | undefined, home: string = os.homedir()): FolderListing {
  const places = usualPlaces(home);
  if (dir === undefined) return { dir: null, parent: null, places, folders: [], files: [], truncated: false };
  if (!path.isAbsolute(dir)) throw new KassaError('INVALID_INPUT', said('err.app.chooseListedFolder', 'Kies een map uit de lijst.'), { field: 'dir' });
  const abs = path.resolve(dir);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(abs, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'Deze map bestaat niet (meer).' : code === 'ENOTDIR' ? 'Dit is geen map.' : code === 'EACCES' || code === 'EPERM' ? 'U mag deze map niet openen.' : 'Deze map kan niet worden gelezen.';
    throw new KassaError(code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_INPUT', message, { field: 'dir' });
  }
  const visible = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const folders: FolderListing['folders'] = [];
  const files: FolderListing['files'] = [];
  let truncated = false;
  for (const e of visible) {
    if (folders.length + files.length >= MAX_ENTRIES) {
      truncated = true;
      break;
    }
    const p = path.join(abs, e.name);
    if (e.isDirectory()) folders.push({ name: e.name, path: p });
    else if (/\.kassa$/i.test(e.name) && e.isFile()) {
      try {
        const st = fs.statSync(p);
        files.push({ name: e.name, path: p, size: st.size, modified: st.mtime.toISOString() });
      } catch {
        /* gone in the meantime */
      }
    }
  }
  const up = path.dirname(abs);
  return { dir: abs, parent: up === abs ? null : up, places, folders, files, truncated };
}
