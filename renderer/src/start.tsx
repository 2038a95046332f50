// The app itself, loaded by main.tsx once it has sent the start-up calls (primed.ts).
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';
import { AppProvider, boot, type Boot } from './context';
import i18n, { isLanguage, setLanguage } from './i18n';

/** A stylesheet in, or given up on (it failed, or says nothing within a few seconds). */
function sheetLoaded(link: HTMLLinkElement): Promise<void> {
  if (link.sheet) return Promise.resolve();
  return new Promise((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    window.setTimeout(resolve, 3_000);
  });
}

/**
 * The page parsed and its stylesheets in. main.tsx runs `async` (so the start-up calls need not
 * wait for the stylesheet), which means nothing else waits for them: drawing before the sheets
 * are in would flash an unstyled page.
 */
async function pageReady(): Promise<void> {
  if (document.readyState === 'loading') {
    await new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
  }
  await Promise.all([...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(sheetLoaded));
}

function render(root: Root, initial: Boot): void {
  if (isLanguage(initial.settings.language)) setLanguage(initial.settings.language);
  if (initial.failure && !initial.info) {
    root.render(
      <StrictMode>
        <div className="layout layout--welcome">
          <main id="main" className="main main--welcome">
            <h1>{i18n.t('app.name')}</h1>
            <p className="form-error" role="alert">
              {initial.failure}
            </p>
          </main>
        </div>
      </StrictMode>,
    );
    return;
  }
  root.render(
    <StrictMode>
      <AppProvider initial={initial}>
        <App />
      </AppProvider>
    </StrictMode>,
  );
}

function renderFailure(root: Root, e: unknown): void {
  root.render(
    <main id="main" className="main main--welcome">
      <h1>{i18n.t('app.name')}</h1>
      <p className="form-error" role="alert">
        {e instanceof Error ? e.message : String(e)}
      </p>
    </main>,
  );
}

const booted = boot();
void pageReady().then(() => {
  const rootEl = document.getElementById('root');
  if (!rootEl) throw new Error('#root missing');
  const root = createRoot(rootEl);
  booted.then(
    (initial) => render(root, initial),
    (e: unknown) => renderFailure(root, e),
  );
});
