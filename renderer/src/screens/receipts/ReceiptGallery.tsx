import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../../shared/api/receipts';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import './common';
import { receiptUrl } from './files';

interface Shown {
  receipt: Receipt;
  url: string;
}

/** The bytes of receipts as URLs, loaded once per receipt and released when they go. */
function useReceiptUrls(receipts: readonly Receipt[]): Map<number, string> {
  const [urls, setUrls] = useState<Map<number, string>>(new Map());
  const key = receipts.map((r) => r.id).join(',');
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    Promise.all(receipts.map((r) => call('receipts.file', { id: r.id }).then((f) => [r.id, receiptUrl(f.mime, f.base64)] as const)))
      .then((pairs) => {
        for (const [, u] of pairs) if (u.startsWith('blob:')) made.push(u);
        if (live) setUrls(new Map(pairs));
      })
      .catch(() => live && setUrls(new Map()));
    return () => {
      live = false;
      for (const u of made) URL.revokeObjectURL(u);
    };
  }, [key]);
  return urls;
}

function Preview({ shown, full, t }: { shown: Shown; full: boolean; t: (k: string, o?: Record<string, unknown>) => string }) {
  const alt = t('receipts.imageAlt', { name: shown.receipt.name });
  if (shown.receipt.mime === 'application/pdf') {
    return <iframe className={full ? 'receipt-full__pdf' : 'receipt-thumb__pdf'} src={shown.url} title={alt} tabIndex={full ? 0 : -1} />;
  }
  return <img className={full ? 'receipt-full__img' : 'receipt-thumb__img'} src={shown.url} alt={alt} />;
}

/** Receipts beside an entry or bank line: small previews; a click shows one full size. */
export function ReceiptGallery({ receipts, testId }: { receipts: readonly Receipt[]; testId?: string }) {
  const { t } = useTranslation();
  const urls = useReceiptUrls(receipts);
  const [open, setOpen] = useState<Shown | null>(null);
  if (receipts.length === 0) return <p className="muted">{t('receipts.none')}</p>;
  return (
    <>
      <ul className="receipt-list" data-testid={testId}>
        {receipts.map((r) => {
          const url = urls.get(r.id);
          return (
            <li key={r.id} className="receipt-thumb">
              {url ? <Preview shown={{ receipt: r, url }} full={false} t={t} /> : <span className="muted">{t('common.loading')}</span>}
              <button type="button" className="button button--small" disabled={!url} onClick={() => url && setOpen({ receipt: r, url })}>
                {t('receipts.showFull', { name: r.name })}
              </button>
            </li>
          );
        })}
      </ul>
      <Dialog open={open !== null} title={open?.receipt.name ?? ''} onClose={() => setOpen(null)} className="dialog--full" testId="receipt-full">
        {open ? <Preview shown={open} full t={t} /> : null}
        <div className="actions">
          <button type="button" className="button" onClick={() => setOpen(null)}>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
