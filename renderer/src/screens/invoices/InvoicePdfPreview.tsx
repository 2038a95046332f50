import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { bytesOf } from '../../fileBytes';

/**
 * The real invoice PDF, made by the app from the unsaved draft (invoices.pdfData with `draft`) and
 * shown in a frame from a blob: URL (the CSP allows frames from blob: only). Re-made shortly after
 * the treasurer stops typing, so the preview stays live without a PDF per keystroke.
 */
export function InvoicePdfPreview({ draft }: { draft: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const key = draft ? JSON.stringify(draft) : '';

  useEffect(() => {
    if (!draft) return;
    let cancelled = false;
    let made: string | null = null;
    const timer = setTimeout(() => {
      call('invoices.pdfData', { draft } as never)
        .then((pdf) => {
          if (cancelled) return;
          made = URL.createObjectURL(new Blob([bytesOf((pdf as { base64: string }).base64)], { type: 'application/pdf' }));
          setUrl(made);
          setFailed(false);
        })
        .catch(() => {
          if (!cancelled) setFailed(true);
        });
    }, 600);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (made) URL.revokeObjectURL(made);
    };
    // The draft is compared by content (key), not by object identity.
  }, [key]);

  if (!draft || failed) return <p className="muted">{t('invoices.preview.pdfLater')}</p>;
  return url ? (
    <iframe className="inv-pdf" src={url} title={t('invoices.preview.pdfTitle')} data-testid="invoice-pdf-preview" />
  ) : (
    <p className="muted">{t('invoices.preview.pdfLoading')}</p>
  );
}
