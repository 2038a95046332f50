import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Field, FieldSet, FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import type { ScreenProps } from '../../App';
import { useApp } from '../../context';
import { currentYear } from '../../format';
import { formErrorsFrom, NO_ERRORS, useApi, type FormErrors } from '../../hooks';
import { PathField } from './common';
import { YearPicker } from './OverviewScreen';
import { fileSafe, joinPath } from '../../paths';

/** Print yearly statements: one volunteer or all of a year. Route: volunteer-statements[?person=&year=]. */
export function StatementsScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { capabilities, announce } = useApp();
  const persons = useApi('persons.list', { includeArchived: true });
  const [year, setYear] = useState(() => Number(params.get('year')) || currentYear());
  const [who, setWho] = useState<'one' | 'all'>(params.get('person') ? 'one' : 'all');
  const [person, setPerson] = useState(params.get('person') ?? '');
  const [path, setPath] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<string[]>([]);

  const name = (persons.data ?? []).find((p) => String(p.id) === person)?.name ?? '';
  const suggested = fileSafe(`Jaaroverzicht vrijwilligersvergoeding ${year} - ${name}.pdf`);
  const target = path || (who === 'all' ? (capabilities.defaultDir ?? '') : joinPath(capabilities.defaultDir, suggested));

  async function make(e: FormEvent) {
    e.preventDefault();
    if (who === 'one' && !person) return setErrors({ fields: { person: t('volunteers.pay.choosePerson') }, general: null });
    if (!target.trim()) return setErrors({ fields: { path: t('volunteers.path.missing') }, general: null });
    setBusy(true);
    try {
      if (who === 'one') {
        const r = await call('volunteers.statementPdf', { person: Number(person), year, path: target.trim() });
        setFiles([r.path]);
        announce(t('volunteers.statements.done', { path: r.path }));
      } else {
        const r = await call('volunteers.statementsPdf', { year, dir: target.trim() });
        setFiles(r.files.map((f) => f.path));
        announce(t('volunteers.statements.doneAll', { count: r.files.length, dir: r.dir }));
      }
      setErrors(NO_ERRORS);
    } catch (err) {
      setErrors(formErrorsFrom(err, ['person', 'path', 'dir', 'year'], () => 'path'));
    } finally {
      setBusy(false);
    }
  }

  const pathError = errors.fields.path ?? errors.fields.dir;
  return (
    <div className="screen" data-testid="screen-volunteer-statements">
      <PageTitle intro={t('volunteers.statements.intro')}>{t('volunteers.statements.title')}</PageTitle>
      <form className="form" onSubmit={(e) => void make(e)} noValidate>
        <FormError error={errors.general ?? persons.error} />
        <YearPicker id="vst-year" year={year} onChange={setYear} />
        <FieldSet id="vst-who" legend={t('volunteers.statements.who')}>
          <div className="choices choices--2">
            {(['all', 'one'] as const).map((w) => (
              <div key={w} className={`choice${who === w ? ' choice--checked' : ''}`}>
                <input type="radio" id={`vst-who-${w}`} name="vst-who" checked={who === w} onChange={() => { setWho(w); setPath(''); }} />
                <label htmlFor={`vst-who-${w}`}>{t(`volunteers.statements.${w}`)}</label>
              </div>
            ))}
          </div>
        </FieldSet>
        {who === 'one' ? (
          <Field id="vst-person" label={t('volunteers.statements.person')} error={errors.fields.person}>
            {(a) => (
              <select {...a} className="input" value={person} onChange={(e) => { setPerson(e.target.value); setPath(''); }}>
                <option value="">{t('volunteers.pay.choosePerson')}</option>
                {(persons.data ?? []).map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <PathField
          id="vst-path"
          value={target}
          onChange={setPath}
          error={pathError}
          suggestedName={suggested}
          extension="pdf"
          filterName="PDF"
          folder={who === 'all'}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="volunteer-statement-make">
            {t(who === 'all' ? 'volunteers.statements.makeAll' : 'volunteers.statements.make')}
          </button>
        </div>
      </form>
      {files.length > 0 ? (
        <section className="section vol-result" aria-labelledby="vst-files">
          <h2 id="vst-files">{t('volunteers.statements.files')}</h2>
          <ul className="vol-files" data-testid="volunteer-statement-files">
            {files.map((f) => (
              <li key={f} className="mono">
                {f}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
