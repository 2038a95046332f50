import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListItem, BackupSettings } from '../../../../shared/api/backups';
import { call } from '../../api';
import type { ScreenProps } from '../../screenProps';
import { Dialog } from '../../components/Dialog';
import { Field, FormError, Hint } from '../../components/Field';
import { FolderBrowser } from '../../components/FolderBrowser';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { focusById } from '../../hooks';
import { serverText } from '../../serverText';
import { navigate } from '../../router';
import { folderOf, formatSize, formatWhen } from './format';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Backups of the open administration: make one now, choose where they go, see every backup with
 * the result of its check, and restore one after a clear confirmation. Opened with ?maak=1 (the
 * menu's "Back-up maken") it makes a backup straight away.
 */
export function BackupsScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [list, setList] = useState<BackupListItem[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const [s, l] = await Promise.all([call('backups.settings.get', {}), call('backups.list', {})]);
      if (seq.current !== mine) return;
      setSettings(s);
      setList(l);
      setError(null);
      // The check opens a copy of each backup, which takes a moment on a big administration: show
      // the list first and fill in the results one by one, newest first.
      setChecking(true);
      for (const b of l) {
        const verify = await call('backups.verify', { path: b.path });
        if (seq.current !== mine) return;
        setList((cur) => cur?.map((x) => (x.path === b.path ? { ...x, verify } : x)) ?? cur);
      }
    } catch (e) {
      if (seq.current === mine) setError(message(e));
    } finally {
      if (seq.current === mine) setChecking(false);
    }
  }, []);

  const make = useCallback(async () => {
    setBusy(true);
    try {
      const made = await call('backups.create', {});
      announce(t('backups.made', { when: formatWhen(made.date) }), 'success');
      await load();
    } catch (e) {
      announce(message(e), 'error');
    } finally {
      setBusy(false);
    }
  }, [announce, load, t]);

  const fromMenu = params.get('maak') === '1';
  useEffect(() => {
    if (fromMenu) {
      navigate('backups');
      void make();
    } else {
      void load();
    }
  }, [fromMenu, load, make]);

  return (
    <div className="screen" data-testid="screen-backups">
      <PageTitle intro={t('backups.intro')}>{t('backups.title')}</PageTitle>
      <Hint>{t('backups.auto')}</Hint>
      <FormError error={error} />
      {settings?.lastError ? (
        <div className="warning" role="alert">
          <p>{t('backups.lastError', { message: serverText(settings.lastError) })}</p>
        </div>
      ) : null}

      <section className="section card" aria-labelledby="bk-make">
        <h2 id="bk-make">{t('backups.makeTitle')}</h2>
        <p>{t('backups.makeText')}</p>
        <button type="button" className="button button--primary" onClick={() => void make()} disabled={busy} data-testid="backup-make">
          {busy ? t('backups.making') : t('backups.make')}
        </button>
      </section>

      {settings ? <FolderSettings settings={settings} onChanged={(s) => { setSettings(s); void load(); }} /> : null}

      <section className="section card" aria-labelledby="bk-list">
        <h2 id="bk-list">{t('backups.listTitle')}</h2>
        {list === null ? null : list.length === 0 ? (
          <p>{t('backups.listEmpty')}</p>
        ) : (
          <BackupTable list={list} checking={checking} onRestored={() => void load()} />
        )}
      </section>
    </div>
  );
}

