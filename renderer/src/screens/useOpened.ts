import { useTranslation } from 'react-i18next';
import type { AdminInfo } from '../../../shared/api/types';
import { useApp } from '../context';
import { navigate } from '../router';

/** After a file is created, opened or the practice books are opened: show it, and go to its first screen. */
export function useOpened() {
  const { setInfo, announce, booksChanged } = useApp();
  const { t } = useTranslation();
  return (info: AdminInfo, kind: 'created' | 'opened' | 'practice') => {
    setInfo(info);
    booksChanged();
    // A new administration goes on to its opening balance (it may be skipped and done later).
    if (kind === 'created') navigate('opening', { new: 1 });
    else navigate('dashboard');
    announce(t(`welcome.done.${kind}`, { name: info.organisation.name }));
  };
}
