import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { isKassaErrorData, KassaError } from '../../shared/errors';
import { joinSaid, said, type Phrase } from '../../shared/phrase';
import i18n from '../../renderer/src/i18n';
import { phrasesOf, serverText } from '../../renderer/src/serverText';
import { DUTCH_ALLOWED, DUTCH_WORDS, leftovers } from '../e2e/languageWords';
import { cleanupTempDirs, tempDir } from '../integration/helpers';

/**
 * Issue 18, "one voice, one language": the service errors a treasurer meets reach an English screen
 * in English. Every error text is built with said() (shared/phrase.ts): its key and Dutch template
 * are read here from the code itself, so a new error without English, an English text with other
 * {{values}} than the Dutch, or a Dutch text that drifted from the bundle fails this test. The
 * schemas' fixed texts (zod messages in shared/api) must all be in the bundle's zod section.
 */

const repo = path.resolve(__dirname, '..', '..');
const bundleDir = path.join(repo, 'shared', 'i18n', 'errors');

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}
const bundle = (lang: string) => flatten(JSON.parse(fs.readFileSync(path.join(bundleDir, `${lang}.json`), 'utf8')) as Record<string, unknown>);
const nl = bundle('nl');
const en = bundle('en');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}
const files = [...sources(path.join(repo, 'electron')), ...sources(path.join(repo, 'shared'))];

interface SaidCall { where: string; key: string | null; dutch: string | null; params: string[] | null }
interface ErrorCall { where: string; literal: boolean }
const saidCalls: SaidCall[] = [];
const errorCalls: ErrorCall[] = [];
/** Refusals of a bank file (electron/books/bank/errors.ts bankError) whose text is not said(). */
const plainBankErrors: string[] = [];
/** Bank warnings ({ message: … } in electron/books/bank) written as plain text instead of said(). */
const plainBankWarnings: string[] = [];
const isText = (n: ts.Node) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n) || ts.isBinaryExpression(n);
const schemaTexts: { where: string; text: string }[] = [];
/** Files of shared/api with a zod message built from a template (they reach an English screen in Dutch). */
const schemaTemplates: string[] = [];

