import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initApi } from './api';
import { App } from './App';
import { AppProvider, boot } from './context';
import i18n, { isLanguage, setLanguage } from './i18n';
// Every stylesheet loads with the first chunk, the feature sheets before the shared one. The shared
// rules win ties of equal specificity (e.g. `.table--compact td` over a feature's `.x td`), as they
// did when the app was one bundle; a lazily loaded screen's own CSS would otherwise come last and
// win, and change tables that looked right before. All of it is ~44 kB, cheap to parse.
import './screens/volunteers/volunteers.css';
import './screens/grants/grants.css';
import './screens/invoices/invoices.css';
import './screens/statements/statements.css';
import './screens/bank/bank.css';
import './screens/review/review.css';
import './screens/lessons/lessons.css';
import './screens/receipts/receipts.css';
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
