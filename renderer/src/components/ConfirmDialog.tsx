import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

/**
 * "Are you sure?" in the app's own dialog instead of window.confirm: Dutch buttons, the app's look,
 * and it stays open when something else on the screen redraws (a native confirm is closed as
 * "cancel" when a frame on the page navigates, such as the live invoice preview).
 */
export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  danger = false,
  onConfirm,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={title} onClose={onCancel} {...(testId ? { testId } : {})}>
      <p>{text}</p>
      <div className="actions">
        <button type="button" className={`button ${danger ? 'button--danger' : 'button--primary'}`} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
