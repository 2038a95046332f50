import type { InvoiceSettings } from '../../../shared/api/invoiceTypes';
import { KassaError } from '../../../shared/errors';
import { DEFAULT_PAYMENT_DAYS } from '../../../shared/rules/invoiceDates';
import type { VatStatementSettings } from '../../../shared/rules/invoiceModel';
import { DEFAULT_NUMBER_FORMAT, parseNumberFormat, renderNumber, seriesKey } from '../../../shared/rules/invoiceNumber';
import { DEFAULT_VAT_STATEMENTS } from '../../../shared/rules/invoiceText';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { today } from '../clock';
import { attachmentMeta, readAttachmentSource, storeAttachment } from './attachments';
import { said } from '../../../shared/phrase';

/** Invoice settings of one administration, as key/value rows in invoice_settings. */
export interface InvoiceConfig {
  numberFormat: string;
  paymentDays: number;
  reminderDays: number;
  vatStatements: { none: string; exempt: string; kor: string };
  defaultIncomeAccount: string;
  bic: string | null;
  logoId: number | null;
}

export const DEFAULT_INCOME_ACCOUNT = '8400';
export const DEFAULT_REMINDER_DAYS = 14;
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export function readConfig(books: Books): InvoiceConfig {
  const rows = books.raw('SELECT key, value FROM invoice_settings').all() as { key: string; value: string }[];
  const m = new Map(rows.map((r) => [r.key, r.value]));
  const vat = (() => {
    try {
      return JSON.parse(m.get('vatStatements') ?? '{}') as Partial<InvoiceConfig['vatStatements']>;
    } catch {
      return {};
    }
  })();
  const int = (k: string, d: number) => {
    const v = Number(m.get(k));
    return Number.isInteger(v) && m.has(k) ? v : d;
  };
  const logo = m.get('logo');
  return {
    numberFormat: m.get('numberFormat') ?? DEFAULT_NUMBER_FORMAT,
    paymentDays: int('paymentDays', DEFAULT_PAYMENT_DAYS),
    reminderDays: int('reminderDays', DEFAULT_REMINDER_DAYS),
    vatStatements: { none: vat.none ?? '', exempt: vat.exempt ?? '', kor: vat.kor ?? '' },
    defaultIncomeAccount: m.get('defaultIncomeAccount') ?? DEFAULT_INCOME_ACCOUNT,
    bic: m.get('bic') || null,
    logoId: logo ? Number(logo) : null,
  };
}

/** The VAT statement overrides in the document layer's shape (empty = default). */
export function vatStatementSettings(c: InvoiceConfig): VatStatementSettings {
  const out: VatStatementSettings = {};
  for (const k of ['none', 'exempt', 'kor'] as const) if (c.vatStatements[k].trim()) out[k] = c.vatStatements[k].trim();
  return out;
}

/** The next number of the series a sales invoice dated `date` would get, or null outside an open year. */
export function nextNumberFor(books: Books, date: string, format: string): string | null {
  const fy = books.raw(`SELECT year FROM fiscal_years WHERE ? BETWEEN start_date AND end_date AND status = 'open'`).get(date) as { year: number } | undefined;
  if (!fy) return null;
  const p = parseNumberFormat(format);
  const series = seriesKey(p, fy.year);
  const row = books.raw(`SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM invoices WHERE kind = 'sales' AND series = ? AND seq IS NOT NULL`).get(series) as { n: number };
  return renderNumber(p, fy.year, row.n);
}

export function getInvoiceSettings(books: Books): InvoiceSettings {
  const c = readConfig(books);
  const logo = c.logoId !== null ? attachmentMeta(books, c.logoId) : null;
  let next: string | null;
  try {
    next = nextNumberFor(books, today(), c.numberFormat);
  } catch {
    next = null;
  }
  return {
    numberFormat: c.numberFormat,
    nextNumber: next,
    paymentDays: c.paymentDays,
    reminderDays: c.reminderDays,
    vatStatements: c.vatStatements,
    defaultVatStatements: { ...DEFAULT_VAT_STATEMENTS },
    defaultIncomeAccount: c.defaultIncomeAccount,
    bic: c.bic,
    logo: logo && (logo.mime === 'image/png' || logo.mime === 'image/jpeg') ? { mime: logo.mime, size: logo.size } : null,
  };
}

export interface SettingsInput {
  numberFormat?: string | undefined;
  paymentDays?: number | undefined;
  reminderDays?: number | undefined;
  vatStatements?: { none?: string | undefined; exempt?: string | undefined; kor?: string | undefined } | undefined;
  defaultIncomeAccount?: string | undefined;
  bic?: string | null | undefined;
  logo?: string | null | undefined;
}

function put(books: Books, key: string, value: string | null): void {
  if (value === null) books.raw('DELETE FROM invoice_settings WHERE key = ?').run(key);
  else books.raw('INSERT INTO invoice_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function setInvoiceSettings(books: Books, input: SettingsInput): InvoiceSettings {
  return books.tx(() => {
    const c = readConfig(books);
    const audit: Record<string, unknown> = { ...input };
    if (input.numberFormat !== undefined) put(books, 'numberFormat', parseNumberFormat(input.numberFormat).format);
    if (input.paymentDays !== undefined) put(books, 'paymentDays', String(input.paymentDays));
    if (input.reminderDays !== undefined) put(books, 'reminderDays', String(input.reminderDays));
    if (input.vatStatements !== undefined) {
      put(books, 'vatStatements', JSON.stringify({ ...c.vatStatements, ...Object.fromEntries(Object.entries(input.vatStatements).filter(([, v]) => v !== undefined)) }));
    }
    if (input.defaultIncomeAccount !== undefined) {
      const a = books.first(books.db.selectFrom('accounts').select(['type', 'archived', 'name']).where('code', '=', input.defaultIncomeAccount));
      if (!a) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknown', 'Rekening {{code}} bestaat niet.', { code: input.defaultIncomeAccount }), { field: 'defaultIncomeAccount' });
      if (a.type !== 'income') {
        throw new KassaError('INVALID_INPUT', said('err.invoice.defaultNotIncome', 'Rekening {{code}} ({{name}}) is geen opbrengstenrekening. Kies een rekening uit de 8000-groep.', { code: input.defaultIncomeAccount, name: a.name }), { field: 'defaultIncomeAccount' });
      }
      if (a.archived) throw new KassaError('ACCOUNT_ARCHIVED', said('err.account.archivedShort', 'Rekening {{code}} is gearchiveerd.', { code: input.defaultIncomeAccount }), { field: 'defaultIncomeAccount' });
      put(books, 'defaultIncomeAccount', input.defaultIncomeAccount);
    }
    if (input.bic !== undefined) put(books, 'bic', input.bic);
    if (input.logo !== undefined) {
      if (input.logo === null) {
        // The old logo stays in the file: final invoices printed with it refer to it.
        put(books, 'logo', null);
      } else {
        const file = readAttachmentSource({ name: 'logo', data: input.logo }, { field: 'logo', max: MAX_LOGO_BYTES, allowed: ['image/png', 'image/jpeg'] });
        const meta = storeAttachment(books, { ...file, name: `logo.${file.mime === 'image/png' ? 'png' : 'jpg'}` });
        put(books, 'logo', String(meta.id));
        audit.logo = { sha256: meta.sha256, size: meta.size, mime: meta.mime };
      }
    }
    appendAudit(books, 'invoices.settings.set', 'invoice_settings', null, audit);
    return getInvoiceSettings(books);
  });
}
