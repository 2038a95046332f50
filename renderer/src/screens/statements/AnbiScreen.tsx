import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnbiChecklistItem, AnbiFigure } from '../../../../shared/api/statements';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { FormError, Hint } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { dateNl } from '../../format';
import { useApi } from '../../hooks';
import { hrefFor } from '../../router';
import { Amount, useChosenYear, useLineLabel, YearPicker } from './common';
import { serverText } from '../../serverText';

/** The ANBI publication: checklist and the figures of the standard form. Route: anbi[?year=YYYY]. */
export function AnbiScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { years, year, setYear } = useChosenYear(params.get('year'));
  const anbi = useApi('reports.anbi', year === null ? null : { year });
  const d = anbi.data;
  return (
    <div className="screen" data-testid="screen-anbi">
      <PageTitle intro={t('statements.anbi.intro')}>{t('statements.anbi.title')}</PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <YearPicker id="anbi-year" years={years} value={year} onChange={setYear} />
      </form>
      <FormError error={anbi.error} />
      {!d ? (
        <p className="muted">{t('statements.loading')}</p>
      ) : !d.anbi ? (
        <div className="notice" data-testid="anbi-off">
          <p>{t('statements.anbi.off')}</p>
          <p>
            <a href={hrefFor('settings')}>{t('statements.anbi.toSettings')}</a>
          </p>
        </div>
      ) : (
        <>
          <div className="statement-check" data-testid="anbi-deadline">
            <strong>{t('statements.anbi.deadline', { date: dateNl(d.deadline) })}</strong>
            <br />
            {t(`statements.anbi.variant.${d.variant}`)} · {d.formRequired ? t('statements.anbi.required') : t('statements.anbi.optional')}
          </div>
          <Hint>{serverText({ message: d.formRequiredReason, says: d.formRequiredSays })}</Hint>
          <h2>{t('statements.anbi.checklist')}</h2>
          <ul className="checklist" data-testid="anbi-checklist">
            {d.checklist.map((item) => (
              <ChecklistRow key={item.key} year={d.year} item={item} onSaved={anbi.reload} />
            ))}
          </ul>
          <Figures title={t('statements.anbi.balance')} figures={d.balance} hasPrevious={d.balance.some((f) => f.previous !== null)} testId="anbi-balance" form />
          <Figures title={t('statements.anbi.income')} figures={d.incomeStatement} hasPrevious={d.incomeStatement.some((f) => f.previous !== null)} testId="anbi-income" />
        </>
      )}
    </div>
  );
}

function ChecklistRow({ year, item, onSaved }: { year: number; item: AnbiChecklistItem; onSaved: () => void }) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const [note, setNote] = useState(item.note ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => setNote(item.note ?? ''), [item.note]);
  const id = `anbi-${item.key}`;
  async function save(done: boolean) {
    setBusy(true);
    try {
      await call('anbi.setItem', { year, item: item.key, done, note });
      announce(t('statements.anbi.saved'), 'success');
      onSaved();
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <li data-item={item.key} data-done={item.done ? 'true' : 'false'}>
      <span className={`checklist__status checklist__status--${item.done ? 'done' : 'todo'}`}>
        {item.done ? `✓ ${t('statements.anbi.done')}` : `! ${t('statements.anbi.todo')}`}
      </span>
      <strong>{t(`statements.anbi.items.${item.key}.label`, { defaultValue: item.label })}</strong>
      <div className="muted">{t(`statements.anbi.items.${item.key}.help`, { defaultValue: item.help })}</div>
      {item.source === 'auto' ? (
        <div>
          <span className="muted">{t('statements.anbi.auto')}:</span> {item.detail === null ? null : serverText({ message: item.detail, says: item.detailSays })}
        </div>
      ) : (
        <div className="checklist__note">
          <label className="check">
            <input type="checkbox" checked={item.done} disabled={busy} onChange={(e) => void save(e.target.checked)} /> {t('statements.anbi.done')}
          </label>
          <label htmlFor={`${id}-note`} className="visually-hidden">
            {t('statements.anbi.note')}
          </label>
          <input id={`${id}-note`} className="input grow" value={note} placeholder={t('statements.anbi.note')} onChange={(e) => setNote(e.target.value)} />
          <button type="button" className="button button--small" disabled={busy} onClick={() => void save(item.done)}>
            {t('statements.anbi.save')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The balance rows are the standard form's own (statements.anbi.figures); the income rows are the statement's lines. */
function Figures({ title, figures, hasPrevious, testId, form = false }: { title: string; figures: AnbiFigure[]; hasPrevious: boolean; testId: string; form?: boolean }) {
  const { t } = useTranslation();
  const lineLabel = useLineLabel();
  const label = (f: AnbiFigure) => (form ? t(`statements.anbi.figures.${f.key}`, { defaultValue: f.label }) : lineLabel(f.key, f.label));
  return (
    <table className="table statement" data-testid={testId}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('statements.table.item')}</th>
          <th scope="col" className="num">{t('statements.anbi.current')}</th>
          {hasPrevious ? <th scope="col" className="num">{t('statements.anbi.previous')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {figures.map((f) =>
          f.kind === 'heading' ? (
            <tr key={f.key} className="statement__heading">
              <th scope="rowgroup" colSpan={hasPrevious ? 3 : 2}>{label(f)}</th>
            </tr>
          ) : (
            <tr key={f.key} className={f.kind === 'line' ? 'statement__line statement__level-1' : `statement__${f.kind}`}>
              <th scope="row">{label(f)}</th>
              <td className="num"><Amount value={f.current} /></td>
              {hasPrevious ? <td className="num"><Amount value={f.previous} /></td> : null}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
