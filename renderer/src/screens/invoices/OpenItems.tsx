import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceKind } from '../../../../shared/api/invoiceTypes';
import type { ScreenProps } from '../../screenProps';
import { Dialog } from '../../components/Dialog';
import { Field, FormError } from '../../components/Field';
import { DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { dateNl, euro, parseInputDate, todayNl } from '../../format';
import { useApi } from '../../hooks';
import { hrefFor } from '../../router';
import { fileSafe } from './common';
import { SaveFileButton } from '../../components/SaveFile';

/** What is still to be received or paid, with ageing buckets; payment reminders. Route: open-items. */
export function OpenItemsScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<InvoiceKind>(params.get('kind') === 'purchase' ? 'purchase' : 'sales');
  const [date, setDate] = useState(todayNl());
  const iso = parseInputDate(date);
  const items = useApi('invoices.openItems', iso ? { date: iso, kind } : { kind });
  const [reminder, setReminder] = useState<{ id: number; name: string } | null>(null);

  const byContact = useMemo(() => {
    const m = new Map<number, { name: string; ids: number[] }>();
    for (const i of items.data?.items ?? []) {
      const e = m.get(i.contact.id) ?? { name: i.contact.name, ids: [] };
      e.ids.push(i.id);
      m.set(i.contact.id, e);
    }
    return m;
  }, [items.data]);

  return (
    <div className="screen" data-testid="screen-open-items">
      <PageTitle intro={t('invoices.open.intro')}>{t('invoices.open.title')}</PageTitle>
      <nav className="inv-tabs" aria-label={t('invoices.open.title')}>
        {(['sales', 'purchase'] as const).map((k) => (
          <button key={k} type="button" className={`button${kind === k ? ' button--primary' : ''}`} aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(`invoices.open.${k}`)}
          </button>
        ))}
      </nav>
      <Field id="open-date" label={t('invoices.open.date')}>
        {(a) => <DateInput a11y={a} value={date} onChange={setDate} />}
      </Field>
      <FormError error={items.error} />
      {items.data ? (
        <>
          <div className="inv-buckets" data-testid="open-buckets">
            {items.data.buckets.map((b) => (
              <div key={b.bucket} className="tile">
                <p className="tile__label">{t(`invoices.open.bucket.${b.bucket}`)}</p>
                <p className="tile__value">{euro(b.open)}</p>
                <p className="tile__note">{b.count}</p>
              </div>
            ))}
            <div className="tile tile--total">
              <p className="tile__label">{t('invoices.open.total')}</p>
              <p className="tile__value" data-testid="open-total">{euro(items.data.total)}</p>
            </div>
          </div>
          {items.data.items.length === 0 ? <p className="muted" data-testid="open-empty">{t('invoices.open.empty')}</p> : (
            <table className="table" data-testid="open-table">
              <caption className="visually-hidden">{t('invoices.open.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('invoices.list.number')}</th>
                  <th scope="col">{t(kind === 'sales' ? 'invoices.list.customer' : 'invoices.list.supplier')}</th>
                  <th scope="col">{t('invoices.list.date')}</th>
                  <th scope="col">{t('invoices.view.dueDate')}</th>
                  <th scope="col" className="num">{t('invoices.open.age')}</th>
                  <th scope="col" className="num">{t('invoices.open.overdue')}</th>
                  <th scope="col" className="num">{t('invoices.list.open')}</th>
                </tr>
              </thead>
              <tbody>
                {items.data.items.map((i) => (
                  <tr key={i.id} data-testid={`open-row-${i.id}`}>
                    <th scope="row" className="th-plain"><a href={hrefFor('invoice', { id: i.id })}>{i.number}</a></th>
                    <td>{i.contact.name}</td>
                    <td>{dateNl(i.issueDate)}</td>
                    <td>{dateNl(i.dueDate)}</td>
                    <td className="num">{i.ageDays}</td>
                    <td className="num">{i.daysOverdue}</td>
                    <td className="num">{euro(i.open)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {kind === 'sales' && byContact.size > 0 ? (
            <div className="inv-actions">
              {[...byContact.entries()].map(([id, c]) => (
                <button key={id} type="button" className="button" onClick={() => setReminder({ id, name: c.name })}>
                  {t('invoices.open.reminder')}: {c.name}
                </button>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
      {reminder ? (
        <Dialog open title={t('invoices.open.reminderTitle', { name: reminder.name })} onClose={() => setReminder(null)}>
          <SaveFileButton method="invoices.reminderPdf" input={() => ({ contact: reminder.id, ...(iso ? { date: iso } : {}) })} label={t('invoices.open.reminder')}
            fileName={`herinnering-${fileSafe(reminder.name)}.pdf`} filter={{ name: 'PDF', extensions: ['pdf'] }} primary testId="reminder-save" />
          <div className="actions">
            <button type="button" className="button button--quiet" onClick={() => setReminder(null)}>{t('common.close')}</button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
