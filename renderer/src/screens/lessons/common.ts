/** Registers the lesson texts (under "lessons" and "nav") into the app's one i18n namespace, and the styles. */
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';

i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
