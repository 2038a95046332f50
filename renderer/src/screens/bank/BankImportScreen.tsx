import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BANK_FORMAT_NAMES, type BankImportResult } from '../../../../shared/api/bank';
import { ApiError, call } from '../../api';
import type { ScreenProps } from '../../screenProps';
import { Field, FormError, Hint } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { dateNl } from '../../format';
import { useApi } from '../../hooks';
import { navigate } from '../../router';
import { readAsBase64 } from '../../fileBytes';
import { FileChooser } from '../../components/FileChooser';
import { serverText } from '../../serverText';
import type { Chosen } from '../../filePicking';
import { BankAccountSelect, errorText, Money, useBankAccounts } from './common';

const MAX_BYTES = 50 * 1024 * 1024;


/**
 * Import a statement: pick the file (read in the renderer and sent as base64, so it works the same
 * in the desktop app and the browser mode), optionally the account and the format; then see what
 * came in, what was skipped as a duplicate, the warnings, and bank vs book balances.
 */
export function BankImportScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const { accounts } = useBankAccounts();
  const [account, setAccount] = useState(params.get('account') ?? '');
  const [format, setFormat] = useState('');
  const [file, setFile] = useState<Chosen | null>(null);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BankImportResult | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const history = useApi('bank.imports', {});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    if (!file) {
      setFieldErrors({ file: t('bank.import.fileMissing') });
      fileRef.current?.focus();
      return;
    }
    if (file.kind === 'file' && file.file.size > MAX_BYTES) {
      // Refused before reading, like the app does with a path (the 50 MB of bank.import).
      setFieldErrors({ file: t('bank.import.tooLarge') });
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      // A path (desktop app) is read by the app itself, with the same 50 MB limit.
      const source = file.kind === 'path' ? { path: file.path } : { data: await readAsBase64(file.file), fileName: file.name };
      const r = await call('bank.import', {
        ...source,
        ...(format ? { format: format as (typeof BANK_FORMAT_NAMES)[number] } : {}),
        ...(account ? { account } : {}),
      });
      setResult(r);
      announce(t('bank.import.done', { count: r.added, account: `${r.account.code} ${r.account.name}` }), 'success');
      booksChanged();
      history.reload();
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      if (field === 'account') setFieldErrors({ account: errorText(err) });
      else if (field === 'format') setFieldErrors({ format: errorText(err) });
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="screen" data-testid="screen-bank-import">
      <PageTitle intro={t('bank.import.intro')}>{t('bank.import.title')}</PageTitle>
      <form className="form section card" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="bank-file" label={t('bank.import.file')} hint={t('bank.import.fileHint')} error={fieldErrors.file}>
          {(a) => (
            <FileChooser
              a11y={a}
              inputRef={fileRef}
              className="input"
              accept=".xml,.sta,.swi,.940,.csv,.tab,.txt"
              title={t('bank.import.file')}
              testId="bank-file"
              onChosen={(files) => {
                setFile(files[0] ?? null);
                setResult(null);
              }}
            />
          )}
        </Field>
        <Field id="bank-account" label={t('bank.account')} hint={t('bank.import.accountHint')} error={fieldErrors.account} optional>
          {(a) => <BankAccountSelect accounts={accounts} value={account} onChange={setAccount} a11y={a} emptyLabel={t('bank.autoAccount')} />}
        </Field>
        <Field id="bank-format" label={t('bank.import.format')} hint={t('bank.import.formatHint')} error={fieldErrors.format} optional>
          {(a) => (
            <select {...a} className="input input--auto" value={format} onChange={(e) => setFormat(e.target.value)}>
              <option value="">{t('bank.import.formatAuto')}</option>
              {BANK_FORMAT_NAMES.map((f) => (
                <option key={f} value={f}>
                  {t(`bank.import.formats.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormError error={error} />
        <button type="submit" className="button button--primary" disabled={busy} data-testid="bank-import-submit">
          {busy ? t('bank.import.busy') : t('bank.import.submit')}
        </button>
      </form>

      {result ? <ImportResult result={result} /> : null}

      <section className="section" aria-labelledby="bank-history">
        <h2 id="bank-history">{t('bank.import.history')}</h2>
        {history.data && history.data.length === 0 ? <p>{t('bank.import.historyEmpty')}</p> : null}
        {history.data && history.data.length > 0 ? (
          <div className="table-scroll">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('bank.import.importedAt')}</th>
                  <th scope="col">{t('bank.import.fileName')}</th>
                  <th scope="col">{t('bank.account')}</th>
                  <th scope="col">{t('bank.import.period')}</th>
                  <th scope="col">{t('bank.import.lines')}</th>
                </tr>
              </thead>
              <tbody>
                {history.data.map((i) => (
                  <tr key={i.id}>
                    <td>{dateNl(i.importedAt.slice(0, 10))}</td>
                    <td className="mono">{i.fileName}</td>
                    <td>{i.account}</td>
                    <td>{i.from && i.to ? `${dateNl(i.from)} – ${dateNl(i.to)}` : ''}</td>
                    <td>{t('bank.import.linesNew', { added: i.added, skipped: i.skippedDuplicates })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function ImportResult({ result: r }: { result: BankImportResult }) {
  const { t } = useTranslation();
  const b = r.balanceCheck;
  const hasBalances = b.opening !== null || b.closing !== null;
  return (
    <section className="section card" aria-labelledby="bank-result" data-testid="bank-import-result">
      <h2 id="bank-result">{t('bank.import.resultTitle')}</h2>
      <p>
        <strong>{r.account.code} · {r.account.name}</strong>
        {r.from && r.to ? ` — ${t('bank.import.period')}: ${dateNl(r.from)} – ${dateNl(r.to)}` : ''}
      </p>
      <p data-testid="bank-import-summary">{t('bank.import.summary', { count: r.transactions, added: r.added, skipped: r.skippedDuplicates })}</p>
      {r.suggested > 0 ? <p>{t('bank.import.suggested', { count: r.suggested })}</p> : null}
      {r.warnings.length > 0 ? (
        <div className="warning" data-testid="bank-import-warnings">
          <h3>{t('bank.import.warnings')}</h3>
          <ul>
            {r.warnings.map((w, i) => (
              <li key={i}>{serverText(w)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3>{t('bank.import.balanceTitle')}</h3>
      {hasBalances ? (
        <div className="table-scroll">
          <table className="table table--compact" data-testid="bank-balance-check">
            <thead>
              <tr>
                <th scope="col">{t('bank.import.balanceWhat')}</th>
                <th scope="col">{t('bank.import.balanceDate')}</th>
                <th scope="col" className="num">{t('bank.import.balanceBank')}</th>
                <th scope="col" className="num">{t('bank.import.balanceBooks')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className="th-plain">{t('bank.import.opening')}</th>
                <td>{dateNl(b.openingDate)}</td>
                <td className="num">{b.opening !== null ? <Money value={b.opening} /> : t('bank.import.unknown')}</td>
                <td className="num"><Money value={b.bookOpening} /></td>
              </tr>
              <tr>
                <th scope="row" className="th-plain">{t('bank.import.closingAfterInbox')}</th>
                <td>{dateNl(b.closingDate)}</td>
                <td className="num">{b.closing !== null ? <Money value={b.closing} /> : t('bank.import.unknown')}</td>
                <td className="num"><Money value={b.expectedClosing} /></td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('bank.import.noBalances')}</p>
      )}
      {b.differences.length > 0 ? (
        <div className="warning" data-testid="bank-balance-differences">
          <ul>
            {b.differences.map((d) => (
              <li key={d.kind}>{serverText(d)}</li>
            ))}
          </ul>
        </div>
      ) : hasBalances ? (
        <p className="notice">{t('bank.import.balanceOk')}</p>
      ) : null}
      <Hint>{t('bank.inbox.intro')}</Hint>
      <button type="button" className="button button--primary" onClick={() => navigate('bank-inbox', { account: r.account.code })} data-testid="bank-to-inbox">
        {t('bank.import.toInbox')}
      </button>
    </section>
  );
}
