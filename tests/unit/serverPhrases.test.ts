import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sentences, type Phrase } from '../../shared/phrase';
import { differenceWords } from '../../shared/rules/bankDifference';
import { BUILT_IN_VOLUNTEER_LIMITS, checkVolunteerPayment, type VolunteerPerson } from '../../shared/rules/volunteerLimits';

/**
 * Server texts reach an English screen as phrases (shared/phrase.ts): every phrase the volunteer
 * check can say must have its key in both renderer bundles, with the same {{values}} the phrase
 * brings, and the Dutch text and the phrases always list the same sentences.
 */
const root = path.resolve(__dirname, '..', '..', 'renderer', 'src', 'i18n');
const bundle = (lang: string) => (JSON.parse(fs.readFileSync(path.join(root, `${lang}.json`), 'utf8')) as { server: Record<string, unknown> }).server;

/** The text for a phrase key, or its plural "other" form. */
function lookup(server: Record<string, unknown>, key: string): string | undefined {
  const parts = key.split('.');
  let node: unknown = server;
  for (const p of parts.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[p];
  const leaf = node as Record<string, unknown> | undefined;
  const last = parts[parts.length - 1]!;
  const v = leaf?.[last] ?? leaf?.[`${last}_other`];
  return typeof v === 'string' ? v : undefined;
}

const limits = BUILT_IN_VOLUNTEER_LIMITS.find((r) => r.year === 2026) ?? BUILT_IN_VOLUNTEER_LIMITS[BUILT_IN_VOLUNTEER_LIMITS.length - 1]!;
const person = (extra: Partial<VolunteerPerson> = {}): VolunteerPerson => ({ birthDate: '1960-01-01', benefit: 'none', alsoPaidOrInvoices: false, ...extra });

/** Situations that between them make every block and warning with phrases. */
function allPhrases(): Phrase[] {
  const y = limits.year;
  const results = [
    checkVolunteerPayment({ person: person(), payment: { date: `${y}-03-10`, kind: 'fee', amountCents: limits.perMonthCents + 100 }, history: [], limits }),
    checkVolunteerPayment({ person: person(), payment: { date: `${y}-03-10`, kind: 'fee', amountCents: limits.perMonthCents }, history: [{ date: `${y}-03-01`, kind: 'reimbursement' as const, amountCents: 100 }, ...Array.from({ length: 11 }, (_, i) => ({ date: `${y}-${String(i + 1).padStart(2, '0')}-02`, kind: 'fee' as const, amountCents: limits.perMonthCents }))].filter((p) => p.date.slice(5, 7) !== '03' || p.kind === 'reimbursement'), limits }),
    checkVolunteerPayment({ person: person(), payment: { date: `${y}-03-10`, kind: 'fee', amountCents: 10_000, hours: '1' }, history: [], limits }),
    // Over the year only (every other month full), and over March only (another month fits).
    checkVolunteerPayment({ person: person(), payment: { date: `${y}-03-10`, kind: 'fee', amountCents: limits.perMonthCents }, history: Array.from({ length: 12 }, (_, i) => ({ date: `${y}-${String(i + 1).padStart(2, '0')}-02`, kind: 'fee' as const, amountCents: limits.perMonthCents })).filter((p) => p.date.slice(5, 7) !== '03'), limits }),
    checkVolunteerPayment({ person: person(), payment: { date: `${y}-03-10`, kind: 'fee', amountCents: 100 }, history: [{ date: `${y}-03-02`, kind: 'fee' as const, amountCents: limits.perMonthCents }], limits }),
    checkVolunteerPayment({ person: person({ birthDate: '' }), payment: { date: `${y}-03-10`, kind: 'fee', amountCents: 1000, hours: '1' }, history: [], limits }),
    checkVolunteerPayment({ person: person({ benefit: 'bijstand', birthDate: `${y - 20}-01-01`, alsoPaidOrInvoices: true }), payment: { date: `${y}-12-10`, kind: 'fee', amountCents: 100 }, history: Array.from({ length: 9 }, (_, i) => ({ date: `${y}-${String(i + 1).padStart(2, '0')}-02`, kind: 'fee' as const, amountCents: limits.perMonthCents })), limits }),
    checkVolunteerPayment({ person: person({ benefit: 'uwv' }), payment: { date: `${y + 5}-01-10`, kind: 'fee', amountCents: 100, asWages: true }, history: [], limits }),
    checkVolunteerPayment({ person: person({ benefit: 'bijstand', birthDate: '' }), payment: { date: `${y}-01-10`, kind: 'fee', amountCents: 100 }, history: [], limits }),
    checkVolunteerPayment({ person: person({ benefit: 'other' }), payment: { date: `${y}-01-10`, kind: 'fee', amountCents: 100 }, history: [], limits }),
  ];
  return results.flatMap((r) => [...r.blocks, ...r.warnings]).flatMap((i) => i.says ?? []);
}

describe('server phrases', () => {
  it('has every volunteer phrase in Dutch and English, with the values the phrase brings', () => {
    const phrases = allPhrases();
    const keys = new Set(phrases.map((p) => p.key));
    for (const k of ['vol.monthTooHigh', 'vol.yearTooHigh', 'vol.bothTooHigh', 'vol.otherMonth', 'vol.aboveIsWages', 'vol.hourTooHigh', 'vol.birthDateRequired', 'vol.year80', 'vol.asWages', 'vol.limitsOtherYear', 'vol.bijstandUnder27', 'vol.bijstandAgeUnknown', 'vol.paidElsewhere', 'vol.benefitReport.uwv']) {
      expect(keys, k).toContain(k);
    }
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
    for (const lang of ['nl', 'en']) {
      const server = bundle(lang);
      for (const p of phrases) {
        const text = lookup(server, p.key);
        expect(text, `${lang}: server.${p.key}`).toBeTruthy();
        for (const v of vars(text!)) expect(Object.keys(p.params ?? {}), `${lang}: server.${p.key} {{${v}}}`).toContain(v);
      }
    }
  });

  it('builds the Dutch text and the phrases side by side', () => {
    const said = new Sentences().add('Eén.', 'a').add('Twee.', 'b', { n: 2 }).said();
    expect(said).toEqual({ message: 'Eén. Twee.', says: [{ key: 'a' }, { key: 'b', params: { n: 2 } }] });
  });

  it('says a bank difference in words, one sign convention (bank minus books)', () => {
    const less = differenceWords(100_00, 250_00);
    expect(less.key).toBe('bank.less');
    expect(less.dutch.replace(/\u00a0/g, ' ')).toBe('Er staat € 150,00 minder op de bank dan in de boeken.');
    expect(differenceWords(250_00, 100_00).dutch.replace(/\u00a0/g, ' ')).toBe('Er staat € 150,00 meer op de bank dan in de boeken.');
    expect(differenceWords(5n, 5n).key).toBe('bank.equal');
  });
});
