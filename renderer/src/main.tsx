// The first script chunk, kept tiny: it sends the calls the first screen needs (primed.ts) at once,
// so the server answers them while the browser still fetches and compiles React and the app
// (start.tsx; index.html preloads its chunks, renderer/preloadStart.ts). On 100,000 entries that
// takes the dashboard's round trip off the start.
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
import { prepareEuroFormat } from '../../shared/moneyText';
import { primeBoot } from './primed';

primeBoot();
void import('./start');
// While the app's chunk still arrives: the dashboard's first figure would build it otherwise.
prepareEuroFormat();

