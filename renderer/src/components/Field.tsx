import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../context';

export interface A11yProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

/** A labelled control with an optional hint and an error linked through aria-describedby. */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  className?: string;
  children: (a11y: A11yProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const { settings } = useApp();
  const showHint = Boolean(hint) && settings.hints;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> {t('common.optional')}</span> : null}
      </label>
      {showHint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        'aria-describedby': describedBy(showHint && hintId, error && errorId),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string | null | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="field__error">
      <span className="field__error-icon" aria-hidden="true">
        !
      </span>{' '}
      {error}
    </p>
  );
}

/** A group of radio buttons (or other controls) with a legend, hint and error. */
export function FieldSet({
  id,
  legend,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  const { settings } = useApp();
  const showHint = Boolean(hint) && settings.hints;
  return (
    <fieldset
      id={id}
      className={`fieldset${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy(showHint && `${id}-hint`, error && `${id}-error`)}
      tabIndex={-1}
    >
      <legend className="field__label">{legend}</legend>
      {showHint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

/** A short explanation shown when hints are on. */
export function Hint({ children }: { children: ReactNode }) {
  const { settings } = useApp();
  if (!settings.hints) return null;
  return <p className="hint">{children}</p>;
}

/** A general error at the top or bottom of a form (role=alert so it is read out at once). */
export function FormError({ id, error }: { id?: string; error: string | null | undefined }) {
  if (!error) return null;
  return (
    <div id={id} className="form-error" role="alert" tabIndex={-1}>
      {error}
    </div>
  );
}
