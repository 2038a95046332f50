import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIban } from '../../../shared/validation/iban';
import { isValidKvk } from '../../../shared/validation/kvk';
import { call } from '../api';
import { Field, FieldSet, FormError, Hint } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { currentYear, slug } from '../format';
import { dropErrors, formErrorsFrom, focusById, NO_ERRORS, type FormErrors } from '../hooks';
import { dirOf, joinPath } from '../paths';
import { FolderBrowser } from '../components/FolderBrowser';
import { useOpened } from './useOpened';

/** The file name at the end of a path. */
const fileNameOf = (p: string): string => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);

type Vat = 'none' | 'exempt' | 'kor' | 'liable';
const VATS: Vat[] = ['none', 'exempt', 'kor', 'liable'];

/** Codes about the file itself are shown beside the file field. */
const FILE_CODES = ['FILE_EXISTS', 'FILE_NOT_FOUND', 'FILE_LOCKED', 'READ_ONLY', 'NOT_A_KASSA_FILE', 'NEWER_VERSION', 'CORRUPT_FILE', 'WRITE_FAILED', 'DISK_FULL'];

interface Draft {
  name: string;
  kvk: string;
  iban: string;
  year: string;
  vat: Vat;
  path: string;
}

const STEP_FIELDS: Record<number, string[]> = { 1: ['name', 'kvk', 'iban'], 2: ['year'], 3: ['vat'], 4: ['path'] };
const STEP_FIRST: Record<number, string> = { 1: 'new-name', 2: 'new-year', 4: 'new-path' };

