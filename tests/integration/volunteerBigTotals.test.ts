/**
 * Volunteer totals above 2^53 cents (issue 17, Low), in the style of bigTotals.test.ts. A payment is
 * at most € 999.999.999,99, so one person's year passes 2^53 cents only with some 90,000 payments
 * at that cap; the sum over several persons gets there sooner. The overview's totals over all
 * persons are exact (BigInt); a person's own total beyond 2^53 is refused with a clear Dutch
 * message instead of a rounded figure or a limit check on one; a payout whose one bank line would
 * pass the cap is refused and writes nothing. The totals are odd on purpose: above 2^53 a float only
 * holds even numbers of cents, so any float on the way would show.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { VolunteerOverview } from '../../shared/api/volunteers';
import { KassaError } from '../../shared/errors';
import { centsToString, MAX_AMOUNT_CENTS } from '../../shared/money';
import { cleanupTempDirs, expectDutch } from './helpers';
import { booksOf, expectNothingWritten, FATIMA, JAN, volunteerBooks, ZOE } from './volunteers/helpers';

afterAll(cleanupTempDirs);

/** Per person: below 2^53 alone, above it together. */
const EACH = 46_000;
/** One person alone above 2^53. */
const ALONE = 91_000;

describe('volunteer totals above 2^53 cents', () => {
  it('the overview adds persons up exactly; a person beyond 2^53 and a payout beyond the line cap are refused', { timeout: 60_000 }, async () => {
    const t = await volunteerBooks();
    try {
      const books = booksOf(t);
      const [jan, fatima, zoe] = [await t.call<{ id: number }>('persons.create', JAN), await t.call<{ id: number }>('persons.create', FATIMA), await t.call<{ id: number }>('persons.create', ZOE)];
      const bank = (books.raw(`SELECT id FROM accounts WHERE code = '1100'`).get() as { id: number }).id;
      // Written straight into the table (the triggers keep the month totals), as something other
      // than the pay screen could: the pay screen's own limit check would stop long before.
      const ins = books.raw(`INSERT INTO volunteer_payments (person_id, date, amount_cents, kind, description, as_wages, wages_confirmation, pay_from_account_id, created_at)
        VALUES (?, ?, ?, 'fee', 'Groot bedrag', ?, ?, ?, '2026-01-01T00:00:00Z')`);
      const wages = 'Ja, bewust als loon';
      books.tx(() => {
        for (let i = 0; i < EACH; i++) {
          ins.run(jan.id, '2026-03-02', MAX_AMOUNT_CENTS, 1, wages, bank);
          ins.run(fatima.id, '2026-04-01', MAX_AMOUNT_CENTS, 1, wages, bank);
        }
        ins.run(jan.id, '2026-03-03', 1, 1, wages, bank);
        ins.run(fatima.id, '2026-04-02', 2, 1, wages, bank);
        for (let i = 0; i < ALONE; i++) ins.run(zoe.id, '2025-06-01', MAX_AMOUNT_CENTS, 0, null, bank);
      });
      const janCents = BigInt(EACH) * BigInt(MAX_AMOUNT_CENTS) + 1n;
      const fatimaCents = BigInt(EACH) * BigInt(MAX_AMOUNT_CENTS) + 2n;
      const both = janCents + fatimaCents;
      const safe = BigInt(Number.MAX_SAFE_INTEGER);
      expect(janCents < safe && fatimaCents < safe && both > safe && both % 2n === 1n).toBe(true);

      // 2026: each person exact, the totals over both exact.
      const o = await t.call<VolunteerOverview>('volunteers.overview', { year: 2026 });
      const person = (id: number) => o.persons.find((p) => p.person.id === id)!;
      expect([person(jan.id).asWages, person(fatima.id).asWages]).toEqual([centsToString(janCents), centsToString(fatimaCents)]);
      expect(person(jan.id).months[2]!.asWages).toBe(centsToString(janCents));
      expect(person(fatima.id).unpaid).toBe(centsToString(fatimaCents));
      expect(o.totals.asWages).toBe('91999999999080.03');
      expect(o.totals.unpaid).toBe(centsToString(both));
      expect(o.totals.total).toBe('0.00');

      // 2025: one person's counted fees pass 2^53 cents: the overview and the check refuse, in Dutch.
      for (const call of [
        () => t.call('volunteers.overview', { year: 2025 }),
        () => t.call('volunteers.check', { person: zoe.id, date: '2025-07-01', kind: 'fee', amount: '10.00' }),
      ]) {
        const e = await call().then(() => null, (x: unknown) => x);
        expect(e).toBeInstanceOf(KassaError);
        expect((e as KassaError).code).toBe('INVALID_AMOUNT');
        expect((e as KassaError).message).toContain('niet precies optellen');
        expectDutch((e as KassaError).message);
      }

      // Paying two payments at the cap at once: the bank line would hold more than a line can.
      const two = (books.raw('SELECT id FROM volunteer_payments WHERE person_id = ? ORDER BY id LIMIT 2').all(jan.id) as { id: number }[]).map((r) => r.id);
      await expectNothingWritten(t, async () => {
        const e = await t.call('volunteers.markPaid', { paymentIds: two, date: '2026-05-01', account: '1100' }).then(() => null, (x: unknown) => x);
        expect((e as KassaError).code).toBe('INVALID_AMOUNT');
        expect((e as KassaError).message).toContain('Betaal de vergoedingen in delen');
      });
    } finally {
      t.close();
    }
  });
});
