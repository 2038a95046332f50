/**
 * Texts of the receipts and the opening balance (issue 18), merged into the app's i18n under
 * "receipts" and "opening" when any of their pieces is imported.
 */
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';

i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
