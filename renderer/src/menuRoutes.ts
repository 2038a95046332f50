/**
 * Native-menu commands that only open a screen. App.tsx re-sends every native menu command as a
 * 'kassa:menu' window event; these are answered here, in the first chunk, because the screens they
 * open are loaded lazily and cannot listen before they are loaded.
 *   'backup'  -> the backup screen with ?maak=1, which makes a backup and shows the result
 *   'lessons' -> the list of lessons
 */
import { navigate } from './router';

if (typeof window !== 'undefined') {
  window.addEventListener('kassa:menu', (event) => {
    const detail = (event as CustomEvent<unknown>).detail as { command?: unknown } | null;
    if (detail?.command === 'backup') navigate('backups', { maak: 1 });
    else if (detail?.command === 'lessons') navigate('lessons');
  });
}
