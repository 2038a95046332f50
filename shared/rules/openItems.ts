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
  dueDate: string;
  openCents: number;
}

export interface Aged {
  ageDays: number;
  daysOverdue: number;
  bucket: AgeBucket;
}

export function ageOf(item: { issueDate: string; dueDate: string }, asOf: string): Aged {
  const ageDays = Math.max(0, daysBetween(item.issueDate, asOf));
  const daysOverdue = Math.max(0, daysBetween(item.dueDate, asOf));
  return { ageDays, daysOverdue, bucket: ageBucket(ageDays) };
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
