/**
 * Shared pieces of the invoice screens: their texts (merged into the app's i18n under "invoices";
 * the menu labels are in the core i18n), the state badge and contacts for pickers.
 */
import { useTranslation } from 'react-i18next';
import type { ContactKind, InvoiceState } from '../../../../shared/api/invoiceTypes';
import { useApi } from '../../hooks';
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';

// Deep merge into the one "translation" namespace without overwriting keys of other features.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export function StateBadge({ state, overdue }: { state: InvoiceState; overdue?: boolean }) {
  const { t } = useTranslation();
  const shown = overdue && (state === 'open' || state === 'partial') ? 'overdue' : state;
  return (
    <span className={`badge inv-state inv-state--${shown}`} data-state={shown}>
      {t(`invoices.state.${shown}`)}
    </span>
  );
}

export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'bestand';
}

/** Contacts of some kinds for a picker (archived ones left out). */
export function useContacts(kind: ContactKind | ContactKind[]) {
  return useApi('contacts.list', { kind, limit: 1000 });
}

/** "1,5" or "1.5" -> "1.5"; null when it is no quantity. */
export function parseQuantity(input: string): string | null {
  const s = input.trim().replace(',', '.');
  return /^-?\d{1,9}(\.\d{1,4})?$/.test(s) ? s : null;
}

export function quantityNl(q: string): string {
  return q.replace('.', ',');
}
