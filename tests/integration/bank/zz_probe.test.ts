import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { makeBooks } from '../helpers';

const FIX = path.join(__dirname, '../../fixtures/bank');
it('probe', async () => {
  const b = await makeBooks({ year: 2026, extra: { iban: 'NL36INGB0007654321' } });
  const r = await b.call('bank.import', { path: path.join(FIX, 'camt053-001-02-ing.xml') });
  console.log(JSON.stringify(r, null, 1));
  const inbox = await b.call('bank.inbox', {});
  console.log(JSON.stringify(inbox.items.slice(0, 2), null, 1), inbox.counts);
  await b.call('bank.rules.create', { text: 'huur', account: '4100' });
  const inbox2 = await b.call('bank.inbox', {});
  console.log(inbox2.items.map((i: any) => [i.id, i.amount, i.suggestion?.reason]));
  console.log(await b.call('bank.acceptSuggestions', { confirm: true }));
  console.log(JSON.stringify(await b.call('bank.reconciliation', { account: '1100' }), null, 1).slice(0, 3000));
  b.close();
});
