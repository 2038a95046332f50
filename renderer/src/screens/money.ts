/** The three everyday money forms as one lazily loaded chunk: see renderer/src/screenTable.ts. */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../screenProps';
import { MoneyInScreen, MoneyOutScreen, TransferScreen } from './MoneyForms';

export const moneyScreens: Record<string, ComponentType<ScreenProps>> = {
  'money-in': MoneyInScreen,
  'money-out': MoneyOutScreen,
  transfer: TransferScreen,
};
