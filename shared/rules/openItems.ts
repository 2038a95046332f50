import { daysBetween } from './invoiceDates';

/**
 * Open items (openstaande posten): what is still to be received or paid per invoice, and its age.
 * Pure: the invoices service feeds it rows; the UI may use the labels.
 *
 * Age = whole days from the invoice date to the reporting date (ouderdom), the usual basis of a
 * Dutch debtor ageing list; days overdue = days past the due date (0 when not yet due).
 */

export type AgeBucket = '0-30' | '31-60' | '61-90' | '90+';
export const AGE_BUCKETS: readonly AgeBucket[] = ['0-30', '31-60', '61-90', '90+'];

export const AGE_BUCKET_LABELS: Readonly<Record<AgeBucket, string>> = {
  '0-30': '0 tot en met 30 dagen',
  '31-60': '31 tot en met 60 dagen',
  '61-90': '61 tot en met 90 dagen',
  '90+': 'meer dan 90 dagen',
};

export function ageBucket(days: number): AgeBucket {
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

/** Open amount in cents: gross − paid − credited (all signed the invoice's way). */
export function openCents(grossCents: number, paidCents: number, creditedCents: number): number {
  return grossCents - paidCents - creditedCents;
}

export interface AgeInput {
  issueDate: string;
  dueDate: string | null;
  openCents: number;
}

export interface Aged {
  ageDays: number;
  daysOverdue: number;
  bucket: AgeBucket;
}

/**
 * An invoice without a due date was paid on the spot (a cash or PIN purchase): it is never overdue,
 * even when its payment is reversed later and money is open again.
 */
export function ageOf(item: { issueDate: string; dueDate: string | null }, asOf: string): Aged {
  const ageDays = Math.max(0, daysBetween(item.issueDate, asOf));
  const daysOverdue = item.dueDate === null ? 0 : Math.max(0, daysBetween(item.dueDate, asOf));
  return { ageDays, daysOverdue, bucket: ageBucket(ageDays) };
}

/** "Te laat": money still open after the due date. No due date (paid on the spot) is never late. */
export function isOverdue(item: { openCents: number; dueDate: string | null }, asOf: string): boolean {
  return item.openCents > 0 && item.dueDate !== null && item.dueDate < asOf;
}

export interface BucketTotal {
  bucket: AgeBucket;
  label: string;
  count: number;
  openCents: number;
}

/** Totals per age bucket, every bucket present (zero when empty), in order. */
export function bucketTotals(items: readonly (AgeInput & { bucket: AgeBucket })[]): BucketTotal[] {
  const totals = new Map<AgeBucket, BucketTotal>(AGE_BUCKETS.map((b) => [b, { bucket: b, label: AGE_BUCKET_LABELS[b], count: 0, openCents: 0 }]));
  for (const it of items) {
    const t = totals.get(it.bucket)!;
    t.count++;
    t.openCents += it.openCents;
  }
  return AGE_BUCKETS.map((b) => totals.get(b)!);
}
