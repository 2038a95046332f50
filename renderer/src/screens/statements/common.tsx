/**
 * Shared pieces of the statement screens: their texts (merged into the app's i18n under
 * "statements"; the menu labels are in the core i18n), the year picker, and the statement table whose lines open to the
 * accounts behind them and, per account, the postings.
 */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementColumns, StatementRow } from '../../../../shared/api/statements';
import type { FiscalYear } from '../../../../shared/api/types';
import { Field } from '../../components/Field';
import { dateNl, euro } from '../../format';
import { useApi, useYears } from '../../hooks';
import i18n from '../../i18n';
import { hrefFor } from '../../router';
import en from './en.json';
import nl from './nl.json';

// Deep merge into the one "translation" namespace without overwriting keys of other features.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

/** The year to show: from the route, else the newest open year, else the newest. */
export function useChosenYear(fromRoute: string | null): { years: FiscalYear[]; year: number | null; setYear: (y: number) => void } {
  const years = useYears();
  const list = years.data ?? [];
  const [picked, setPicked] = useState<number | null>(Number(fromRoute) || null);
  const fallback = [...list].reverse().find((y) => y.status === 'open')?.year ?? list[list.length - 1]?.year ?? null;
  const year = picked !== null && list.some((y) => y.year === picked) ? picked : list.length ? fallback : picked;
  return { years: list, year, setYear: setPicked };
}

