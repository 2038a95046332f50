/**
 * Calendar-date helpers for invoices. Dates are ISO strings ("2025-03-31") without a time or
 * time zone; arithmetic runs in UTC so daylight saving time never shifts a day.
 */

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in the form YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function toUtcMs(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2025-01-31" + 30 -> "2025-03-02". */
export function addDays(iso: string, days: number): string {
  return fromUtcMs(toUtcMs(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Dutch notation dd-mm-jjjj: "2025-03-01" -> "01-03-2025". */
export function formatDateNl(iso: string): string {
  if (!isIsoDate(iso)) return iso;
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

export const DEFAULT_PAYMENT_DAYS = 30;

/** The due date of an invoice: the given one, else the issue date + 30 days. */
export function dueDateOf(invoice: { issueDate: string; dueDate?: string | null }): string {
  return invoice.dueDate ? invoice.dueDate : addDays(invoice.issueDate, DEFAULT_PAYMENT_DAYS);
}
