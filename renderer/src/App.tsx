import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from './api';
import i18n from './i18n';
import { useApp } from './context';
import { hrefFor, navigate, useRoute, type ScreenId } from './router';
import type { ScreenProps } from './screenProps';
import { AccountsScreen } from './screens/Accounts';
import { DashboardScreen } from './screens/Dashboard';
import { JournalScreen } from './screens/Journal';
import { LedgerScreen } from './screens/Ledger';
import { ManualEntryScreen } from './screens/ManualEntry';
import { MoneyInScreen, MoneyOutScreen, TransferScreen } from './screens/MoneyForms';
import { SettingsScreen } from './screens/Settings';
import { TrialBalanceScreen } from './screens/TrialBalance';
import { VOLUNTEER_MENU, volunteerScreens } from './screens/volunteers';
import { GRANTS_MENU, grantScreens } from './screens/grants';
import { INVOICES_MENU, invoiceScreens } from './screens/invoices';
import { STATEMENTS_MENU, statementScreens } from './screens/statements';
import { BACKUPS_MENU_ITEM, backupScreens } from './screens/backups';
import { BANK_MENU, bankScreens } from './screens/bank';
import { OverviewScreen, REVIEW_MENU, reviewScreens } from './screens/review';
import { HelpButton, LESSONS_MENU, LessonPanel, lessonScreens, ScreenHint } from './screens/lessons';
import { WelcomeScreen } from './screens/Welcome';
import { OpeningScreen } from './screens/receipts/OpeningScreen';

/** The screens of the books and where they sit in the menu. Other features add theirs here. */
const SCREENS: Record<string, ComponentType<ScreenProps>> = {
  dashboard: DashboardScreen,
  'money-in': MoneyInScreen,
  'money-out': MoneyOutScreen,
  transfer: TransferScreen,
  journal: JournalScreen,
  'manual-entry': ManualEntryScreen,
  ledger: LedgerScreen,
  'trial-balance': TrialBalanceScreen,
  accounts: AccountsScreen,
  settings: SettingsScreen,
  opening: OpeningScreen,
  ...volunteerScreens,
  ...grantScreens,
  ...invoiceScreens,
  ...statementScreens,
  ...backupScreens,
  ...bankScreens,
  ...reviewScreens,
  ...lessonScreens,
};

const MENU: { group: string; items: ScreenId[] }[] = [
  { group: 'money', items: ['dashboard', 'money-in', 'money-out', 'transfer'] },
  { group: 'entries', items: ['journal', 'manual-entry'] },
  { group: 'reports', items: ['ledger', 'trial-balance'] },
  VOLUNTEER_MENU,
  GRANTS_MENU,
  INVOICES_MENU,
  BANK_MENU,
  STATEMENTS_MENU,
  REVIEW_MENU,
  { group: 'setup', items: ['accounts', 'settings', BACKUPS_MENU_ITEM] },
  LESSONS_MENU,
];

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
  const { info, setInfo, clearMessage, announce } = useApp();
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

  if (!info) return null;
  const screenId = route.screen === 'welcome' ? 'dashboard' : route.screen;
  const Screen = SCREENS[screenId];

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
        <nav id="main-nav" className={`nav${menuOpen ? ' nav--open' : ''}`} aria-label={t('shell.navLabel')}>
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
          {Screen ? (
            <Screen key={screenId} params={route.params} />
          ) : (
            <NotFound />
          )}
        </main>
        <LessonPanel />
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
          <OverviewScreen params={route.params} />
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
          <WelcomeScreen key={mode ?? 'home'} initialMode={mode === 'new' ? 'create' : mode === 'open' ? 'open' : 'home'} />
        </main>
      </div>
    );
  }
  return <Shell />;
}
