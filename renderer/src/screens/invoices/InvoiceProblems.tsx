import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblemOut } from '../../../../shared/api/invoiceTypes';
import { hrefFor } from '../../router';

/** The settings field where a problem of the foundation (seller.*) is fixed. */
export function orgFieldOf(field: string): string {
  const f = field.replace(/^seller\./, '');
  return `org-${f === 'address' ? 'street' : f}`;
}

/** The form control of a problem on the draft: "invoice.orderReference" → "inv-orderReference". */
export function draftFieldOf(field: string): string {
  return `inv-${field.replace(/^invoice\./, '').replace(/\./g, '-')}`;
}

/**
 * What still keeps the draft from being final, each with where it is fixed: the foundation's
 * settings (a link; the draft is saved before leaving), the customer (its dialog on top of the
 * form) or a field of this draft (focused).
 */
export function InvoiceProblems({ problems, draftId, onOrganisation, onContact, onDraft }: {
  problems: FieldProblemOut[];
  draftId: number | null;
  onOrganisation: (field: string) => void;
  onContact: ((field: string) => void) | null;
  onDraft: (field: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="inv-problems" role="status" id="invoice-problems" tabIndex={-1} data-testid="invoice-problems">
      <p>{t('invoices.edit.problems')}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.code}-${p.field}`} data-code={p.code}>
            {i18n.language.startsWith('en') ? p.messageEn : p.message}{' '}
            {p.fixAt === 'organisation' ? (
              <a
                href={hrefFor('settings', { focus: orgFieldOf(p.field), back: draftId ?? undefined })}
                onClick={(e: MouseEvent) => {
                  e.preventDefault();
                  onOrganisation(p.field);
                }}
                data-testid={`fix-${p.code}`}
              >
                {t('invoices.edit.fixOrganisation')}
              </a>
            ) : p.fixAt === 'contact' && onContact ? (
              <button type="button" className="button button--quiet button--small" onClick={() => onContact(p.field)} data-testid={`fix-${p.code}`}>{t('invoices.edit.fixContact')}</button>
            ) : p.fixAt === 'draft' ? (
              <button type="button" className="button button--quiet button--small" onClick={() => onDraft(p.field)} data-testid={`fix-${p.code}`}>{t('invoices.edit.fixHere')}</button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
