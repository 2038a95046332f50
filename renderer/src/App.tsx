import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from './api';
import { HelpButton } from './components/lessons/HelpButton';
import { LessonPanelSlot } from './components/lessons/LessonPanelSlot';
import { ScreenHint } from './components/lessons/ScreenHint';
import { ScreenBoundary, ScreenLoading } from './components/ScreenLoading';
import i18n from './i18n';
import { useApp } from './context';
import { MENU } from './menu';
import './menuRoutes';
import { followMenuClick, hrefFor, navigate, setScreenLoader, useRoute } from './router';
import { prefetchScreens, screenFor, whenScreenReady } from './screenTable';
import { keptScope } from './keptAnswers';
import type { ScreenProps } from './screenProps';
import './screens/lessons/common';

/** The welcome screen (new or open an administration) shows only when none is open: its own chunk. */
const loadWelcome = () => import('./screens/Welcome');
// Moves in the app wait for a screen's code rather than show "Laden…" (router.ts goWhenReady).
setScreenLoader(whenScreenReady);

const WelcomeScreen = lazy(() => loadWelcome().then((m) => ({ default: m.WelcomeScreen })));

/** Fetch the welcome screen's chunk too, after the screens' own prefetch had its turn (closing a file shows it). */
function prefetchWelcome(): void {
  const w = window as Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };
  const load = () => void loadWelcome().catch(() => undefined);
  window.setTimeout(() => (w.requestIdleCallback ? w.requestIdleCallback(load, { timeout: 2_000 }) : load()), 3_000);
}

/**
 * A route's screen inside the boundary every lazily loaded screen needs: the calm "Laden…" while
 * its chunk loads, a plain message if it cannot load. Keyed by the caller per screen.
 */
function RouteScreen({ id, params }: { id: string } & ScreenProps) {
  const Screen = screenFor(id);
  if (!Screen) return <NotFound />;
  return (
    <ScreenBoundary>
      <Suspense fallback={<ScreenLoading />}>
        <Screen params={params} />
      </Suspense>
    </ScreenBoundary>
  );
}

function Messages() {
  const { message, clearMessage } = useApp();
  const { t } = useTranslation();
  const isError = message?.kind === 'error';
  return (
    <>
      <div className="messages" role="status" aria-live="polite" aria-atomic="true" data-testid="status-message">
        {message && !isError ? (
          <div className={`message message--${message.kind}`} key={message.id}>
            <span className="message__text">{message.text}</span>
            <button type="button" className="button button--quiet button--small" onClick={clearMessage}>
              {t('common.closeMessage')}
            </button>
          </div>
        ) : null}
      </div>
      <div className="messages" role="alert" aria-atomic="true" data-testid="error-message">
        {message && isError && !message.visible ? (
          <span className="visually-hidden" key={message.id}>
            {message.text}
          </span>
        ) : null}
        {message && isError && message.visible ? (
          <div className="message message--error" key={message.id}>
            <span className="message__text">{message.text}</span>
            <button type="button" className="button button--quiet button--small" onClick={clearMessage}>
              {t('common.closeMessage')}
            </button>
          </div>
        ) : null}
      </div>
    </>
  );
}

function PracticeBanner() {
  const { t } = useTranslation();
  return (
    <div className="practice-banner" data-testid="practice-banner">
      <strong>{t('practice.banner')}</strong> {t('practice.bannerMore')}
    </div>
  );
}

