import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../electron/books/bank/parse';
import { makeCamt053 } from '../../fixtures/bank/generate';
import { FIXTURES, SCHEMAS, hasXmllint, sum, xmllint } from './helpers';

/** xmllint comes from Debian's libxml2-utils (installed by .ci/run); without it this suite must fail, not pass quietly. */
describe('camt.053 fixtures validate against the ISO 20022 XSDs (xmllint)', () => {
  it('xmllint is installed', () => {
    expect(hasXmllint(), 'install it with: apt-get install -y libxml2-utils').toBe(true);
  });

  it.each([
    ['camt053-001-02-ing.xml', 'camt.053.001.02.xsd'],
    ['camt053-001-04-rabobank.xml', 'camt.053.001.04.xsd'],
    ['camt053-001-08-abnamro.xml', 'camt.053.001.08.xsd'],
  ])('%s validates against %s', (file, xsd) => {
    const r = xmllint(join(SCHEMAS, xsd), { file: join(FIXTURES, file) });
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });

  it('a fixture for one version does not validate against another (the check has teeth)', () => {
    const r = xmllint(join(SCHEMAS, 'camt.053.001.08.xsd'), { file: join(FIXTURES, 'camt053-001-02-ing.xml') });
    expect(r.ok).toBe(false);
  });
});

describe('makeCamt053 (benchmark generator)', () => {
  it('produces a valid camt.053.001.02 document with n entries, the same for the same seed', () => {
    const xml = makeCamt053(120, 7);
    expect(makeCamt053(120, 7)).toBe(xml);
    expect(makeCamt053(120, 8)).not.toBe(xml);
    const r = xmllint(join(SCHEMAS, 'camt.053.001.02.xsd'), { text: xml });
    expect(r.output).toBe('');
    const s = parseStatement(Buffer.from(xml));
    expect(s.transactions).toHaveLength(120);
    expect(s.warnings).toEqual([]);
    expect((s.openingBalanceCents ?? 0) + sum(s)).toBe(s.closingBalanceCents);
    expect(s.transactions.some((t) => t.description.startsWith('Vrijwilligersvergoeding'))).toBe(true);
  });

  it('parses 5 000 entries (about 2.6 MB) well within a few seconds', () => {
    const xml = makeCamt053(5_000, 1);
    const t0 = performance.now();
    const s = parseStatement(Buffer.from(xml));
    const ms = performance.now() - t0;
    expect(s.transactions).toHaveLength(5_000);
    expect(ms).toBeLessThan(3_000);
  });
});