function FolderSettings({ settings, onChanged }: { settings: BackupSettings; onChanged: (s: BackupSettings) => void }) {
  const { t } = useTranslation();
  const { capabilities, announce } = useApp();
  const [folder, setFolder] = useState(settings.custom ? settings.root : '');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function choose() {
    try {
      // There is no folder dialog in the API: the save dialog picks a place, and its folder is used.
      const p = await call('app.dialog.save', {
        title: t('backups.folderDialogTitle'),
        defaultPath: `${folder || settings.root}/${t('backups.title')}.kassa`,
      });
      if (p) setFolder(folderOf(p));
    } catch (e) {
      announce(message(e), 'error');
    }
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!folder.trim()) {
      setFieldError(t('backups.folderEmpty'));
      focusById('bk-folder');
      return;
    }
    setBusy(true);
    try {
      const s = await call('backups.settings.set', { folder: folder.trim() });
      setFieldError(undefined);
      announce(t('backups.folderSaved', { folder: s.root }), 'success');
      onChanged(s);
    } catch (err) {
      setFieldError(message(err));
      focusById('bk-folder');
    } finally {
      setBusy(false);
    }
  }

  async function reset() {
    setBusy(true);
    try {
      const s = await call('backups.settings.set', { folder: null });
      setFolder('');
      setFieldError(undefined);
      announce(t('backups.folderResetDone'), 'success');
      onChanged(s);
    } catch (err) {
      announce(message(err), 'error');
    } finally {
      setBusy(false);
    }
  }

  // Electron: the field with the native dialog beside it. Browser mode: the folder browser, with
  // this typed field only as the advanced fallback.
  const folderField = (
    <Field id="bk-folder" label={t('backups.folderLabel')} hint={t('backups.folderHint')} error={capabilities.dialogs ? fieldError : undefined}>
      {(a) => (
        <div className="row">
          <input {...a} className="input" value={folder} onChange={(e) => { setFolder(e.target.value); setFieldError(undefined); }} autoComplete="off" spellCheck={false} />
          {capabilities.dialogs ? (
            <button type="button" className="button" onClick={() => void choose()}>
              {t('backups.folderChoose')}
            </button>
          ) : null}
        </div>
      )}
    </Field>
  );

  return (
    <section className="section card" aria-labelledby="bk-folder-title">
      <h2 id="bk-folder-title">{t('backups.folderTitle')}</h2>
      <p>
        {t('backups.folderNow')} <span className="mono file-path">{settings.folder}</span>
      </p>
      <p className="muted">{settings.custom ? t('backups.folderCustom') : t('backups.folderDefault')}</p>
      <form onSubmit={(e) => void save(e)} noValidate className="form">
        {capabilities.dialogs ? (
          folderField
        ) : (
          <>
            <FolderBrowser id="bk-folder" start={folder || settings.root} onChoose={(dir) => { setFolder(dir); setFieldError(undefined); }} />
            {folder ? (
              <p data-testid="bk-folder-chosen">
                {t('backups.folderLabel')}: <span className="mono file-path">{folder}</span>
              </p>
            ) : null}
            <FormError error={fieldError ?? null} />
            <details className="open-admin__typed">
              <summary>{t('files.folder.typed')}</summary>
              {folderField}
            </details>
          </>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('backups.folderSave')}
          </button>
          {settings.custom ? (
            <button type="button" className="button button--quiet" onClick={() => void reset()} disabled={busy}>
              {t('backups.folderReset')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function BackupTable({ list, checking, onRestored }: { list: BackupListItem[]; checking: boolean; onRestored: () => void }) {
  const { t } = useTranslation();
  const [restoring, setRestoring] = useState<BackupListItem | null>(null);
  return (
    <>
      <p className="result-count">{t('backups.count', { count: list.length })}</p>
      <div className="table-scroll">
        <table className="table" data-testid="backups-table">
          <caption className="visually-hidden">{t('backups.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.date')}</th>
              <th scope="col">{t('backups.kind')}</th>
              <th scope="col" className="num">{t('backups.size')}</th>
              <th scope="col" title={t('backups.headHelp')}>{t('backups.head')}</th>
              <th scope="col">{t('backups.check')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => {
              const when = formatWhen(b.date);
              const damaged = b.verify !== null && !b.verify.ok;
              return (
                <tr key={b.path}>
                  <th scope="row" title={b.path}>{when}</th>
                  <td>{t(`backups.kinds.${b.kind}`)}</td>
                  <td className="num">{formatSize(b.sizeBytes)}</td>
                  <td><code>{b.head ?? '–'}</code></td>
                  <td>
                    {b.verify === null ? (
                      <span className="muted">{checking ? t('backups.checking') : ''}</span>
                    ) : b.verify.ok ? (
                      <span className="badge badge--open">{t('backups.ok')}</span>
                    ) : (
                      <>
                        <span className="badge badge--closed">{t('backups.damaged')}</span>{' '}
                        <span className="muted" data-testid="backup-problem">{b.verify.problems[0] ? serverText(b.verify.problems[0]) : t('backups.damagedHelp')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setRestoring(b)}
                      disabled={damaged}
                      aria-label={t('backups.restoreN', { when })}
                    >
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onRestored={() => { setRestoring(null); onRestored(); }} />
    </>
  );
}

function RestoreDialog({ backup, onClose, onRestored }: { backup: BackupListItem | null; onClose: () => void; onRestored: () => void }) {
  const { t } = useTranslation();
  const { setInfo, booksChanged, announce } = useApp();
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const when = backup ? formatWhen(backup.date) : '';

  useEffect(() => {
    setUnderstood(false);
    setError(null);
  }, [backup]);

  async function restore() {
    if (!backup) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('backups.restore', { path: backup.path });
      setInfo(r.admin);
      booksChanged();
      const safety = r.safetyBackup ? ` ${t('backups.safety')}` : '';
      announce(`${t('backups.restored', { when })}${safety}`, 'success');
      onRestored();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={backup !== null} title={t('backups.confirmTitle', { when })} onClose={onClose} testId="restore-dialog">
      <div className="warning">
        <p>
          <strong>{t('backups.confirm1', { when })}</strong>
        </p>
        <p>{t('backups.confirm2')}</p>
      </div>
      <p>{t('backups.confirm3')}</p>
      <div className="check">
        <input id="bk-understood" type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
        <label htmlFor="bk-understood">{t('backups.understood', { when })}</label>
      </div>
      <FormError error={error} />
      <div className="actions">
        <button type="button" className="button button--danger" disabled={!understood || busy} onClick={() => void restore()}>
          {busy ? t('backups.restoring') : t('backups.confirmYes')}
        </button>
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
