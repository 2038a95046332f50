/**
 * Shared pieces of the invoice screens: their texts (merged into the app's i18n under "invoices";
 * the menu labels are in the core i18n), the state badge and contacts for pickers.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactKind, InvoiceState } from '../../../../shared/api/invoiceTypes';
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

/**
 * Contacts of some kinds for a picker (archived ones left out). `saved` puts a contact just made or
 * corrected in a dialog into the list at once: the picker shows its name (and the preview its
 * details) in the same frame the dialog closes, not "choose a customer" until the reload arrives.
 */
export function useContacts(kind: ContactKind | ContactKind[]) {
  const list = useApi('contacts.list', { kind, limit: 1000 });
  const [latest, setLatest] = useState<Contact | null>(null);
  const fetched = list.data?.items ?? [];
  const items = latest === null ? fetched : withContact(fetched, latest);
  return {
    items,
    saved(c: Contact) {
      setLatest(c);
      list.reload();
    },
  };
}

function withContact(items: Contact[], c: Contact): Contact[] {
  return items.some((x) => x.id === c.id) ? items.map((x) => (x.id === c.id ? c : x)) : [...items, c];
}

/** "1,5" or "1.5" -> "1.5"; null when it is no quantity. */
export function parseQuantity(input: string): string | null {
  const s = input.trim().replace(',', '.');
  return /^-?\d{1,9}(\.\d{1,4})?$/.test(s) ? s : null;
}

export function quantityNl(q: string): string {
  return q.replace('.', ',');
}
