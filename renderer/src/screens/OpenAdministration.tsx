import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderListing, Place } from '../../../shared/api/app';
import { call, type RecentFile } from '../api';
import { Field, FormError } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { dateNl } from '../format';
import { focusById } from '../hooks';

/**
 * Opening an administration in the browser mode, where the page cannot show the computer's own
 * open dialog: the files opened before, and the usual folders (Documents, Desktop, home) to look
 * in, one folder at a time, showing only subfolders and .kassa files. Typing a path stays possible
 * for the rare file elsewhere, folded away.
 */
export function OpenAdministration({ onCancel, open }: { onCancel: () => void; open: (path: string) => Promise<void> }) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const recent = useRecentFiles();
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('app.browse', {})
      .then(setListing)
      .catch(() => setListing(null));
  }, []);

  async function look(dir: string) {
    setError(null);
    try {
      setListing(await call('app.browse', { dir }));
      focusById('open-folder-title');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function choose(path: string) {
    setBusy(true);
    setError(null);
    try {
      await open(path);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      setError(msg);
      announce(msg, 'error');
    } finally {
      setBusy(false);
    }
  }

  const places = listing?.places ?? [];
  return (
    <div className="welcome welcome--narrow open-admin">
      <PageTitle intro={t('welcome.open.introBrowse')}>{t('welcome.open.title')}</PageTitle>
      <FormError id="open-error" error={error} />
      <section aria-labelledby="open-recent">
        <h2 id="open-recent">{t('welcome.recent.title')}</h2>
        <RecentFiles files={recent} busy={busy} onChoose={(p) => void choose(p)} />
      </section>
      <section aria-labelledby="open-places">
        <h2 id="open-places">{t('welcome.open.placesTitle')}</h2>
        <div className="actions">
          {places.map((p) => (
            <button key={p.kind} type="button" className="button" onClick={() => void look(p.path)} aria-pressed={listing?.dir === p.path}>
              {placeName(t, p)}
            </button>
          ))}
        </div>
        {listing?.dir ? <Folder listing={listing} busy={busy} onLook={(d) => void look(d)} onChoose={(p) => void choose(p)} /> : null}
      </section>
      <details className="open-admin__typed">
        <summary>{t('welcome.open.typeSummary')}</summary>
        <TypedPath busy={busy} onOpen={(p) => void choose(p)} />
      </details>
      <div className="actions">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.back')}
        </button>
      </div>
    </div>
  );
}

/** The administrations opened before (the practice administration has its own button). */
export function useRecentFiles(): RecentFile[] {
  const { capabilities } = useApp();
  const [recent, setRecent] = useState<RecentFile[]>([]);
  useEffect(() => {
    call('app.recent', {})
      .then((r) => setRecent(capabilities.practicePath ? r.filter((f) => f.path !== capabilities.practicePath) : r))
      .catch(() => setRecent([]));
  }, [capabilities.practicePath]);
  return recent;
}

export function RecentFiles({ files, busy, onChoose }: { files: RecentFile[]; busy: boolean; onChoose: (path: string) => void }) {
  const { t } = useTranslation();
  if (files.length === 0) return <p className="muted">{t('welcome.recent.none')}</p>;
  return (
    <ul className="recent">
      {files.slice(0, 6).map((f) => (
        <li key={f.path}>
          <button type="button" className="button button--link" onClick={() => onChoose(f.path)} disabled={busy}>
            <span className="recent__name">{f.name || f.path.split(/[\\/]/).pop()}</span>
            <span className="recent__path">{f.path}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function placeName(t: (k: string) => string, p: Place): string {
  return t(`welcome.open.place.${p.kind}`);
}

function Folder({ listing, busy, onLook, onChoose }: { listing: FolderListing; busy: boolean; onLook: (dir: string) => void; onChoose: (path: string) => void }) {
  const { t } = useTranslation();
  const empty = listing.folders.length === 0 && listing.files.length === 0;
  return (
    <div className="open-admin__folder" data-testid="open-folder">
      <h3 id="open-folder-title" tabIndex={-1}>
        {t('welcome.open.inFolder')} <span className="mono">{listing.dir}</span>
      </h3>
      {listing.parent ? (
        <p>
          <button type="button" className="button button--quiet" onClick={() => onLook(listing.parent!)}>
            {t('welcome.open.up')}
          </button>
        </p>
      ) : null}
      {empty ? <p className="muted">{t('welcome.open.emptyFolder')}</p> : null}
      {listing.files.length > 0 ? (
        <ul className="recent" aria-label={t('welcome.open.filesLabel')}>
          {listing.files.map((f) => (
            <li key={f.path}>
              <button type="button" className="button button--link" onClick={() => onChoose(f.path)} disabled={busy}>
                <span className="recent__name">{f.name}</span>
                <span className="recent__path">{t('welcome.open.changed', { date: dateNl(f.modified.slice(0, 10)) })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {listing.folders.length > 0 ? (
        <ul className="open-admin__folders" aria-label={t('welcome.open.foldersLabel')}>
          {listing.folders.map((f) => (
            <li key={f.path}>
              <button type="button" className="button button--link" onClick={() => onLook(f.path)}>
                {t('welcome.open.folder', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {listing.truncated ? <p className="muted">{t('welcome.open.truncated')}</p> : null}
    </div>
  );
}

function TypedPath({ busy, onOpen }: { busy: boolean; onOpen: (path: string) => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!path.trim()) {
      setError(t('welcome.open.pathMissing'));
      focusById('open-path');
      return;
    }
    setError(undefined);
    onOpen(path.trim());
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <Field id="open-path" label={t('welcome.open.path')} hint={t('welcome.open.pathHint')} error={error}>
        {(a) => <input {...a} className="input" value={path} onChange={(e) => setPath(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('welcome.open.submit')}
        </button>
      </div>
    </form>
  );
}
