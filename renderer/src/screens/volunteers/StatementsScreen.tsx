import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FieldSet, FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import type { ScreenProps } from '../../screenProps';
import { useApp } from '../../context';
import { currentYear } from '../../format';
import { formErrorsFrom, NO_ERRORS, useApi, type FormErrors } from '../../hooks';
import { SaveFileButton } from '../../components/SaveFile';
import { YearPicker } from './OverviewScreen';
import { fileSafe } from '../../paths';

/** Print yearly statements: one volunteer or all of a year. Route: volunteer-statements[?person=&year=]. */
export function StatementsScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const persons = useApi('persons.list', { includeArchived: true });
  const [year, setYear] = useState(() => Number(params.get('year')) || currentYear());
  const [who, setWho] = useState<'one' | 'all'>(params.get('person') ? 'one' : 'all');
  const [person, setPerson] = useState(params.get('person') ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [files, setFiles] = useState<string[]>([]);

  const name = (persons.data ?? []).find((p) => String(p.id) === person)?.name ?? '';
  const suggested = fileSafe(`Jaaroverzicht vrijwilligersvergoeding ${year} - ${name}.pdf`);
  const failed = (err: unknown) => setErrors(formErrorsFrom(err, ['person', 'year']));
  function one() {
    if (person) return { person: Number(person), year };
    setErrors({ fields: { person: t('volunteers.pay.choosePerson') }, general: null });
    return null;
  }
  function done(r: { path?: string; files?: { path: string }[] }, where: string) {
    setErrors(NO_ERRORS);
    if (r.files) {
      setFiles(r.files.map((f) => f.path));
      announce(t('volunteers.statements.doneAll', { count: r.files.length, dir: where }));
    } else {
      setFiles([r.path ?? where]);
      announce(t('volunteers.statements.done', { path: where }));
    }
  }

  return (
    <div className="screen" data-testid="screen-volunteer-statements">
      <PageTitle intro={t('volunteers.statements.intro')}>{t('volunteers.statements.title')}</PageTitle>
      <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
        <FormError error={errors.general ?? persons.error} />
        <YearPicker id="vst-year" year={year} onChange={setYear} />
        <FieldSet id="vst-who" legend={t('volunteers.statements.who')}>
          <div className="choices choices--2">
            {(['all', 'one'] as const).map((w) => (
              <div key={w} className={`choice${who === w ? ' choice--checked' : ''}`}>
                <input type="radio" id={`vst-who-${w}`} name="vst-who" checked={who === w} onChange={() => { setWho(w); setFiles([]); }} />
                <label htmlFor={`vst-who-${w}`}>{t(`volunteers.statements.${w}`)}</label>
              </div>
            ))}
          </div>
        </FieldSet>
        {who === 'one' ? (
          <Field id="vst-person" label={t('volunteers.statements.person')} error={errors.fields.person}>
            {(a) => (
              <select {...a} className="input" value={person} onChange={(e) => setPerson(e.target.value)}>
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
        <div className="actions">
          {who === 'all' ? (
            <SaveFileButton method="volunteers.statementsPdf" input={() => ({ year })} fileName={`Jaaroverzichten vrijwilligersvergoeding ${year}`} folder
              filter={{ name: 'PDF', extensions: ['pdf'] }} label={t('volunteers.statements.makeAll')} primary testId="volunteer-statement-make" onDone={done} onError={failed} />
          ) : (
            <SaveFileButton method="volunteers.statementPdf" input={one} fileName={suggested}
              filter={{ name: 'PDF', extensions: ['pdf'] }} label={t('volunteers.statements.make')} primary testId="volunteer-statement-make" onDone={done} onError={failed} />
          )}
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
