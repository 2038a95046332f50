import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../../shared/api';
import { allSchemaPhrases, field, fillIn, schemaPhrases, tooLong } from '../../shared/api/fieldTexts';
import i18n from '../../renderer/src/i18n';
import { serverText } from '../../renderer/src/serverText';
import { DUTCH_ALLOWED, DUTCH_WORDS, leftovers } from '../e2e/languageWords';

/**
 * Issue 18 for the schemas' texts that name a field ("Vul de naam van het fonds in."): each is said
 * with phrases (shared/api/fieldTexts.ts), so an English screen shows it in English, and the Dutch
 * stays exactly what it was (the fixture holds the ~56 texts the templates made before).
 */
const before = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'field-texts-nl.json'), 'utf8')) as string[];

describe('schema texts that name a field', () => {
  afterAll(() => void i18n.changeLanguage('nl'));

  it('makes the same Dutch texts as before, each with its phrases', () => {
    const made = allSchemaPhrases();
    expect(made.map(([m]) => m).sort()).toEqual([...before].sort());
    i18n.changeLanguage('nl');
    for (const [message, says] of made) expect(serverText({ message, says })).toBe(message);
  });

  it('shows each of them in English, with no Dutch left', () => {
    i18n.changeLanguage('en');
    const dutchLeft: string[] = [];
    for (const [message, says] of allSchemaPhrases()) {
      const en = serverText({ message, says });
      expect(en, message).not.toBe(message);
      for (const l of leftovers(en, DUTCH_WORDS, DUTCH_ALLOWED, [])) dutchLeft.push(`${en}: ${l.word}`);
    }
    expect(dutchLeft).toEqual([]);
    const shown = (m: string) => serverText({ message: m, says: schemaPhrases(m) });
    expect(shown('Vul de naam van het fonds in.')).toBe('Fill in the name of the fund.');
    // A field named in lower case starts the sentence with a capital, in both languages.
    expect(tooLong(field.street, 200)).toBe('De straat is te lang (maximaal 200 tekens).');
    expect(shown('De straat is te lang (maximaal 200 tekens).')).toBe('The street is too long (at most 200 characters).');
    expect(shown('Een omschrijving is te lang (maximaal 500 tekens).')).toBe('A description is too long (at most 500 characters).');
    expect(shown('De naam bij "t.a.v." moet tekst zijn.')).toBe('The name after "Attn." must be text.');
    expect(shown('Voeg hoogstens 10 bonnetjes tegelijk toe.')).toBe('Add at most 10 receipts at a time.');
    expect(fillIn(field.stopReason)).toBe('Vul waarom de controle stopt in.');
    expect(shown('Vul waarom de controle stopt in.')).toBe('Fill in why the audit stops.');
  });
});
