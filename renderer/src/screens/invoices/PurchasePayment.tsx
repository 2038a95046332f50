import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/api/types';
import { Field, FieldSet } from '../../components/Field';

/**
 * Is this purchase still to be paid, or was it paid at the till (cash from the kas, or the PIN
 * card)? Paid on the spot, it is booked together with its payment and gets no due date, so it can
 * never show as late. `paidFrom` is the kas or bank account, or null for "still to pay".
 */
export function PurchasePayment({ paidFrom, moneyAccounts, error, onChange }: {
  paidFrom: string | null;
  moneyAccounts: Account[];
  error?: string | undefined;
  onChange: (paidFrom: string | null) => void;
}) {
  const { t } = useTranslation();
  // The kas first: a receipt from a shop is mostly paid in cash.
  const preferred = moneyAccounts.find((a) => a.kind === 'cash') ?? moneyAccounts[0];
  return (
    <FieldSet id="pur-paid" legend={t('invoices.purchase.paidLegend')} error={error}>
      <div className="choices choices--2">
        <div className={`choice${paidFrom === null ? ' choice--checked' : ''}`}>
          <input type="radio" id="pur-paid-later" name="pur-paid" checked={paidFrom === null} onChange={() => onChange(null)} aria-describedby="pur-paid-later-help" data-testid="purchase-paid-later" />
          <label htmlFor="pur-paid-later"><span className="choice__name">{t('invoices.purchase.paidLater')}</span></label>
          <span id="pur-paid-later-help" className="choice__help">{t('invoices.purchase.paidLaterHelp')}</span>
        </div>
        <div className={`choice${paidFrom !== null ? ' choice--checked' : ''}`}>
          <input type="radio" id="pur-paid-now" name="pur-paid" checked={paidFrom !== null} disabled={!preferred} aria-describedby="pur-paid-now-help"
            onChange={() => preferred && onChange(preferred.code)} data-testid="purchase-paid-now" />
          <label htmlFor="pur-paid-now"><span className="choice__name">{t('invoices.purchase.paidNow')}</span></label>
          <span id="pur-paid-now-help" className="choice__help">{t('invoices.purchase.paidNowHelp')}</span>
        </div>
      </div>
      {paidFrom !== null ? (
        <Field id="pur-paidFrom" label={t('invoices.purchase.paidFrom')}>
          {(a) => (
            <select {...a} className="input" value={paidFrom} onChange={(e) => onChange(e.target.value)} data-testid="purchase-paid-from">
              {moneyAccounts.map((m) => <option key={m.code} value={m.code}>{m.code} {m.name}</option>)}
            </select>
          )}
        </Field>
      ) : null}
    </FieldSet>
  );
}
