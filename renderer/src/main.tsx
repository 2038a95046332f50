import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initApi } from './api';
import { App } from './App';
import { AppProvider, boot } from './context';
import i18n, { isLanguage, setLanguage } from './i18n';
import './styles.css';

initApi();

const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('#root missing');
const root = createRoot(rootEl);

boot()
  .then((initial) => {
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
  })
  .catch((e: unknown) => {
    root.render(
      <main id="main" className="main main--welcome">
        <h1>{i18n.t('app.name')}</h1>
        <p className="form-error" role="alert">
          {e instanceof Error ? e.message : String(e)}
        </p>
      </main>,
    );
  });
