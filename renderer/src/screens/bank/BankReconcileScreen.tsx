import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../screenProps';
import { Field, FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { dateNl, euro } from '../../format';
import { useApi } from '../../hooks';
import { hrefFor } from '../../router';
import { serverText } from '../../serverText';
import { BankAccountSelect, differenceText, ibanText, Money, SignedAmount, useBankAccounts } from './common';

/**
 * Reconciliation per bank account: the state in words, bank vs book balance per statement date
 * (a row that does not agree is marked in words and colour), and the lines still in the inbox.
 */
export function BankReconcileScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { accounts } = useBankAccounts();
  const [account, setAccount] = useState(params.get('account') ?? '');
  useEffect(() => {
    if (!account && accounts[0]) setAccount(accounts[0].code);
  }, [account, accounts]);
  const rec = useApi('bank.reconciliation', account ? { account } : null);
  const r = rec.data;

  return (
    <div className="screen" data-testid="screen-bank-reconcile">
      <PageTitle intro={t('bank.reconcile.intro')}>{t('bank.reconcile.title')}</PageTitle>
      <div className="filters">
        <Field id="rec-account" label={t('bank.account')}>
          {(a) => <BankAccountSelect accounts={accounts} value={account} onChange={setAccount} a11y={a} />}
        </Field>
      </div>
      <FormError error={rec.error} />
      {r ? (
        <>
          <div className={`bank-state bank-state--${r.state}`} role="status" data-testid="bank-rec-state" data-state={r.state}>
            <p className="bank-state__title">{t(`bank.reconcile.state.${r.state}`)}</p>
            <p>{serverText(r)}</p>
            <p className="bank-reason">{t('bank.reconcile.today', { amount: euro(r.bookBalanceToday) })}</p>
          </div>

          <section className="section" aria-labelledby="rec-rows">
            <h2 id="rec-rows">{t('bank.reconcile.rows')}</h2>
            {r.rows.length === 0 ? (
              <p>{t('bank.reconcile.noRows')}</p>
            ) : (
              <div className="table-scroll">
                <table className="table table--compact" data-testid="bank-rec-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('bank.reconcile.date')}</th>
                      <th scope="col" className="num">{t('bank.reconcile.bank')}</th>
                      <th scope="col" className="num">{t('bank.reconcile.books')}</th>
                      <th scope="col" className="num">{t('bank.reconcile.difference')}</th>
                      <th scope="col" className="num">{t('bank.reconcile.unbooked')}</th>
                      <th scope="col">{t('bank.reconcile.ok')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.rows.map((row) => (
                      <tr key={row.date} className={row.reconciled ? undefined : row.difference === row.unbookedTotal ? 'bank-row--todo' : 'bank-row--bad'} data-testid="bank-rec-row">
                        <td>{dateNl(row.date)}</td>
                        <td className="num"><Money value={row.bankBalance} /></td>
                        <td className="num"><Money value={row.bookBalance} /></td>
                        <td className="num" data-testid="bank-rec-difference">{differenceText(t, row.difference)}</td>
                        <td className="num">{row.unbooked > 0 ? `${row.unbooked} · ${euro(row.unbookedTotal)}` : '0'}</td>
                        <td>{row.reconciled ? `✓ ${t('bank.reconcile.yes')}` : `✗ ${t('bank.reconcile.no')}`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="section" aria-labelledby="rec-open">
            <h2 id="rec-open">
              {r.unreconciled.count > 0 ? t('bank.reconcile.open', { count: r.unreconciled.count, amount: euro(r.unreconciled.total) }) : t('bank.reconcile.openNone')}
            </h2>
            {r.unreconciled.count > 0 ? (
              <>
                <div className="table-scroll">
                  <table className="table table--compact" data-testid="bank-rec-open">
                    <thead>
                      <tr>
                        <th scope="col">{t('bank.inbox.date')}</th>
                        <th scope="col">{t('bank.inbox.what')}</th>
                        <th scope="col" className="num">{t('bank.inbox.amount')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.unreconciled.items.map((tx) => (
                        <tr key={tx.id} className="bank-row--todo">
                          <td>{dateNl(tx.date)}</td>
                          <td>
                            {tx.counterpartyName ? <span className="bank-who">{tx.counterpartyName} </span> : null}
                            {tx.counterpartyIban ? <span className="mono">{ibanText(tx.counterpartyIban)}</span> : null}
                            <span className="bank-desc">{tx.description}</span>
                          </td>
                          <td className="num"><SignedAmount value={tx.amount} /></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p>
                  <a className="button" href={hrefFor('bank-inbox', { account: r.account.code })}>
                    {t('bank.reconcile.toInbox')}
                  </a>
                </p>
              </>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
