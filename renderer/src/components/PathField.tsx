import { call } from '../api';
import { useApp } from '../context';
import { dirOf, joinPath } from '../paths';
import { Field } from './Field';

export interface PathFieldTexts {
  label: string;
  hint: string;
  choose: string;
}

/**
 * Where to save a file: a text field (browser mode has no dialogs) plus, in the desktop app, a
 * "Choose…" button with the native save dialog. `folder` picks a folder through the same dialog.
 * Each screen brings its own words (texts); the behaviour is the same everywhere.
 */
export interface PathFieldProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  suggestedName: string;
  extension: string;
  filterName: string;
  folder?: boolean;
  texts: PathFieldTexts;
  className?: string;
}

export function PathField({ id, value, onChange, error, suggestedName, extension, filterName, folder = false, texts, className }: PathFieldProps) {
  const { capabilities, announce } = useApp();
  async function choose() {
    try {
      const p = await call('app.dialog.save', {
        title: texts.label,
        defaultPath: joinPath(folder ? value || capabilities.defaultDir : dirOf(value) || capabilities.defaultDir, suggestedName),
        filters: [{ name: filterName, extensions: [extension] }],
      });
      if (p) onChange(folder ? dirOf(p) : p);
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    }
  }
  return (
    <Field id={id} label={texts.label} hint={texts.hint} error={error}>
      {(a) => (
        <div className={`row${className ? ` ${className}` : ''}`}>
          <input {...a} className="input grow" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" spellCheck={false} />
          {capabilities.dialogs ? (
            <button type="button" className="button" onClick={() => void choose()}>
              {texts.choose}
            </button>
          ) : null}
        </div>
      )}
    </Field>
  );
}
