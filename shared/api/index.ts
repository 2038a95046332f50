import { appMethods } from './app';
import { booksMethods } from './books';
import { statementsMethods } from './statements';
import { grantsMethods } from './grants';
import { invoicesMethods } from './invoices';
import { volunteersMethods } from './volunteers';
import { bankMethods } from './bank';
import { backupsMethods } from './backups';
import { openingMethods } from './opening';
import { receiptsMethods } from './receipts';
import { reviewMethods } from './review';
import { overviewMethods } from './overview';
import type { InputOf, OutputOf } from './define';

/**
 * The whole API contract: method name -> input schema + output type. Every door (Electron IPC,
 * browser mode, CLI, tests) validates against this one table before the dispatcher runs a service.
 * Domains add their own table here.
 */
export const contract = {
  ...booksMethods,
  ...appMethods,
  ...grantsMethods,
  ...invoicesMethods,
  ...volunteersMethods,
  ...statementsMethods,
  ...bankMethods,
  ...backupsMethods,
  ...openingMethods,
  ...receiptsMethods,
  ...reviewMethods,
  ...overviewMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ApiInput<M extends MethodName> = InputOf<Contract[M]>;
export type ApiOutput<M extends MethodName> = OutputOf<Contract[M]>;

export function isMethodName(x: unknown): x is MethodName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(contract, x);
}
