import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/api/types';
import type { AccountType } from '../../../shared/chart';
import { call } from '../api';
import { useAccountHelp } from '../components/AccountPickers';
import { Dialog } from '../components/Dialog';
import { Field, FieldSet, FormError, Hint } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { focusById, formErrorsFrom, NO_ERRORS, useAccounts, useApi, type FormErrors } from '../hooks';
import { hrefFor } from '../router';

const TYPES: AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense'];
type Kind = '' | 'bank' | 'cash';

interface Editing {
  mode: 'create' | 'edit';
  code: string;
  name: string;
  type: AccountType;
  kind: Kind;
  iban: string;
  rgsCode: string;
  /** Statement line per layout ('' on a new account: the default line for its type). */
  lineRj640: string;
  lineRj650: string;
  /** The account had an RGS code when editing started (so an empty field means: remove it). */
  hadRgs?: boolean;
}

type Confirm = { action: 'archive' | 'delete' | 'restore'; account: Account } | null;

export function AccountsScreen() {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const [showArchived, setShowArchived] = useState(false);
  const accounts = useAccounts(true);
  const help = useAccountHelp();
  // Which statement line an account may be on, per layout and type (the server's own rule).
  const lineChoices = useApi('accounts.lineChoices', {});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const list = (accounts.data ?? []).filter((a) => showArchived || !a.archived);

  function startCreate() {
    setErrors(NO_ERRORS);
    setEditing({ mode: 'create', code: '', name: '', type: 'expense', kind: '', iban: '', rgsCode: '', lineRj640: '', lineRj650: '' });
  }
  function startEdit(a: Account) {
    setErrors(NO_ERRORS);
    setEditing({ mode: 'edit', code: a.code, name: a.name, type: a.type, kind: a.kind ?? '', iban: a.iban ?? '', rgsCode: a.rgsCode ?? '', lineRj640: a.lineRj640, lineRj650: a.lineRj650, hadRgs: a.rgsCode !== null });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!editing) return;
    const f: Record<string, string> = {};
    if (editing.mode === 'create' && !editing.code.trim()) f.code = t('accounts.errors.code');
    if (!editing.name.trim()) f.name = t('accounts.errors.name');
    if (Object.keys(f).length) {
      setErrors({ fields: f, general: null });
      focusById(`acc-${Object.keys(f)[0]}`);
      return;
    }
    setBusy(true);
    try {
      const common = {
        name: editing.name.trim(),
        ...(editing.iban.trim() ? { iban: editing.iban.trim() } : {}),
        ...(editing.rgsCode.trim() ? { rgsCode: editing.rgsCode.trim() } : {}),
        ...(editing.lineRj640 ? { lineRj640: editing.lineRj640 } : {}),
        ...(editing.lineRj650 ? { lineRj650: editing.lineRj650 } : {}),
      };
      // Emptying the field removes the code of an existing account; a new one simply has none.
      const clearRgs = !editing.rgsCode.trim() && editing.hadRgs ? { rgsCode: null } : {};
      const r =
        editing.mode === 'create'
          ? await call('accounts.create', {
              code: editing.code.trim(),
              type: editing.type,
              ...(editing.type === 'asset' && editing.kind ? { kind: editing.kind } : {}),
              ...common,
            })
          : await call('accounts.update', { code: editing.code, ...common, ...clearRgs });
      announce(t(editing.mode === 'create' ? 'accounts.created' : 'accounts.updated', { code: r.code, name: r.name }));
      setEditing(null);
      booksChanged();
    } catch (err) {
      const fe = formErrorsFrom(err, ['code', 'name', 'type', 'kind', 'iban', 'rgsCode', 'lineRj640', 'lineRj650']);
      setErrors(fe);
      const first = Object.keys(fe.fields)[0];
      if (first) focusById(`acc-${first}`);
    } finally {
      setBusy(false);
    }
  }

  async function doConfirm() {
    if (!confirm) return;
    const { action, account } = confirm;
    setBusy(true);
    try {
      if (action === 'delete') await call('accounts.delete', { code: account.code });
      else await call('accounts.archive', { code: account.code, archived: action === 'archive' });
      announce(t(`accounts.done.${action}`, { code: account.code, name: account.name }));
      setConfirm(null);
      booksChanged();
    } catch (err) {
      setConfirmError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const ef = (f: string) => errors.fields[f];

  return (
    <div className="screen" data-testid="screen-accounts">
      <PageTitle intro={t('accounts.intro')}>{t('accounts.title')}</PageTitle>
      <Hint>{t('accounts.hint')}</Hint>
      <div className="toolbar">
        <button type="button" className="button button--primary" onClick={startCreate}>
          {t('accounts.new')}
        </button>
        <div className="check">
          <input id="acc-show-archived" type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          <label htmlFor="acc-show-archived">{t('accounts.showArchived')}</label>
        </div>
      </div>
      <FormError error={accounts.error} />
      {TYPES.map((type) => {
        const group = list.filter((a) => a.type === type);
        if (group.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`acc-type-${type}`} className="section">
            <h2 id={`acc-type-${type}`}>{t(`accountType.${type}`)}</h2>
            <p className="muted">{t(`accountTypeHelp.${type}`)}</p>
            <table className="table" data-testid={`accounts-${type}`}>
              <caption className="visually-hidden">{t(`accountType.${type}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.code')}</th>
                  <th scope="col">{t('accounts.name')}</th>
                  <th scope="col">{t('accounts.rgs')}</th>
                  <th scope="col">{t('accounts.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('accounts.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.map((a) => (
                  <tr key={a.code} className={a.archived ? 'row--muted' : undefined}>
                    <td className="code">{a.code}</td>
                    <th scope="row" className="th-plain">
                      <a href={hrefFor('ledger', { account: a.code })}>{a.name}</a>
                      {a.kind || a.iban || help(a) ? (
                        <span className="account-help">
                          {a.kind ? `${t(`accounts.kind.${a.kind}`)}${a.iban ? ` · ${a.iban}` : ''}` : help(a)}
                        </span>
                      ) : null}
                    </th>
                    <td className="code" data-testid="account-rgs">{a.rgsCode ?? <span className="muted">{t('accounts.rgsNone')}</span>}</td>
                    <td>{a.archived ? <span className="badge badge--reversed">{t('accounts.archived')}</span> : a.hasPostings ? t('accounts.inUse') : t('accounts.unused')}</td>
                    <td className="cell-actions">
                      <button type="button" className="button button--small" onClick={() => startEdit(a)} aria-label={t('accounts.editN', { code: a.code, name: a.name })}>
                        {t('accounts.edit')}
                      </button>
                      {a.archived ? (
                        <button type="button" className="button button--small" onClick={() => { setConfirmError(null); setConfirm({ action: 'restore', account: a }); }} aria-label={t('accounts.restoreN', { code: a.code, name: a.name })}>
                          {t('accounts.restore')}
                        </button>
                      ) : a.hasPostings ? (
                        <button type="button" className="button button--small" onClick={() => { setConfirmError(null); setConfirm({ action: 'archive', account: a }); }} aria-label={t('accounts.archiveN', { code: a.code, name: a.name })}>
                          {t('accounts.archive')}
                        </button>
                      ) : (
                        <button type="button" className="button button--small" onClick={() => { setConfirmError(null); setConfirm({ action: 'delete', account: a }); }} aria-label={t('accounts.deleteN', { code: a.code, name: a.name })}>
                          {t('accounts.delete')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}

      <Dialog open={editing !== null} title={editing?.mode === 'create' ? t('accounts.newTitle') : t('accounts.editTitle')} onClose={() => setEditing(null)}>
        {editing ? (
          <form onSubmit={(e) => void save(e)} noValidate className="form">
            <FormError error={errors.general} />
            {editing.mode === 'create' ? (
              <>
                <Field id="acc-code" label={t('accounts.code')} hint={t('accounts.codeHint')} error={ef('code')}>
                  {(a) => <input {...a} className="input input--short" value={editing.code} onChange={(e) => setEditing({ ...editing, code: e.target.value })} autoComplete="off" />}
                </Field>
                <Field id="acc-type" label={t('accounts.type')} hint={t(`accountTypeHelp.${editing.type}`)} error={ef('type')}>
                  {(a) => (
                    <select {...a} className="input input--auto" value={editing.type} onChange={(e) => setEditing({ ...editing, type: e.target.value as AccountType, kind: '' })}>
                      {TYPES.map((ty) => (
                        <option key={ty} value={ty}>
                          {t(`accountType.${ty}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </>
            ) : (
              <p>
                <span className="code">{editing.code}</span> · {t(`accountType.${editing.type}`)}
              </p>
            )}
            <Field id="acc-name" label={t('accounts.name')} error={ef('name')}>
              {(a) => <input {...a} className="input" value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} autoComplete="off" maxLength={100} />}
            </Field>
            {editing.mode === 'create' && editing.type === 'asset' ? (
              <FieldSet id="acc-kind" legend={t('accounts.kindLegend')} error={ef('kind')}>
                <div className="choices choices--3">
                  {(['', 'bank', 'cash'] as Kind[]).map((k) => (
                    <div key={k || 'none'} className={`choice${editing.kind === k ? ' choice--checked' : ''}`}>
                      <input type="radio" id={`acc-kind-${k || 'none'}`} name="acc-kind" checked={editing.kind === k} onChange={() => setEditing({ ...editing, kind: k })} />
                      <label htmlFor={`acc-kind-${k || 'none'}`}>
                        <span className="choice__name">{t(`accounts.kind.${k || 'none'}`)}</span>
                      </label>
                    </div>
                  ))}
                </div>
              </FieldSet>
            ) : null}
            {editing.kind === 'bank' ? (
              <Field id="acc-iban" label={t('accounts.iban')} error={ef('iban')} optional>
                {(a) => <input {...a} className="input input--medium" value={editing.iban} onChange={(e) => setEditing({ ...editing, iban: e.target.value })} autoComplete="off" spellCheck={false} />}
              </Field>
            ) : null}
            {(['rj640', 'rj650'] as const).map((layout) => {
              const field = layout === 'rj640' ? 'lineRj640' : 'lineRj650';
              return (
                <Field key={layout} id={`acc-${field}`} label={t(`accounts.line.${layout}`)} hint={t('accounts.line.hint')} error={ef(field)} optional={editing.mode === 'create'}>
                  {(a) => (
                    <select {...a} className="input input--auto" value={editing[field]} onChange={(e) => setEditing({ ...editing, [field]: e.target.value })} data-testid={`account-${field}`}>
                      {editing.mode === 'create' ? <option value="">{t('accounts.line.default')}</option> : null}
                      {(lineChoices.data?.[layout][editing.type] ?? []).map((l) => (
                        <option key={l.key} value={l.key}>
                          {l.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              );
            })}
            <Field id="acc-rgsCode" label={t('accounts.rgs')} hint={t('accounts.rgsHint')} error={ef('rgsCode')} optional>
              {(a) => <input {...a} className="input input--medium" value={editing.rgsCode} onChange={(e) => setEditing({ ...editing, rgsCode: e.target.value })} autoComplete="off" />}
            </Field>
            <div className="actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('common.save')}
              </button>
              <button type="button" className="button" onClick={() => setEditing(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : null}
      </Dialog>

      <Dialog open={confirm !== null} title={confirm ? t(`accounts.confirm.${confirm.action}.title`, { code: confirm.account.code, name: confirm.account.name }) : ''} onClose={() => setConfirm(null)}>
        {confirm ? (
          <>
            <p>{t(`accounts.confirm.${confirm.action}.text`, { code: confirm.account.code, name: confirm.account.name })}</p>
            <FormError error={confirmError} />
            <div className="actions">
              <button type="button" className={`button ${confirm.action === 'delete' ? 'button--danger' : 'button--primary'}`} onClick={() => void doConfirm()} disabled={busy}>
                {t(`accounts.confirm.${confirm.action}.yes`)}
              </button>
              <button type="button" className="button" onClick={() => setConfirm(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </div>
  );
}
