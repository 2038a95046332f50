import type { StatementsMethodName } from '../../../shared/api/statements';
import type { Handler } from '../../api';
import { anbiReport, setAnbiItem } from './anbi';
import { cashFlow } from './cashFlow';
import { balanceSheet, incomeStatement } from './statements';
import { exportXaf } from './xaf';
import { checkYear, closeFiscalYear, reopenFiscalYear } from './yearEnd';

// exceljs and pdfkit take a second to load: required only when an export runs, so the CLI and
// the app start without them.
/* eslint-disable @typescript-eslint/no-require-imports */
const xlsx = () => require('./xlsx') as typeof import('./xlsx');
const pdf = () => require('./pdf') as typeof import('./pdf');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Statements, year-end and their exports: contract name -> service call (spread into electron/api.ts). */
export const statementsHandlers: { [M in StatementsMethodName]: Handler<M> } = {
  'reports.balanceSheet': ({ books }, input) => balanceSheet(books, input),
  'reports.incomeStatement': ({ books }, input) => incomeStatement(books, input),
  'reports.cashFlow': ({ books }, input) => cashFlow(books, input),
  'reports.anbi': ({ books }, input) => anbiReport(books, input),
  'anbi.setItem': ({ books }, input) => setAnbiItem(books, input),

  'yearEnd.check': ({ books }, input) => checkYear(books, input),
  'yearEnd.close': ({ books }, input) => closeFiscalYear(books, input),
  'yearEnd.reopen': ({ books }, input) => reopenFiscalYear(books, input),

  'statements.xlsx': ({ books }, input) => xlsx().exportStatementsXlsx(books, input),
  'statements.pdf': ({ books }, input) => pdf().exportStatementsPdf(books, input),
  'export.xaf': ({ books }, input) => exportXaf(books, input),
};
