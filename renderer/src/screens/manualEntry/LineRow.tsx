/** One row of the manual entry's lines table: account, description (and grant), debit, credit. */
import { useTranslation } from 'react-i18next';
import type { GrantOption } from '../../../../shared/api/grants';
import type { Account } from '../../../../shared/api/types';
import { AccountSelect } from '../../components/AccountPickers';
import { describedBy, FieldError } from '../../components/Field';
import { grantChoicesFor, GrantSelectInput } from '../../components/GrantSelect';
import { AmountInput } from '../../components/Inputs';
import { takesGrant, type Line } from './lines';

export type LineField = 'account' | 'description' | 'debit' | 'credit' | 'grant';

export function LineRow({ line, n, accounts, grantOptions, errorOf, onChange, onRemove, onlyTwo }: {
  line: Line;
  /** 1-based, for the labels a screen reader reads. */
  n: number;
  accounts: Account[];
  grantOptions: GrantOption[] | null;
  errorOf: (field: LineField) => string | undefined;
  onChange: (patch: Partial<Line>) => void;
  onRemove: () => void;
  /** With two lines left a row is cleared, not removed: an entry always has two sides. */
  onlyTwo: boolean;
}) {
  const { t } = useTranslation();
  const id = (f: LineField) => `me-line-${line.key}-${f}`;
  const type = accounts.find((a) => a.code === line.account)?.type;
  const grantable = takesGrant(type);
  const choices = grantable ? grantChoicesFor(grantOptions ?? [], type === 'expense') : [];
  const cell = (f: LineField) => {
    const error = errorOf(f);
    return {
      id: id(f),
      'aria-describedby': describedBy(error && `${id(f)}-error`),
      ...(error ? { 'aria-invalid': true as const } : {}),
    };
  };
  const label = (f: LineField, text: string) => (
    <label className="visually-hidden" htmlFor={id(f)}>
      {text}
    </label>
  );
  const error = (f: LineField) => <FieldError id={`${id(f)}-error`} error={errorOf(f)} />;
  return (
    <tr data-testid="manual-line">
      <td className="lines-table__account">
        {label('account', t('manual.lineAccount', { n }))}
        <AccountSelect accounts={accounts} value={line.account} onChange={(code) => onChange({ account: code })} a11y={cell('account')} />
        {error('account')}
      </td>
      <td>
        {label('description', t('manual.lineDescriptionN', { n }))}
        <input {...cell('description')} className="input" value={line.description} onChange={(e) => onChange({ description: e.target.value })} autoComplete="off" maxLength={500} />
        {error('description')}
        {choices.length > 0 || (line.grant !== '' && grantable) ? (
          <div className="lines-table__grant">
            <span className="lines-table__grant-caption" aria-hidden="true">
              {t('manual.grantCaption')}
            </span>
            {label('grant', t('manual.lineGrant', { n }))}
            <GrantSelectInput a11y={cell('grant')} choices={choices} options={grantOptions} value={line.grant} onChange={(g) => onChange({ grant: g })} />
            {error('grant')}
          </div>
        ) : null}
      </td>
      <td className="num">
        {label('debit', t('manual.lineDebit', { n }))}
        <AmountInput a11y={cell('debit')} value={line.debit} onChange={(v) => onChange({ debit: v })} />
        {error('debit')}
      </td>
      <td className="num">
        {label('credit', t('manual.lineCredit', { n }))}
        <AmountInput a11y={cell('credit')} value={line.credit} onChange={(v) => onChange({ credit: v })} />
        {error('credit')}
      </td>
      <td>
        <button type="button" className="button button--quiet button--small" onClick={onRemove}>
          {onlyTwo ? t('manual.clearLine', { n }) : t('manual.removeLine', { n })}
        </button>
      </td>
    </tr>
  );
}
