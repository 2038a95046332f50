import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browseFolder } from '../../electron/app/browse';
import { cleanupTempDirs, tempDir } from './helpers';

/** app.browse: how the browser mode finds an administration without typing a path. */

afterEach(() => cleanupTempDirs());

function home(): string {
  const h = tempDir('kassa-home-');
  fs.mkdirSync(path.join(h, 'Documenten', 'Stichting'), { recursive: true });
  fs.mkdirSync(path.join(h, 'Desktop'));
  fs.mkdirSync(path.join(h, '.verborgen'));
  fs.writeFileSync(path.join(h, 'Documenten', 'plein.kassa'), 'x');
  fs.writeFileSync(path.join(h, 'Documenten', 'Brief.docx'), 'x');
  fs.writeFileSync(path.join(h, 'Documenten', '.oud.kassa'), 'x');
  return h;
}

describe('app.browse', () => {
  it('offers the usual folders that exist', () => {
    const h = home();
    expect(browseFolder(undefined, h)).toEqual({
      dir: null,
      parent: null,
      places: [
        { kind: 'documents', path: path.join(h, 'Documenten') },
        { kind: 'desktop', path: path.join(h, 'Desktop') },
        { kind: 'home', path: h },
      ],
      folders: [],
      files: [],
      truncated: false,
    });
  });

  it('lists a folder\'s subfolders and .kassa files, nothing else and nothing hidden', () => {
    const h = home();
    const docs = path.join(h, 'Documenten');
    const r = browseFolder(docs, h);
    expect(r.dir).toBe(docs);
    expect(r.parent).toBe(h);
    expect(r.folders).toEqual([{ name: 'Stichting', path: path.join(docs, 'Stichting') }]);
    expect(r.files.map((f) => f.name)).toEqual(['plein.kassa']);
    expect(r.files[0]!.size).toBe(1);
    expect(browseFolder(h, h).folders.map((f) => f.name)).toEqual(['Desktop', 'Documenten']);
  });

  it('refuses a relative path and says plainly when a folder is gone', () => {
    const h = home();
    expect(() => browseFolder('Documenten', h)).toThrow('Kies een map uit de lijst.');
    expect(() => browseFolder(path.join(h, 'weg'), h)).toThrow('Deze map bestaat niet (meer).');
    expect(() => browseFolder(path.join(h, 'Documenten', 'plein.kassa'), h)).toThrow('Dit is geen map.');
  });
});