function Shell() {
  const { t } = useTranslation();
  const { info, setInfo, clearMessage, announce, booksVersion } = useApp();
  const route = useRoute();
  const [menuOpen, setMenuOpen] = useState(false);
  const lastScreen = useRef(route.screen);

  useEffect(() => {
    if (lastScreen.current !== route.screen) {
      lastScreen.current = route.screen;
      clearMessage();
      setMenuOpen(false);
    }
  }, [route.screen, clearMessage]);

  // Once the shell is up (the dashboard is the usual first screen), fetch the other screens' chunks
  // and the lists they share in idle time, so the first click in the menu does not wait for them.
  const scope = info ? keptScope(info.path, booksVersion) : null;
  useEffect(() => {
    if (scope === null) return;
    prefetchScreens(scope);
    prefetchWelcome();
  }, [scope]);

  if (!info) return null;
  const screenId = route.screen === 'welcome' ? 'dashboard' : route.screen;

  async function closeAdmin() {
    try {
      await call('admin.close', {});
      setInfo(null);
      navigate('welcome');
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    }
  }

  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="header">
        <div className="header__inner">
          <div className="header__brand">
            <span className="header__app">{t('app.name')}</span>
            <span className="header__org" data-testid="org-name">
              {info.organisation.name}
            </span>
          </div>
          <div className="header__actions">
            <HelpButton screen={screenId} />
            <button
              type="button"
              className="button button--quiet menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpen((o) => !o)}
            >
              {t('shell.menu')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => void closeAdmin()}>
              {t('shell.switch')}
            </button>
          </div>
        </div>
        {info.practice ? <PracticeBanner /> : null}
        {info.review ? (
          <div className="practice-banner" data-testid="review-mode-banner">
            <strong>{t('review.banner', { year: info.review.year, code: info.review.code })}</strong>
          </div>
        ) : null}
      </header>
      <div className="body">
        <nav id="main-nav" className={`nav${menuOpen ? ' nav--open' : ''}`} aria-label={t('shell.navLabel')} onClick={followMenuClick}>
          {MENU.map((g) => (
            <div key={g.group} className="nav__group">
              <p className="nav__group-title" id={`nav-${g.group}`}>
                {t(`nav.group.${g.group}`)}
              </p>
              <ul aria-labelledby={`nav-${g.group}`}>
                {g.items.map((id) => (
                  <li key={id}>
                    <a
                      href={hrefFor(id)}
                      className={`nav__link${screenId === id ? ' nav__link--active' : ''}`}
                      aria-current={screenId === id ? 'page' : undefined}
                      data-screen={id}
                    >
                      {t(`nav.${id}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="main" tabIndex={-1} data-screen={screenId}>
          <Messages />
          <ScreenHint key={`hint-${screenId}`} screen={screenId} />
          <RouteScreen key={screenId} id={screenId} params={route.params} />
        </main>
        <LessonPanelSlot />
      </div>
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <a href={hrefFor('dashboard')}>{t('notFound.back')}</a>
      </p>
    </div>
  );
}

/**
 * Commands from the native menu (Electron). 'new' and 'opened' are about the administration and
 * handled here; every command is also re-sent as a window event 'kassa:menu' for other features.
 */
function useMenuCommands() {
  const { info, setInfo, booksChanged, announce } = useApp();
  const infoRef = useRef(info);
  infoRef.current = info;
  useEffect(() => {
    const subscribe = window.kassa?.onMenu;
    if (!subscribe) return;
    return subscribe((raw) => {
      const cmd = raw as { command?: unknown; path?: unknown; reason?: unknown };
      if (cmd.command === 'opened') {
        call('admin.info', {})
          .then((i) => {
            setInfo(i);
            booksChanged();
            navigate('dashboard');
          })
          .catch((e: unknown) => announce(e instanceof Error ? e.message : String(e), 'error'));
      } else if (cmd.command === 'new') {
        const go = () => navigate('welcome', { mode: 'new' });
        if (infoRef.current) {
          call('admin.close', {})
            .then(() => {
              setInfo(null);
              go();
            })
            .catch((e: unknown) => announce(e instanceof Error ? e.message : String(e), 'error'));
        } else go();
      } else if (cmd.command === 'closing') {
        announce(i18n.t(cmd.reason === 'work' ? 'app.closing.work' : 'app.closing.backup'), 'info');
      }
      window.dispatchEvent(new CustomEvent('kassa:menu', { detail: raw }));
    });
  }, [setInfo, booksChanged, announce]);
}

export function App() {
  const { info } = useApp();
  const { t } = useTranslation();
  const route = useRoute();
  useMenuCommands();
  useEffect(() => {
    document.title = info
      ? `${info.organisation.name}${info.practice ? ` (${t('practice.titleSuffix')})` : ''} — ${t('app.name')}`
      : t('app.name');
  }, [info, t]);
  if (!info && route.screen === 'overview') {
    // The coach's overview works before any administration is open.
    return (
      <div className="layout layout--welcome">
        <main id="main" className="main main--welcome" tabIndex={-1}>
          <Messages />
          <RouteScreen id="overview" params={route.params} />
        </main>
      </div>
    );
  }
  if (!info) {
    const mode = route.params.get('mode');
    return (
      <div className="layout layout--welcome">
        <main id="main" className="main main--welcome" tabIndex={-1}>
          <Messages />
          <ScreenBoundary>
            <Suspense fallback={<ScreenLoading />}>
              <WelcomeScreen key={mode ?? 'home'} initialMode={mode === 'new' ? 'create' : mode === 'open' ? 'open' : 'home'} />
            </Suspense>
          </ScreenBoundary>
        </main>
      </div>
    );
  }
  return <Shell />;
}
