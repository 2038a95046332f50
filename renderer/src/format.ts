/**
 * Display helpers. Money from the API is a decimal string ("1234.56"); here it becomes integer
 * cents as a BigInt by splitting the string — never through a float.
 */
import { formatDateNl, parseDutchDate } from '../../shared/dates';
import { formatAmountNl, formatEuro, parseDutchAmount } from '../../shared/moneyText';

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "1234.56" -> 123456n, "-0.5" -> -50n, "12" -> 1200n. Returns null for anything else. */
export function toCents(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  const m = DECIMAL_RE.exec(value.trim());
  if (!m) return null;
  const euros = BigInt(m[2] ?? '0');
  const cents = BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  const abs = euros * 100n + cents;
  return m[1] === '-' ? -abs : abs;
}

/** "€ 1.234,56" from an API amount string; an empty string for null. */
export function euro(value: string | null | undefined): string {
  const c = toCents(value);
  return c === null ? '' : formatEuro(c);
}

/** "€ 1.234,56" from cents. */
export function euroCents(cents: bigint): string {
  return formatEuro(cents);
}

/** "1.234,56" (no sign), for putting an amount back into an input field. */
export function amountForInput(cents: bigint): string {
  return formatAmountNl(cents);
}

/** What the user typed ("1.234,56") -> cents, or null when it is no amount. */
export function parseInputCents(input: string): bigint | null {
  const s = parseDutchAmount(input);
  return s === null ? null : toCents(s);
}

/** What the user typed -> the API's decimal string ("1234.56"), or null. */
export function parseInputAmount(input: string): string | null {
  return parseDutchAmount(input);
}

export function dateNl(iso: string | null | undefined): string {
  return iso ? formatDateNl(iso) : '';
}

export function parseInputDate(input: string): string | null {
  return parseDutchDate(input);
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function todayNl(): string {
  return formatDateNl(todayIso());
}

export function currentYear(): number {
  return new Date().getFullYear();
}

/** A file-name-friendly version of an organisation name. */
export function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'administratie';
}