for (const file of files) {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const where = (n: ts.Node) => `${path.relative(repo, file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.getText() === 'said') {
      const [k, d, p] = n.arguments;
      saidCalls.push({
        where: where(n),
        key: k && ts.isStringLiteral(k) ? k.text : null,
        dutch: d && ts.isStringLiteral(d) ? d.text : null,
        // Names of the values when written out here (an object literal); null when passed in a variable.
        params: p === undefined ? [] : ts.isObjectLiteralExpression(p) ? p.properties.map((x) => x.name?.getText() ?? '…') : null,
      });
    }
    if (ts.isNewExpression(n) && n.expression.getText() === 'KassaError' && n.arguments?.[1]) {
      const m = n.arguments[1];
      // Text itself, also when tidied first (`…`.trim()) or joined from pieces ('a' + b).
      const textual = (x: ts.Node): boolean => ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x) || ts.isTemplateExpression(x)
        || (ts.isBinaryExpression(x) && (textual(x.left) || textual(x.right)))
        || (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && textual(x.expression.expression));
      errorCalls.push({ where: where(n), literal: textual(m) });
    }
    if (ts.isCallExpression(n) && n.expression.getText() === 'bankError') {
      const m = n.arguments[0];
      // A said() text, a joinSaid() of them, or a value (like a chosen said()); never text itself.
      if (!m || isText(m) || ts.isConditionalExpression(m) && (isText(m.whenTrue) || isText(m.whenFalse))) plainBankErrors.push(where(n));
    }
    if (file.includes(`${path.sep}books${path.sep}bank${path.sep}`) && ts.isPropertyAssignment(n) && n.name.getText() === 'message' && isText(n.initializer)) {
      plainBankWarnings.push(where(n));
    }
    // The schemas' fixed texts: { message: '…' } and { error: '…' } in shared/api.
    if (file.includes(`${path.sep}shared${path.sep}api${path.sep}`) && ts.isPropertyAssignment(n) && ['message', 'error'].includes(n.name.getText()) && ts.isStringLiteral(n.initializer)) {
      schemaTexts.push({ where: where(n), text: n.initializer.text });
    }
    // …and those built from a template (`Vul ${what} in.`): the renderer cannot find them by their words.
    if (file.includes(`${path.sep}shared${path.sep}api${path.sep}`) && ts.isPropertyAssignment(n) && ['message', 'error'].includes(n.name.getText()) && ts.isTemplateExpression(n.initializer)) {
      schemaTemplates.push(where(n).replace(/:\d+$/, ''));
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}

/** The names of a template's {{values}}, also of a value with a format ({{what, capital}}). */
const vars = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]!))].sort();

/**
 * Errors still built as plain Dutch text: each is said here with why it is left. The list may only
 * shrink; a new plain-text error fails the test.
 */
const PLAIN_DUTCH_LEFT = new Map<string, string>([]);

describe('service errors in English', () => {
  it('has every error text said with a literal key and Dutch template, equal to the Dutch bundle', () => {
    expect(saidCalls.length).toBeGreaterThan(300);
    const odd = saidCalls.filter((c) => c.key === null || c.dutch === null).map((c) => c.where);
    expect(odd).toEqual([]);
    for (const c of saidCalls) {
      const key = `server.${c.key}`;
      expect(nl.get(key), `${c.where}: ${key} in errors/nl.json`).toBe(c.dutch);
      if (c.params) expect(c.params.sort(), `${c.where}: the values of ${key}`).toEqual(expect.arrayContaining(vars(c.dutch!)));
    }
  });

  it('has English for every Dutch text, with the same {{values}} and no Dutch words', () => {
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
    const dutchLeft: string[] = [];
    for (const [key, dutch] of nl) {
      const english = en.get(key)!;
      expect(vars(english), `${key}: {{values}}`).toEqual(vars(dutch));
      // Names of things (NL123…, naam@voorbeeld.nl, Kijk op de Kassa) are no words to translate.
      for (const l of leftovers(english.replace(/\{\{\w+(?:, *\w+)?\}\}/g, ''), DUTCH_WORDS, DUTCH_ALLOWED, ['naam@voorbeeld.nl', 'KvK', 'RSIN', 'UWV'])) dutchLeft.push(`${key}: ${l.word}`);
    }
    expect(dutchLeft).toEqual([]);
  });

  it('keeps no texts in the bundle that nothing says', () => {
    const said = new Set(saidCalls.map((c) => `server.${c.key}`));
    const stale = [...nl.keys()].filter((k) => !k.startsWith('server.err.zod.') && !said.has(k));
    expect(stale).toEqual([]);
  });

  it('knows every fixed text of the schemas', () => {
    const known = new Set([...nl].filter(([k]) => k.startsWith('server.err.zod.')).map(([, v]) => v));
    expect(schemaTexts.length).toBeGreaterThan(100);
    expect(schemaTexts.filter((s) => !known.has(s.text)).map((s) => `${s.where}: ${s.text}`)).toEqual([]);
  });

  it('builds no zod message from a template (it would show in Dutch in every language)', () => {
    // A text that names a field is said in shared/api/fieldTexts.ts (fillIn, tooLong, …), with its phrases.
    expect([...new Set(schemaTemplates)].sort()).toEqual([]);
  });

  it('builds no error from plain Dutch text outside the files listed', () => {
    const plain = errorCalls.filter((c) => c.literal).map((c) => c.where.replace(/:\d+$/, ''));
    expect([...new Set(plain)].filter((f) => !PLAIN_DUTCH_LEFT.has(f))).toEqual([]);
    // The list shrinks with the work: a file that no longer has plain errors leaves it.
    expect([...PLAIN_DUTCH_LEFT.keys()].filter((f) => !plain.includes(f))).toEqual([]);
  });

  it('says every refusal and warning about a bank file, never as plain Dutch', () => {
    // The static check must see the calls at all: the bank parsers refuse files in ~60 places.
    expect(saidCalls.filter((c) => c.key?.startsWith('err.bankFile.')).length).toBeGreaterThan(60);
    expect(plainBankErrors).toEqual([]);
    expect(plainBankWarnings).toEqual([]);
  });

  it('fills the Dutch template and passes a part that is said itself as its phrase', () => {
    const line = said('err.bank.lineCap', 'De regel van {{date}} ({{amount}}{{who}})', { date: '3 maart 2026', amount: '€ 5,00', who: '' });
    const s = said('err.bank.linePosted', '{{line}} is al geboekt.', { line });
    expect(s.message).toBe('De regel van 3 maart 2026 (€ 5,00) is al geboekt.');
    expect(s.says).toEqual([{ key: 'err.bank.linePosted', params: { line: { key: 'err.bank.lineCap', params: { date: '3 maart 2026', amount: '€ 5,00', who: '' } } } }]);
    const e = new KassaError('POSTED_IMMUTABLE', s, { details: { transaction: 1 } });
    expect(e.message).toBe(s.message);
    expect(e.details).toEqual({ transaction: 1, says: s.says });
    // A part without phrases makes the whole text plain Dutch (never half of each).
    expect(joinSaid(s, { message: 'Los.' }).says).toBeUndefined();
  });
});

describe('errors from real calls, shown in English', () => {
  const dir = tempDir('kassa-errphrases-');
  const s = new Session();
  const year = new Date().getFullYear();

  beforeAll(async () => {
    await dispatch(s, 'admin.create', { path: path.join(dir, 'fouten.kassa'), name: 'Stichting Fout', year });
    i18n.changeLanguage('en');
  });
  afterAll(() => {
    i18n.changeLanguage('nl');
    s.close();
    cleanupTempDirs();
  });

  /** The error of a call as the renderer shows it (renderer/src/api.ts does the same). */
  async function shown(method: string, input: unknown): Promise<{ code: string; nl: string; en: string }> {
    let data: unknown;
    try {
      await dispatch(s, method, input);
    } catch (e) {
      data = e instanceof KassaError ? e.toJSON() : e;
    }
    if (!isKassaErrorData(data)) throw new Error(`${method} did not fail with a KassaError`);
    return { code: data.code, nl: data.message, en: serverText({ message: data.message, says: phrasesOf(data.details) }) };
  }

  it('says the kascommissie checklist\'s findings in English too', async () => {
    const c = (await dispatch(s, 'review.checklist', { year })) as { items: { key: string; summary: string; summarySays?: Phrase[] }[] };
    expect(c.items.length).toBe(8);
    for (const i of c.items) {
      expect(i.summarySays, i.summary).toBeDefined();
      const en = serverText({ message: i.summary, says: i.summarySays });
      expect(en, i.key).not.toBe(i.summary);
      expect(leftovers(en, DUTCH_WORDS, DUTCH_ALLOWED, []), en).toEqual([]);
    }
  });

  it.each([
    ['an entry that does not balance', 'entries.post', { date: `${year}-03-01`, description: 'Test', lines: [{ account: '4300', debit: '10.00' }, { account: '1000', credit: '9.00' }] }, 'UNBALANCED', /does not balance/],
    ['an amount with three decimals', 'money.spent', { date: `${year}-03-01`, description: 'Test', amount: '1.234', from: '1000', category: '4300' }, 'INVALID_AMOUNT', /more than 2 digits/],
    ['a date outside every year', 'money.spent', { date: `${year - 5}-03-01`, description: 'Test', amount: '1.00', from: '1000', category: '4300' }, 'NO_OPEN_YEAR', /does not fall in a financial year/],
    ['an unknown account', 'money.spent', { date: `${year}-03-01`, description: 'Test', amount: '1.00', from: '1000', category: '9999' }, 'UNKNOWN_ACCOUNT', /Account 9999/],
    ['closing a year that is not over', 'yearEnd.close', { year }, 'YEAR_NOT_READY', /cannot be closed yet|not over/],
    ['a bank import without a file', 'bank.import', {}, 'INVALID_INPUT', /Choose a file/],
    ['a file that is no bank statement', 'bank.import', { data: Buffer.from('Boodschappenlijstje: melk, brood').toString('base64'), fileName: 'lijst.txt' }, 'BAD_BANK_FILE', /does not recognise this file/],
    ['a folder that is not there', 'overview.scan', { folder: path.join(dir, 'nergens') }, 'FILE_NOT_FOUND', /does not exist or cannot be read/],
    ['limits with a young maximum above the adult one', 'volunteers.limits.set', { year: year + 1, perHourAdult: '5.90', perHourYoung: '6.00', ageThreshold: 21, perMonth: '230.00', perYear: '2300.00' }, 'INVALID_INPUT', /young people may not be higher than for adults/],
    ['a backup that is not there', 'backups.restore', { path: path.join(dir, 'weg.kassa') }, 'FILE_NOT_FOUND', /backup/i],
    // Texts of the schemas that name a field (shared/api/fieldTexts.ts): empty, missing, too long.
    ['a person without a name', 'persons.create', { name: '  ' }, 'INVALID_INPUT', /^Fill in the name\.$/],
    ['a fund without its name', 'funds.create', { fundType: 'fund' }, 'INVALID_INPUT', /^Fill in the name of the fund\.$/],
    ['a street that is too long', 'contacts.create', { kind: 'customer', name: 'Wijkcentrum', street: 'x'.repeat(201) }, 'INVALID_INPUT', /^The street is too long \(at most 200 characters\)\.$/],
    ['an export over the open books', 'export.hledger', { path: path.join(dir, 'fouten.kassa') }, 'PROTECTED_FILE', /administration file of Kijk op de Kassa\. .*Choose another name or folder\. Nothing has been written\.$/],
  ])('%s', async (_what, method, input, code, english) => {
    const r = await shown(method, input);
    expect(r.code).toBe(code);
    expect(r.en).toMatch(english);
    expect(leftovers(r.en, DUTCH_WORDS, DUTCH_ALLOWED, [])).toEqual([]);
    expect(r.en).not.toBe(r.nl);
  });
});
