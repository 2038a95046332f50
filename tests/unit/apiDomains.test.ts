/**
 * The dispatcher reads the contract domain by domain (electron/apiDomains.ts): every method of the
 * whole contract must be found there with the very same schema object and a handler, and a name
 * that is not a method (also one that looks like an object's own property) must not be.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { domainNames, domainTables, findMethod } from '../../electron/apiDomains';

describe('the contract, domain by domain', () => {
  it('finds every method of the contract with its own schema and a handler', async () => {
    const wrong: string[] = [];
    for (const m of Object.keys(contract)) {
      const found = await findMethod(m);
      if (found?.spec !== contract[m as keyof typeof contract] || typeof found.handler !== 'function') wrong.push(m);
    }
    expect(wrong).toEqual([]);
  });

  it('has no handler or schema that the contract lacks', async () => {
    const extra: string[] = [];
    for (const d of domainNames) {
      const t = await domainTables(d);
      extra.push(...[...Object.keys(t.methods), ...Object.keys(t.handlers)].filter((m) => !(m in contract)).map((m) => `${d}: ${m}`));
    }
    expect(extra).toEqual([]);
  });

  it('finds nothing for names that are not methods', async () => {
    for (const name of ['', 'reports', 'reports.', 'reports.nope', 'constructor', '__proto__', 'toString.x', 'hasOwnProperty', 'bank.__proto__']) {
      expect(await findMethod(name), name).toBeUndefined();
    }
  });
});
