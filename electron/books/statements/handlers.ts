import type { StatementsMethodName } from '../../../shared/api/statements';
import type { Handler } from '../../handler';
import { getAllocation, setKeys, setObjectives } from './allocation';
import { anbiReport, setAnbiItem } from './anbi';
import { cashFlow } from './cashFlow';
import { balanceSheet, incomeStatement } from './statements';
import { exportStatementsPdf } from './pdf';
import { exportXaf } from './xaf';
import { exportStatementsXlsx } from './xlsx';
import { closeFiscalYear, reopenFiscalYear } from './yearEnd';
import { checkYear } from './yearEndCheck';

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

  'statements.xlsx': ({ books }, input) => exportStatementsXlsx(books, input),
  'statements.pdf': ({ books }, input) => exportStatementsPdf(books, input),
  'export.xaf': ({ books }, input) => exportXaf(books, input),

  'allocation.get': ({ books }, input) => getAllocation(books, input.year),
  'allocation.setObjectives': ({ books }, input) => setObjectives(books, input),
  'allocation.setKeys': ({ books }, input) => setKeys(books, input),
};
