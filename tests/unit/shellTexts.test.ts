import { describe, expect, it } from 'vitest';
import { SHELL_TEXTS } from '../../electron/shell/texts';
import { DUTCH_ALLOWED, DUTCH_WORDS, ENGLISH_ALLOWED, ENGLISH_WORDS, leftovers } from '../e2e/languageWords';

/** The main process's own texts (menu, dialogs, closing title): the same entries in both languages, none in the other. */
const flat = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : flat(v as object)));
const shape = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [k] : shape(v as object).map((x) => `${k}.${x}`)));

describe('shell texts', () => {
  it('has the same entries in Dutch and English, each filled in', () => {
    expect(shape(SHELL_TEXTS.en)).toEqual(shape(SHELL_TEXTS.nl));
    expect([...flat(SHELL_TEXTS.nl), ...flat(SHELL_TEXTS.en)].filter((s) => s.trim() === '')).toEqual([]);
  });
  it('leaves no Dutch in the English texts and no English in the Dutch ones', () => {
    expect(flat(SHELL_TEXTS.en).flatMap((s) => leftovers(s, DUTCH_WORDS, DUTCH_ALLOWED, []))).toEqual([]);
    // "Help" and "Recent" are Dutch menu words too.
    expect(flat(SHELL_TEXTS.nl).flatMap((s) => leftovers(s, ENGLISH_WORDS, [...ENGLISH_ALLOWED, 'Help', 'Recent'], []))).toEqual([]);
    // And the two differ where a word is not the same in both languages.
    expect(SHELL_TEXTS.en.menu.file).not.toBe(SHELL_TEXTS.nl.menu.file);
    expect(SHELL_TEXTS.en.closing.backup).not.toBe(SHELL_TEXTS.nl.closing.backup);
  });
});
