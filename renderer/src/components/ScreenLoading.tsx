import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the main area shows while a screen's chunk loads. It keeps the height of a screen so the
 * page does not jump, and its text only fades in after a moment (styles.css), so the usual short
 * wait shows nothing at all. aria-busy tells assistive technology (and the e2e tests' settle
 * helpers) that the main area is not ready yet.
 */
export function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <div className="screen-loading" data-testid="screen-loading" aria-busy="true">
      <p className="screen-loading__text">{t('shell.loadingScreen')}</p>
    </div>
  );
}

function ScreenLoadFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" data-testid="screen-load-failed">
      <h1>{t('shell.loadFailed.title')}</h1>
      <p>{t('shell.loadFailed.text')}</p>
    </div>
  );
}

/**
 * A screen's chunk that cannot be loaded (files replaced by an update while the app ran) gives a
 * plain message in the main area instead of an empty window. Keyed per screen by the shell, so
 * opening another screen tries again.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <ScreenLoadFailed /> : this.props.children;
  }
}
