import { describe, expect, it } from 'vitest';
import { dirOf, fileSafe, joinPath } from '../../renderer/src/paths';

describe('renderer paths (save dialogs, suggested names)', () => {
  it('joins with the separator of the folder', () => {
    expect(joinPath('/home/joke/Documenten/', 'a.xlsx')).toBe('/home/joke/Documenten/a.xlsx');
    expect(joinPath('C:\\Users\\Joke\\', 'a.xlsx')).toBe('C:\\Users\\Joke\\a.xlsx');
    expect(joinPath(undefined, 'a.xlsx')).toBe('a.xlsx');
    expect(joinPath('', 'a.xlsx')).toBe('a.xlsx');
  });

  it('takes the folder of a path, either separator', () => {
    expect(dirOf('/tmp/x/a.pdf')).toBe('/tmp/x');
    expect(dirOf('C:\\a\\b.pdf')).toBe('C:\\a');
    expect(dirOf('a.pdf')).toBe('a.pdf');
  });

  it('makes a name a file system accepts', () => {
    expect(fileSafe('Taalcafé: De/Brug?')).toBe('Taalcafé De Brug');
    expect(fileSafe(' <>| ')).toBe('bestand');
  });
});
