import { describe, expect, it } from 'vitest';
import { baseName, filtersFor, pickMode } from '../../renderer/src/filePicking';

/**
 * Issue 18, "files the way her computer does it": in the desktop app an upload opens the computer's
 * own open dialog, in the browser mode the browser's file picker; the dialog offers the same files.
 */
describe('choosing a file to upload', () => {
  it('uses the native dialog only in Electron with dialogs', () => {
    expect(pickMode({ mode: 'electron', dialogs: true })).toBe('dialog');
    expect(pickMode({ mode: 'browser', dialogs: false })).toBe('input');
    // Before app.capabilities answered, or an Electron without dialogs: the picker that always works.
    expect(pickMode({})).toBe('input');
    expect(pickMode({ mode: 'electron', dialogs: false })).toBe('input');
    expect(pickMode({ mode: 'browser', dialogs: true })).toBe('input');
  });

  it('offers the accepted kinds first, then every file', () => {
    const names = { fits: 'Passend', all: 'Alles' };
    expect(filtersFor('.xml,.sta,.CSV', names)).toEqual([{ name: 'Passend', extensions: ['xml', 'sta', 'csv'] }, { name: 'Alles', extensions: ['*'] }]);
    expect(filtersFor('image/jpeg,image/png,application/pdf,.heic', names)[0]!.extensions).toEqual(['jpg', 'jpeg', 'png', 'pdf', 'heic']);
    expect(filtersFor('', names)).toEqual([{ name: 'Alles', extensions: ['*'] }]);
  });

  it('names the chosen file from its path on every system', () => {
    expect(baseName('/home/fatima/Downloads/afschrift.xml')).toBe('afschrift.xml');
    expect(baseName('C:\\Users\\Fatima\\bon.jpg')).toBe('bon.jpg');
  });
});
