import type { ApiOutput, Contract } from '../../../shared/api';
import type { ParsedInputOf } from '../../../shared/api/define';
import type { volunteersMethods } from '../../../shared/api/volunteers';
import type { Books } from '../../db/books';
import type { Session } from '../../session';
import { overviewXlsx, statementPdf, statementsPdf } from './documents';
import { listLimits, resetLimits, setLimits } from './limits';
import { volunteerOverview } from './overview';
import { attachReceipt, cancelPayment, getReceipt, listPayments, payVolunteer } from './payments';
import { checkPayment } from './check';
import { markPaid } from './payout';
import { archivePerson, createPerson, getPerson, listPersons, updatePerson } from './persons';
import { exportSepa } from './sepa';

type VolunteersMethodName = keyof typeof volunteersMethods;
type VolunteersHandler<M extends VolunteersMethodName> = (
  ctx: { session: Session; books: Books },
  input: ParsedInputOf<Contract[M]>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

/** Issue 5: persons and volunteer payments. Spread into the one method table in electron/api.ts. */
export const volunteersHandlers: { [M in VolunteersMethodName]: VolunteersHandler<M> } = {
  'persons.list': ({ books }, input) => listPersons(books, input),
  'persons.get': ({ books }, input) => getPerson(books, input.id),
  'persons.create': ({ books }, input) => createPerson(books, input),
  'persons.update': ({ books }, input) => updatePerson(books, input),
  'persons.archive': ({ books }, input) => archivePerson(books, input.id, input.archived ?? true),

  'volunteers.check': ({ books }, input) => checkPayment(books, input),
  'volunteers.pay': ({ books }, input) => payVolunteer(books, input),
  'volunteers.payments': ({ books }, input) => listPayments(books, input),
  'volunteers.cancel': ({ books }, input) => cancelPayment(books, input),
  'volunteers.attachReceipt': ({ books }, input) => attachReceipt(books, input),
  'volunteers.receipt': ({ books }, input) => getReceipt(books, input.payment),
  'volunteers.overview': ({ books }, input) => volunteerOverview(books, input.year),
  'volunteers.statementPdf': ({ books }, input) => statementPdf(books, input),
  'volunteers.statementsPdf': ({ books }, input) => statementsPdf(books, input),
  'volunteers.overviewXlsx': ({ books }, input) => overviewXlsx(books, input),
  'volunteers.sepa': ({ books }, input) => exportSepa(books, input),
  'volunteers.markPaid': ({ books }, input) => markPaid(books, input),
  'volunteers.limits.list': ({ books }) => listLimits(books),
  'volunteers.limits.set': ({ books }, input) => setLimits(books, input),
  'volunteers.limits.reset': ({ books }, input) => resetLimits(books, input.year),
};