export function YearPicker({ id, years, value, onChange }: { id: string; years: FiscalYear[]; value: number | null; onChange: (y: number) => void }) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('statements.year')}>
      {(a) => (
        <select {...a} className="input input--auto" value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y.year} value={y.year}>
              {y.year} ({y.status === 'closed' ? t('statements.closed') : t('statements.open')})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A statement line's name in the user's language: the i18n key is the line's stable key (the CSV
 * key); rows the app cannot know in advance (an objective's own name) keep the label from the books.
 */
export function useLineLabel(): (key: string, label: string) => string {
  const { t } = useTranslation();
  return (key, label) => t(`statements.lines.${key}`, { defaultValue: label });
}

/** "€ 1.234,56", with a class for negative amounts so they stand out (not by colour alone: the minus sign stays). */
export function Amount({ value }: { value: string | null }) {
  if (value === null) return null;
  return <span className={value.startsWith('-') ? 'negative' : undefined}>{euro(value)}</span>;
}

function Postings({ account, name, year }: { account: string; name: string; year: number }) {
  const { t } = useTranslation();
  const SHOW = 200;
  // One page from the start of the year: a busy account's whole year is not needed to show 200 lines.
  const gl = useApi('reports.ledgerPage', { account, year, order: 'oldest', limit: SHOW });
  if (gl.error) return <p className="form-error">{gl.error}</p>;
  if (!gl.data) return <p className="muted">{t('statements.loading')}</p>;
  const rows = gl.data.rows;
  return (
    <div className="statement__postings" data-testid={`postings-${account}`}>
      <table className="table table--compact">
        <caption>{t('statements.table.postings', { code: account, name, year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statements.table.date')}</th>
            <th scope="col">{t('statements.table.ref')}</th>
            <th scope="col">{t('statements.table.description')}</th>
            <th scope="col" className="num">{t('statements.table.debit')}</th>
            <th scope="col" className="num">{t('statements.table.credit')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td colSpan={3}>{t('statements.table.opening')}</td>
            <td className="num" colSpan={2}><Amount value={gl.data.opening} /></td>
          </tr>
          {rows.map((r) => (
            <tr key={`${r.entryId}-${r.ref}-${r.balance}`}>
              <td className="nowrap">{dateNl(r.date)}</td>
              <td className="mono nowrap">{r.ref}</td>
              <td>{r.description}</td>
              <td className="num">{euro(r.debit)}</td>
              <td className="num">{euro(r.credit)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>{t('statements.table.closing')}</th>
            <td className="num" colSpan={2}><Amount value={gl.data.closing} /></td>
          </tr>
        </tfoot>
      </table>
      {gl.data.count > SHOW ? <p className="muted">{t('statements.table.more', { count: gl.data.count - SHOW })}</p> : null}
      <p>
        <a href={hrefFor('ledger', { account, year })}>{t('statements.table.toLedger')}</a>
      </p>
    </div>
  );
}

/**
 * A statement as a table: heading rows, line rows that open to their accounts, accounts that open to
 * their postings, subtotals and totals in bold. Buttons carry aria-expanded for screen readers.
 */
export function StatementTable({ rows, columns, caption, year, testId }: { rows: StatementRow[]; columns: StatementColumns; caption: string; year: number; testId: string }) {
  const { t } = useTranslation();
  const lineLabel = useLineLabel();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [openAccount, setOpenAccount] = useState<string | null>(null);
  const cols: { key: 'current' | 'budget' | 'previous'; title: string }[] = [{ key: 'current', title: columns.current }];
  if (columns.budget) cols.push({ key: 'budget', title: columns.budget });
  if (columns.previous) cols.push({ key: 'previous', title: columns.previous });
  const toggle = (key: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });
  return (
    <div className="table-scroll">
      <table className="table statement" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statements.table.item')}</th>
            {cols.map((c) => (
              <th key={c.key} scope="col" className="num">{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            if (r.kind === 'heading') {
              return (
                <tr key={r.key} className={`statement__heading statement__level-${r.level}`}>
                  <th scope="rowgroup" colSpan={cols.length + 1}>{lineLabel(r.key, r.label)}</th>
                </tr>
              );
            }
            if (r.kind !== 'line') {
              return (
                <tr key={r.key} className={`statement__${r.kind}`} data-key={r.key}>
                  <th scope="row">{lineLabel(r.key, r.label)}</th>
                  {cols.map((c) => (
                    <td key={c.key} className="num"><Amount value={r[c.key]} /></td>
                  ))}
                </tr>
              );
            }
            const isOpen = open.has(r.key);
            const expandable = r.accounts.length > 0;
            return (
              <Fragment key={r.key}>
                <tr className={`statement__line statement__level-${r.level}`} data-key={r.key}>
                  <th scope="row">
                    {expandable ? (
                      <button
                        type="button"
                        className="statement__toggle"
                        aria-expanded={isOpen}
                        aria-label={t('statements.table.showAccounts', { label: lineLabel(r.key, r.label) })}
                        onClick={() => toggle(r.key)}
                      >
                        <span aria-hidden="true" className="statement__chevron">{isOpen ? '▾' : '▸'}</span> {lineLabel(r.key, r.label)}
                      </button>
                    ) : (
                      <span className="statement__plain">{lineLabel(r.key, r.label)}</span>
                    )}
                  </th>
                  {cols.map((c) => (
                    <td key={c.key} className="num"><Amount value={r[c.key]} /></td>
                  ))}
                </tr>
                {isOpen
                  ? r.accounts.map((a) => {
                      const accOpen = openAccount === a.code;
                      return (
                        <Fragment key={a.code}>
                          <tr className="statement__account">
                            <th scope="row">
                              <button
                                type="button"
                                className="statement__toggle"
                                aria-expanded={accOpen}
                                aria-label={t('statements.table.showPostings', { code: a.code })}
                                onClick={() => setOpenAccount(accOpen ? null : a.code)}
                              >
                                <span aria-hidden="true" className="statement__chevron">{accOpen ? '▾' : '▸'}</span> <span className="code">{a.code}</span> {a.name}
                              </button>
                            </th>
                            {cols.map((c) => (
                              <td key={c.key} className="num"><Amount value={a[c.key]} /></td>
                            ))}
                          </tr>
                          {accOpen ? (
                            <tr className="statement__detail">
                              <td colSpan={cols.length + 1}>
                                <Postings account={a.code} name={a.name} year={year} />
                              </td>
                            </tr>
                          ) : null}
                        </Fragment>
                      );
                    })
                  : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
