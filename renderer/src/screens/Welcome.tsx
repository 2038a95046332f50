import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { FormError } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { isLanguage } from '../i18n';
import { hrefFor } from '../router';
import { OpenAdministration, RecentFiles, useRecentFiles } from './OpenAdministration';
import { useOpened } from './useOpened';
import { CreateWizard } from './CreateWizard';

type Mode = 'home' | 'create' | 'open';

/** Browser mode: the recent files and the usual folders (the desktop app uses its open dialog). */
function OpenForm({ onCancel }: { onCancel: () => void }) {
  const opened = useOpened();
  return <OpenAdministration onCancel={onCancel} open={async (path) => opened(await call('admin.open', { path }), 'opened')} />;
}

export function WelcomeScreen({ initialMode = 'home' }: { initialMode?: Mode }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(initialMode);
  if (mode === 'create') return <CreateWizard onCancel={() => setMode('home')} />;
  if (mode === 'open') return <OpenForm onCancel={() => setMode('home')} />;
  return <Home onCreate={() => setMode('create')} onOpen={() => setMode('open')} title={t('welcome.title')} />;
}

function LanguagePicker() {
  const { t } = useTranslation();
  const { settings, updateSettings } = useApp();
  return (
    <div className="language-picker">
      <label htmlFor="welcome-language">{t('settings.language')}</label>
      <select
        id="welcome-language"
        className="input input--auto"
        value={settings.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void updateSettings({ language: e.target.value });
        }}
      >
        <option value="nl">Nederlands</option>
        <option value="en">English</option>
      </select>
    </div>
  );
}

function Home({ onCreate, onOpen, title }: { onCreate: () => void; onOpen: () => void; title: string }) {
  const { t } = useTranslation();
  const { capabilities, announce } = useApp();
  const opened = useOpened();
  const recent = useRecentFiles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hasDialogs = Boolean(capabilities.dialogs);

  async function openPath(path: string) {
    setBusy(true);
    setError(null);
    try {
      opened(await call('admin.open', { path }), 'opened');
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      setError(msg);
      announce(msg, 'error');
    } finally {
      setBusy(false);
    }
  }

  async function openWithDialog() {
    if (!hasDialogs) return onOpen();
    try {
      const p = await call('app.dialog.open', { title: t('welcome.open.dialogTitle') });
      if (p) await openPath(p);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function practice() {
    setBusy(true);
    setError(null);
    try {
      opened(await call('app.practice.open', {}), 'practice');
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      setError(msg);
      announce(msg, 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="welcome">
      <LanguagePicker />
      <PageTitle intro={t('welcome.intro')}>{title}</PageTitle>
      <FormError id="welcome-error" error={error} />
      <div className="cards cards--2">
        <section className="card card--action" aria-labelledby="welcome-new">
          <h2 id="welcome-new">{t('welcome.new.title')}</h2>
          <p>{t('welcome.new.text')}</p>
          <button type="button" className="button button--primary" onClick={onCreate} disabled={busy}>
            {t('welcome.new.button')}
          </button>
        </section>
        <section className="card card--action" aria-labelledby="welcome-open">
          <h2 id="welcome-open">{t('welcome.open.title')}</h2>
          <p>{t('welcome.open.text')}</p>
          <button type="button" className="button" onClick={() => void openWithDialog()} disabled={busy}>
            {t('welcome.open.button')}
          </button>
        </section>
        <section className="card card--action" aria-labelledby="welcome-practice">
          <h2 id="welcome-practice">{t('welcome.practice.title')}</h2>
          <p>{t('welcome.practice.text')}</p>
          <button type="button" className="button" onClick={() => void practice()} disabled={busy}>
            {t('welcome.practice.button')}
          </button>
        </section>
        <section className="card" aria-labelledby="welcome-recent">
          <h2 id="welcome-recent">{t('welcome.recent.title')}</h2>
          <RecentFiles files={recent} busy={busy} onChoose={(p) => void openPath(p)} />
        </section>
      </div>
      <p>
        <a href={hrefFor('overview')} data-testid="welcome-overview">{t('welcomeCoach')}</a>
      </p>
    </div>
  );
}
