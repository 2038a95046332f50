/**
 * The books' own screens (journal, ledger, trial balance, manual entry, chart of accounts) as one
 * lazily loaded chunk: see renderer/src/screenTable.ts.
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../screenProps';
import { AccountsScreen } from './Accounts';
import { JournalScreen } from './Journal';
import { LedgerScreen } from './Ledger';
import { ManualEntryScreen } from './manualEntry/ManualEntry';
import { TrialBalanceScreen } from './TrialBalance';

export const bookScreens: Record<string, ComponentType<ScreenProps>> = {
  journal: JournalScreen,
  'manual-entry': ManualEntryScreen,
  ledger: LedgerScreen,
  'trial-balance': TrialBalanceScreen,
  accounts: AccountsScreen,
};
