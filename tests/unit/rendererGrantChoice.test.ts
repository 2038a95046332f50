import { describe, expect, it } from 'vitest';
import type { GrantOption } from '../../shared/api/grants';
import { grantChoicesFor, grantFields, grantValue, isGrantField } from '../../renderer/src/components/GrantSelect';

const option = (over: Partial<GrantOption>): GrantOption => ({
  id: 1, project: 'Taalcafé', fund: 'Oranje Fonds', status: 'awarded', startDate: '2026-01-01', endDate: '2026-12-31', inPeriod: true, budgetLines: [], ...over,
});

describe('grant choice (money forms, bank line, manual entry)', () => {
  it('a cost picks a budget line of a grant in its period; money received picks the grant', () => {
    const opts = [
      option({ id: 1, budgetLines: [{ id: 7, name: 'Huur', remaining: '10.00', suggested: true }, { id: 8, name: 'Materialen', remaining: '5.00', suggested: false }] }),
      option({ id: 2, project: 'Huiswerkklas', inPeriod: false }),
      option({ id: 3, project: 'Buurtlunch' }),
    ];
    expect(grantChoicesFor(opts, true).map((c) => c.value)).toEqual(['1:7', '1:8', '3']);
    expect(grantChoicesFor(opts, false).map((c) => [c.value, c.label])).toEqual([
      ['1', 'Taalcafé (Oranje Fonds)'], ['2', 'Huiswerkklas (Oranje Fonds)'], ['3', 'Buurtlunch (Oranje Fonds)'],
    ]);
  });

  it('value <-> API fields', () => {
    expect(grantFields('')).toEqual({});
    expect(grantFields('4')).toEqual({ grant: 4 });
    expect(grantFields('4:9')).toEqual({ grant: 4, budgetLine: 9 });
    expect(grantValue(null, null)).toBe('');
    expect(grantValue(4, null)).toBe('4');
    expect(grantValue(4, 9)).toBe('4:9');
  });

  it('knows which API error fields belong beside the grant choice', () => {
    for (const f of ['grant', 'lines.0.grant', 'lines.12.budgetLine', 'line.grant', 'line.budgetLine']) expect(isGrantField(f), f).toBe(true);
    for (const f of [undefined, '', 'lines.0.account', 'grants', 'budgetLines', 'description']) expect(isGrantField(f), String(f)).toBe(false);
  });
});
