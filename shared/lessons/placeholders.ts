/**
 * Facts with a date (volunteer-fee limits and the like) are never typed into a lesson. The text
 * carries a placeholder such as `{{limit.perMonth}}` and the renderer fills it from the same shared
 * rules the app enforces (shared/rules/volunteerLimits.ts), already formatted for the reader
 * (e.g. "€ 220", "21"). Placeholders may appear in the body and in every exercise text.
 *
 * Syntax: two curly braces around a key from PLACEHOLDER_KEYS; spaces inside the braces are allowed.
 */

export const PLACEHOLDER_KEYS = [
  /** The calendar year the figures below belong to, e.g. "2026". */
  'limit.year',
  /** Maximum volunteer fee per hour at or above the age threshold, e.g. "€ 5,75". */
  'limit.perHourAdult',
  /** Maximum volunteer fee per hour below the age threshold, e.g. "€ 3,40". */
  'limit.perHourYoung',
  /** Age from which the adult hourly maximum applies, e.g. "21". */
  'limit.ageThreshold',
  /** Maximum per month, e.g. "€ 220". */
  'limit.perMonth',
  /** Maximum per calendar year, e.g. "€ 2.200". */
  'limit.perYear',
] as const;

export type PlaceholderKey = (typeof PLACEHOLDER_KEYS)[number];

const PLACEHOLDER_RE = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

export function isPlaceholderKey(key: string): key is PlaceholderKey {
  return (PLACEHOLDER_KEYS as readonly string[]).includes(key);
}

/** Every placeholder key used in the text, once each, in order of first use. */
export function findPlaceholders(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    if (m[1] !== undefined) seen.add(m[1]);
  }
  return [...seen];
}

/**
 * Replace `{{key}}` by values[key]. A key without a value stays as written, so a missing rule is
 * visible in the lesson instead of silently becoming an empty string.
 */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER_RE, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? (values[key] ?? whole) : whole,
  );
}