export function CreateWizard({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { capabilities, announce } = useApp();
  const opened = useOpened();
  const hasDialogs = Boolean(capabilities.dialogs);
  const defaultDir = capabilities.defaultDir;
  const [step, setStep] = useState(1);
  const [d, setD] = useState<Draft>({ name: '', kvk: '', iban: '', year: String(currentYear()), vat: 'none', path: '' });
  const [pathTouched, setPathTouched] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }));
    setErrors((e) => dropErrors(e, Object.keys(patch)));
  };

  const suggestedPath = joinPath(defaultDir, `${slug(d.name)}.kassa`);
  const path = pathTouched ? d.path : suggestedPath;

  useEffect(() => {
    focusById(step === 3 ? `new-vat-${d.vat}` : (STEP_FIRST[step] ?? 'new-name'));
    // Only when the step changes, not on every choice.
  }, [step]);

  function validate(s: number): Record<string, string> {
    const f: Record<string, string> = {};
    if (s === 1) {
      if (!d.name.trim()) f.name = t('welcome.new.errors.name');
      if (d.kvk.trim() && !isValidKvk(d.kvk)) f.kvk = t('welcome.new.errors.kvk');
      if (d.iban.trim() && !isValidIban(d.iban)) f.iban = t('welcome.new.errors.iban');
    }
    if (s === 2) {
      const y = Number(d.year);
      if (!/^\d{4}$/.test(d.year.trim()) || y < 1990 || y > 2200) f.year = t('welcome.new.errors.year');
    }
    if (s === 4 && !path.trim()) f.path = t('welcome.new.errors.path');
    return f;
  }

  function showErrors(fields: Record<string, string>, general: string | null = null) {
    setErrors({ fields, general });
    const first = Object.keys(fields)[0];
    if (first) focusById(first === 'vat' ? `new-vat-${d.vat}` : `new-${first}`);
  }

  function next(e: FormEvent) {
    e.preventDefault();
    const f = validate(step);
    if (Object.keys(f).length > 0) return showErrors(f);
    setErrors(NO_ERRORS);
    if (step < 4) setStep(step + 1);
    else void create();
  }

  async function chooseFile() {
    try {
      const p = await call('app.dialog.save', { title: t('welcome.new.dialogTitle'), defaultPath: joinPath(defaultDir, `${slug(d.name)}.kassa`) });
      if (p) {
        setPathTouched(true);
        set({ path: p });
      }
    } catch (err) {
      showErrors({ path: err instanceof Error ? err.message : String(err) });
    }
  }

  async function create() {
    setBusy(true);
    try {
      const info = await call('admin.create', {
        name: d.name.trim(),
        ...(d.kvk.trim() ? { kvk: d.kvk.trim() } : {}),
        ...(d.iban.trim() ? { iban: d.iban.trim() } : {}),
        vat: d.vat,
        year: Number(d.year),
        path: path.trim(),
      });
      opened(info, 'created');
    } catch (err) {
      const fe = formErrorsFrom(err, ['name', 'kvk', 'iban', 'year', 'vat', 'path'], (code) => (FILE_CODES.includes(code) ? 'path' : undefined));
      const field = Object.keys(fe.fields)[0];
      const target = field ? Number(Object.entries(STEP_FIELDS).find(([, fs]) => fs.includes(field))?.[0] ?? 4) : 4;
      setStep(target);
      showErrors(fe.fields, fe.general);
      announce(Object.values(fe.fields)[0] ?? fe.general ?? '', 'error', { visible: false });
    } finally {
      setBusy(false);
    }
  }

  const err = (f: string) => errors.fields[f];
  // Electron: this field with the native dialog. Browser mode: the folder browser picks the folder,
  // and the typed field is only the advanced fallback.
  const pathField = (
    <Field id="new-path" label={t('welcome.new.path')} error={hasDialogs ? err('path') : undefined}>
      {(a) => (
        <input
          {...a}
          className="input"
          value={path}
          onChange={(e) => {
            setPathTouched(true);
            set({ path: e.target.value });
          }}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );  const stepTitles = [1, 2, 3, 4].map((n) => t(`welcome.new.steps.${n}`));

  return (
    <div className="welcome welcome--narrow">
      <PageTitle intro={t('welcome.new.intro')}>{t('welcome.new.title')}</PageTitle>
      <ol className="steps" aria-label={t('welcome.new.stepsLabel')}>
        {stepTitles.map((title, i) => (
          <li key={title} className={`steps__item${i + 1 === step ? ' steps__item--current' : ''}${i + 1 < step ? ' steps__item--done' : ''}`} aria-current={i + 1 === step ? 'step' : undefined}>
            <span className="steps__number" aria-hidden="true">
              {i + 1}
            </span>{' '}
            {title}
          </li>
        ))}
      </ol>
      <form onSubmit={next} noValidate className="form" aria-labelledby="wizard-step-title" data-testid="create-wizard">
        <h2 id="wizard-step-title">{t('welcome.new.stepOf', { step, total: 4, title: stepTitles[step - 1] })}</h2>
        <FormError error={errors.general} />
        {step === 1 ? (
          <>
            <Field id="new-name" label={t('welcome.new.name')} hint={t('welcome.new.nameHint')} error={err('name')}>
              {(a) => <input {...a} className="input" value={d.name} onChange={(e) => set({ name: e.target.value })} autoComplete="organization" />}
            </Field>
            <Field id="new-kvk" label={t('welcome.new.kvk')} hint={t('welcome.new.kvkHint')} error={err('kvk')} optional>
              {(a) => <input {...a} className="input input--medium" inputMode="numeric" value={d.kvk} onChange={(e) => set({ kvk: e.target.value })} autoComplete="off" />}
            </Field>
            <Field id="new-iban" label={t('welcome.new.iban')} hint={t('welcome.new.ibanHint')} error={err('iban')} optional>
              {(a) => <input {...a} className="input input--medium" value={d.iban} onChange={(e) => set({ iban: e.target.value })} autoComplete="off" spellCheck={false} />}
            </Field>
          </>
        ) : null}
        {step === 2 ? (
          <Field id="new-year" label={t('welcome.new.year')} hint={t('welcome.new.yearHint')} error={err('year')}>
            {(a) => <input {...a} className="input input--short" inputMode="numeric" value={d.year} onChange={(e) => set({ year: e.target.value })} autoComplete="off" />}
          </Field>
        ) : null}
        {step === 3 ? (
          <FieldSet id="new-vat" legend={t('welcome.new.vat')} hint={t('welcome.new.vatHint')} error={err('vat')}>
            <div className="choices choices--1">
              {VATS.map((v) => (
                <div key={v} className={`choice${d.vat === v ? ' choice--checked' : ''}`}>
                  <input type="radio" id={`new-vat-${v}`} name="vat" value={v} checked={d.vat === v} onChange={() => set({ vat: v })} aria-describedby={`new-vat-${v}-help`} />
                  <label htmlFor={`new-vat-${v}`}>
                    <span className="choice__name">{t(`vat.${v}.name`)}</span>
                  </label>
                  <span id={`new-vat-${v}-help`} className="choice__help">
                    {t(`vat.${v}.explain`)}
                  </span>
                </div>
              ))}
            </div>
          </FieldSet>
        ) : null}
        {step === 4 ? (
          <>
            <Hint>{hasDialogs ? t('welcome.new.pathHintDialog') : t('welcome.new.pathHintBrowser')}</Hint>
            {hasDialogs ? (
              pathField
            ) : (
              <>
                <FolderBrowser
                  id="new-folder"
                  start={dirOf(path)}
                  onChoose={(dir) => {
                    setPathTouched(true);
                    set({ path: joinPath(dir, fileNameOf(path) || `${slug(d.name)}.kassa`) });
                  }}
                />
                <p data-testid="new-path-chosen">
                  {t('welcome.new.path')}: <span className="mono file-path">{path}</span>
                </p>
                <FormError error={err('path') ?? null} />
                <details className="open-admin__typed">
                  <summary>{t('files.folder.typed')}</summary>
                  {pathField}
                </details>
              </>
            )}
            {hasDialogs ? (
              <p>
                <button type="button" className="button" onClick={() => void chooseFile()}>
                  {t('welcome.new.choose')}
                </button>
              </p>
            ) : null}
            <section className="summary" aria-labelledby="wizard-summary">
              <h3 id="wizard-summary">{t('welcome.new.summary')}</h3>
              <dl className="summary__list">
                <dt>{t('welcome.new.name')}</dt>
                <dd>{d.name}</dd>
                <dt>{t('welcome.new.kvk')}</dt>
                <dd>{d.kvk || t('common.notGiven')}</dd>
                <dt>{t('welcome.new.iban')}</dt>
                <dd>{d.iban || t('common.notGiven')}</dd>
                <dt>{t('welcome.new.year')}</dt>
                <dd>{d.year}</dd>
                <dt>{t('welcome.new.vat')}</dt>
                <dd>{t(`vat.${d.vat}.name`)}</dd>
              </dl>
            </section>
          </>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {step < 4 ? t('common.next') : t('welcome.new.create')}
          </button>
          {step > 1 ? (
            <button type="button" className="button" onClick={() => { setErrors(NO_ERRORS); setStep(step - 1); }}>
              {t('common.previous')}
            </button>
          ) : null}
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
