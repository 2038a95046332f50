import { describe, expect, it } from 'vitest';
import { balanceOf, emptyLine, isUsed, takesGrant, type Line } from '../../renderer/src/screens/manualEntry/lines';

const line = (account: string, debit = '', credit = ''): Line => ({ ...emptyLine(), account, debit, credit });

describe('the manual entry form says whether its lines may be posted', () => {
  it('two lines that balance to the cent are ready', () => {
    const b = balanceOf([line('4300', '24,50'), line('1000', '', '24,50')]);
    expect([b.debit, b.credit, b.diff, b.balanced, b.ready, b.reason]).toEqual([2450n, 2450n, 0n, true, true, 'ready']);
  });

  it('a difference names its size and direction in cents', () => {
    const b = balanceOf([line('4300', '1.000,00'), line('1000', '', '999,99')]);
    expect([b.diff, b.balanced, b.ready, b.reason]).toEqual([1n, false, false, 'difference']);
  });

  it('empty lines are "empty", not balanced', () => {
    const b = balanceOf([emptyLine(), emptyLine()]);
    expect([b.balanced, b.ready, b.reason]).toEqual([false, false, 'empty']);
  });

  it('the first problem is named: a bad amount before debit-and-credit before a missing account', () => {
    expect(balanceOf([line('4300', 'tien'), line('1000', '', '10')]).reason).toBe('invalid');
    expect(balanceOf([line('4300', '-10'), line('1000', '', '10')]).reason).toBe('invalid');
    expect(balanceOf([line('4300', '0'), line('1000', '', '0')]).reason).toBe('invalid');
    expect(balanceOf([line('4300', '10', '10'), line('1000', '', '10'), line('1100', '10')]).reason).toBe('both');
    expect(balanceOf([line('', '10'), line('1000', '', '10')]).reason).toBe('account');
  });

  it('one line of 10 debit and nothing else is a difference; a balanced single line does not exist', () => {
    expect(balanceOf([line('4300', '10'), emptyLine()]).reason).toBe('difference');
  });

  it('a line with only an account or a text is used (sent), an empty one is not', () => {
    expect([isUsed(emptyLine()), isUsed(line('4300')), isUsed({ ...emptyLine(), description: ' x ' })]).toEqual([false, true, true]);
  });

  it('only income and expense lines can go to a grant', () => {
    expect((['income', 'expense', 'asset', 'liability', 'equity', undefined] as const).map(takesGrant)).toEqual([true, true, false, false, false, false]);
  });
});
