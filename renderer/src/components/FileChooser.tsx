import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useApp } from '../context';
import type { A11yProps } from './Field';
import { baseName, filtersFor, pickMode, type Chosen } from '../filePicking';

/**
 * Choose a file to upload: the native open dialog in the desktop app, the browser's file picker in
 * the browser mode (filePicking.ts). Field props (id, aria-*) go on the button or the input, so the
 * field's label names either.
 */
export function FileChooser({ a11y, accept, title, multiple, disabled, className, inputRef, testId, onChosen }: {
  a11y: A11yProps | Record<string, unknown>;
  accept: string;
  /** The dialog's title: what is chosen ("Bankafschrift kiezen"). */
  title: string;
  multiple?: boolean;
  disabled?: boolean | undefined;
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
  onChosen: (files: Chosen[]) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const { capabilities } = useApp();
  const [name, setName] = useState<string | null>(null);
  if (pickMode(capabilities) === 'dialog') {
    async function open() {
      const path = await call('app.dialog.open', { title, filters: filtersFor(accept, { fits: t('files.fitting'), all: t('files.all') }) });
      if (!path) return;
      setName(baseName(path));
      await onChosen([{ kind: 'path', path, name: baseName(path) }]);
    }
    return (
      <span className="file-chooser">
        <button {...a11y} type="button" className="button" disabled={disabled} data-testid={testId} onClick={() => void open()}>
          {t('files.choose')}
        </button>{' '}
        <span className="muted" aria-live="polite">{name ?? t('files.noneChosen')}</span>
      </span>
    );
  }
  return (
    <input
      {...a11y}
      ref={inputRef}
      type="file"
      className={className}
      accept={accept}
      multiple={multiple}
      disabled={disabled}
      data-testid={testId}
      onChange={(e) => {
        const list = Array.from(e.target.files ?? []);
        const input = e.target;
        void Promise.resolve(onChosen(list.map((file) => ({ kind: 'file' as const, file, name: file.name })))).then(() => {
          if (multiple) input.value = '';
        });
      }}
    />
  );
}
