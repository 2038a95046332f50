import type { GrantsMethodName } from '../../../shared/api/grants';
import type { Handler } from '../../handler';
import { budgetVsActual, getBudget, setBudget, suggestBudget } from './budgets';
import { getCoverage, listProjects, setCoverage } from './coverage';
import { exportBudgetXlsx, exportVerantwoordingXlsx } from './exports';
import { createFund, listFunds, updateFund } from './funds';
import { archiveGrant, createGrant, deleteGrant, getGrant, setBudgetLines, updateGrant } from './grants';
import { grantOptions, grantPostings, grantReport, listGrantSummaries } from './report';
import { yearEndConfirm, yearEndProposal } from './yearEnd';

/** Grants, budgets and coverage plans: contract name -> service call (spread into electron/api.ts). */
export const grantsHandlers: { [M in GrantsMethodName]: Handler<M> } = {
  'funds.list': ({ books }, input) => listFunds(books, input.includeArchived),
  'funds.create': ({ books }, input) => createFund(books, input),
  'funds.update': ({ books }, input) => updateFund(books, input),

  'grants.list': ({ books }, input) => listGrantSummaries(books, input),
  'grants.get': ({ books }, input) => getGrant(books, input.id),
  'grants.create': ({ books }, input) => createGrant(books, input),
  'grants.update': ({ books }, input) => updateGrant(books, input),
  'grants.archive': ({ books }, input) => archiveGrant(books, input.id, input.archived ?? true),
  'grants.delete': ({ books }, input) => deleteGrant(books, input.id),
  'grants.budgetLines.set': ({ books }, input) => setBudgetLines(books, input.grant, input.lines),
  'grants.report': ({ books }, input) => grantReport(books, input),
  'grants.postings': ({ books }, input) => grantPostings(books, input),
  'grants.options': ({ books }, input) => grantOptions(books, input),
  'grants.budgetXlsx': ({ books }, input) => exportBudgetXlsx(books, input),
  'grants.verantwoordingXlsx': ({ books }, input) => exportVerantwoordingXlsx(books, input),
  'grants.yearEndProposal': ({ books }, input) => yearEndProposal(books, input),
  'grants.yearEndConfirm': ({ books }, input) => yearEndConfirm(books, input),

  'budgets.get': ({ books }, input) => getBudget(books, input.year),
  'budgets.set': ({ books }, input) => setBudget(books, input),
  'budgets.suggest': ({ books }, input) => suggestBudget(books, input.year),
  'budgets.vsActual': ({ books }, input) => budgetVsActual(books, input),

  'coverage.projects': ({ books }) => listProjects(books),
  'coverage.get': ({ books }, input) => getCoverage(books, input.project),
  'coverage.set': ({ books }, input) => setCoverage(books, input),
};
