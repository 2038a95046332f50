import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/Field';
import './common';
import { pickReceipt, type PickedFile } from './files';
import { FileChooser } from '../../components/FileChooser';
import { useApp } from '../../context';
import { pickMode, type Chosen } from '../../filePicking';

const RECEIPT_KINDS = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,application/pdf';

export interface ReceiptPicker {
  take: (list: FileList | null) => Promise<void>;
  /** Files from the desktop app's open dialog: the app reads and checks them itself. */
  takePaths: (chosen: Chosen[]) => void;
  problem: string | null;
  /** Spread on any element (a whole form) to accept a dropped file there too. */
  dropProps: { onDragOver: (e: DragEvent) => void; onDrop: (e: DragEvent) => void };
}

/** Read chosen or dropped files here and hand the good ones to onPicked; name the wrong ones. */
export function useReceiptPicker(onPicked: (files: PickedFile[]) => void): ReceiptPicker {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  async function take(list: FileList | null) {
    if (!list || list.length === 0) return;
    const picked: PickedFile[] = [];
    const wrong: string[] = [];
    for (const f of Array.from(list)) {
      const r = await pickReceipt(f);
      if (typeof r === 'string') wrong.push(t(`receipts.${r}`, { name: f.name }));
      else picked.push(r);
    }
    setProblem(wrong.length > 0 ? wrong.join(' ') : null);
    if (picked.length > 0) onPicked(picked);
  }
  function takePaths(chosen: Chosen[]) {
    setProblem(null);
    const picked = chosen.flatMap((c) => (c.kind === 'path' ? [{ name: c.name, path: c.path }] : []));
    if (picked.length > 0) onPicked(picked);
  }
  return {
    take,
    takePaths,
    problem,
    dropProps: {
      onDragOver: (e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      },
      onDrop: (e) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        void take(e.dataTransfer.files);
      },
    },
  };
}

/**
 * Choose a receipt (photo or PDF) or drop it on the box. What happens with the files (kept with the
 * form, or added to an entry at once) is the caller's.
 */
export function ReceiptDrop({ id, picker, error, busy }: { id: string; picker: ReceiptPicker; error?: string | null | undefined; busy?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { capabilities } = useApp();
  const shown = picker.problem ?? error ?? null;
  const described = `${id}-kinds${shown ? ` ${id}-error` : ''}`;
  return (
    <div
      className={`receipt-drop${over ? ' receipt-drop--over' : ''}${shown ? ' field--error' : ''}`}
      onDragOver={(e) => {
        picker.dropProps.onDragOver(e);
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        picker.dropProps.onDrop(e);
        e.stopPropagation();
      }}
      data-testid={`${id}-drop`}
    >
      {pickMode(capabilities) === 'dialog' ? (
        // Desktop app: the computer's own open dialog; dropping a file on the box still works.
        <p className="receipt-drop__label">
          <FileChooser a11y={{ id, 'aria-describedby': described }} accept={RECEIPT_KINDS} title={t('receipts.choose')} disabled={busy} onChosen={picker.takePaths} />{' '}
          <span className="receipt-drop__text">{t('receipts.orDrop')}</span>
        </p>
      ) : (
        <>
          <input
            ref={input}
            id={id}
            type="file"
            className="receipt-drop__input"
            accept={RECEIPT_KINDS}
            multiple
            disabled={busy}
            aria-describedby={described}
            onChange={(e) => {
              void picker.take(e.target.files).then(() => {
                if (input.current) input.current.value = '';
              });
            }}
          />
          <label htmlFor={id} className="receipt-drop__label">
            <span className="button">{t('receipts.choose')}</span> <span className="receipt-drop__text">{t('receipts.orDrop')}</span>
          </label>
        </>
      )}
      <p id={`${id}-kinds`} className="receipt-drop__kinds muted">{t('receipts.kinds')}</p>
      <FieldError id={`${id}-error`} error={shown} />
    </div>
  );
}
