import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dutchArgsMessage, usageFor } from '../../electron/cliUsage';

const OPTIONS = { account: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' } } as const;

/** The real error Node's parseArgs throws for these arguments. */
function nodeError(args: string[]): { code?: string; message: string } {
  try {
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('parseArgs accepted the arguments');
}

describe('kassa usage errors in Dutch', () => {
  const known = Object.keys(OPTIONS);

  it('an unknown option, with a guess when one is close', () => {
    expect(dutchArgsMessage(nodeError(['import', 'a', 'b', '--acount', '1100']), known)).toBe('De optie "--acount" bestaat niet. Bedoelt u --account?');
    expect(dutchArgsMessage(nodeError(['--kleur', 'rood']), known)).toBe('De optie "--kleur" bestaat niet.');
  });

  it('an option without its value, and a value where none belongs', () => {
    expect(dutchArgsMessage(nodeError(['import', '--account']), known)).toBe('Achter de optie "--account" hoort een waarde. Zet die er direct achter, bijvoorbeeld --account 1100.');
    expect(dutchArgsMessage(nodeError(['--json=ja']), known)).toBe('Achter de optie "--json" hoort geen waarde.');
  });

  it('the usage of the command that was meant, or all of it', () => {
    const usage = 'Gebruik / usage:\n  kassa new FILE --name NAME\n  kassa import FILE BANKFILE [--account CODE]\nOptions: --json  errors as JSON';
    expect(usageFor(usage, 'import')).toBe('Gebruik:\n  kassa import FILE BANKFILE [--account CODE]\nOptions: --json  errors as JSON');
    expect(usageFor(usage, 'frobnicate')).toBe(usage);
    expect(usageFor(usage, undefined)).toBe(usage);
  });
});
