/** XML text helpers of the XAF export: escaping, schema lengths, and leaving out what is empty. */

/** XML-escape and drop characters XML 1.0 does not allow; cut to a schema's maximum length. */
export function xmlText(s: string | null | undefined, max?: number): string {
  let v = (s ?? '').replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, '');
  if (max !== undefined && [...v].length > max) v = [...v].slice(0, max).join('');
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A required element: always written. */
export const el = (name: string, value: string | null | undefined, max?: number): string => `<${name}>${xmlText(value, max)}</${name}>`;

/**
 * An optional element: left out when there is nothing to say (a blank value), because an auditor's
 * tool reads `<taxRegIdent></taxRegIdent>` as "a tax number that is empty", not as "unknown".
 */
export const opt = (name: string, value: string | null | undefined, max?: number): string =>
  value === null || value === undefined || value.trim() === '' ? '' : el(name, value.trim(), max);

/** Several optional children in a wrapper that is itself left out when they are all empty. */
export const group = (name: string, children: string[]): string => {
  const inner = children.join('');
  return inner === '' ? '' : `<${name}>${inner}</${name}>`;
};

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/**
 * An ISO 3166 country code the XSD's enumeration knows. Intl knows the assigned codes (it echoes an
 * unknown one back); XK (Kosovo, user-assigned) is not in the XSD.
 */
export function isoCountry(code: string | null | undefined): string | null {
  const c = (code ?? '').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c) || c === 'XK') return null;
  return REGIONS.of(c) !== c ? c : null;
}
