import type { Handler } from '../../handler';
import { defaultSettingsDir } from '../../app/paths';
import { scanOverview } from './scan';

/** The coach's overview: works without an open administration (spread into electron/api.ts). */
export const overviewHandlers: { 'overview.scan': Handler<'overview.scan'> } = {
  'overview.scan': ({ session }, input) =>
    scanOverview(input, { settingsDir: session.options.settingsDir ?? defaultSettingsDir(), open: session.books }),
};
