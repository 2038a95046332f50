import { KassaError } from '../../../shared/errors';
import { said } from '../../../shared/phrase';
import type { Books } from '../../db/books';
import { accountForPosting, type AccountRef } from '../accounts';

/**
 * "Paid on the spot" (cash from the kas, or the PIN card) is a fact of a purchase draft, checked
 * when the draft is saved and again when it is finalised (the account may have been archived in
 * between). One check for both, so saving and finalising refuse the same way.
 */
export function checkPaidFrom(
  books: Books,
  draft: { kind: 'sales' | 'purchase'; dueDate: string | null },
  code: string,
): AccountRef {
  if (draft.kind === 'sales') {
    throw new KassaError('INVALID_INPUT', said('err.invoice.salesPaidOnSpot', 'Alleen een inkoopfactuur kan bij het boeken al betaald zijn. Registreer de betaling van een verkoopfactuur als het geld binnen is.'), { field: 'paidFrom' });
  }
  const account = accountForPosting(books, code, 'paidFrom');
  if (account.kind === null) {
    throw new KassaError('INVALID_INPUT', said('err.invoice.paidFromNotMoney', 'Rekening {{code}} ({{name}}) is geen kas of bankrekening. Kies de kas of de bankrekening waarmee u betaalde.', { code, name: account.name }), { field: 'paidFrom' });
  }
  // Nothing is due of what was paid at the till; a due date beside it would say the opposite.
  if (draft.dueDate !== null) {
    throw new KassaError('INVALID_INPUT', said('err.invoice.paidNoDueDate', 'Deze factuur is al betaald en heeft dus geen vervaldatum. Laat de vervaldatum leeg, of kies dat u de factuur later betaalt.'), { field: 'dueDate' });
  }
  return account;
}
