import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderListing } from '../../../shared/api/app';
import { call } from '../api';
import { FormError } from './Field';

/**
 * Browser mode's way to choose a folder (the page cannot show the computer's folder dialog): the
 * usual folders (Documents, Desktop, home), then one folder at a time with its subfolders, and a
 * button to use the folder shown. The same `app.browse` as opening an administration; screens keep
 * a typed path only as a folded-away fallback.
 */
export function FolderBrowser({ id, start, onChoose }: { id: string; start?: string | undefined; onChoose: (dir: string) => void }) {
  const { t } = useTranslation();
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function look(dir?: string) {
    setError(null);
    try {
      setListing(await call('app.browse', dir ? { dir } : {}));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  useEffect(() => {
    // Start in the folder given when it can be read, else at the usual places.
    void (start ? call('app.browse', { dir: start }).catch(() => call('app.browse', {})) : call('app.browse', {})).then(setListing).catch(() => setListing(null));
  }, [start]);

  return (
    <div className="folder-browser" data-testid={`${id}-browser`}>
      <div className="actions" role="group" aria-label={t('files.folder.places')}>
        {(listing?.places ?? []).map((p) => (
          <button key={p.kind} type="button" className="button" onClick={() => void look(p.path)} aria-pressed={listing?.dir === p.path}>
            {t(`welcome.open.place.${p.kind}`)}
          </button>
        ))}
      </div>
      <FormError error={error} />
      {listing?.dir ? (
        <div className="open-admin__folder">
          <p>
            {t('welcome.open.inFolder')} <span className="mono file-path">{listing.dir}</span>
          </p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => onChoose(listing.dir!)} data-testid={`${id}-use`}>
              {t('files.folder.useThis')}
            </button>
            {listing.parent ? (
              <button type="button" className="button button--quiet" onClick={() => void look(listing.parent!)}>
                {t('welcome.open.up')}
              </button>
            ) : null}
          </div>
          {listing.folders.length > 0 ? (
            <ul className="open-admin__folders" aria-label={t('welcome.open.foldersLabel')}>
              {listing.folders.map((f) => (
                <li key={f.path}>
                  <button type="button" className="button button--link" onClick={() => void look(f.path)}>
                    {f.name}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('files.folder.noSubfolders')}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
