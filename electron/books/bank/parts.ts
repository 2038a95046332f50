import { said, type Said } from '../../../shared/phrase';

/**
 * The named values of a bank file that a refusal is about ("het bedrag '12,3x' is geen geldig
 * bedrag"), each said as a part of its own. They always start their sentence, so their English has
 * a capital ("The amount") and the Dutch gets one from bankError when no "Regel n: " goes before.
 */
export const BANK_PART = {
  amount: said('err.bankFile.part.amount', 'het bedrag'),
  partAmount: said('err.bankFile.part.partAmount', 'het bedrag van een deelpost'),
  balance: said('err.bankFile.part.balance', 'het saldo'),
  opening: said('err.bankFile.part.opening', 'het beginsaldo'),
  closing: said('err.bankFile.part.closing', 'het eindsaldo'),
  previousClosing: said('err.bankFile.part.previousClosing', 'het vorige eindsaldo'),
  date: said('err.bankFile.part.date', 'de datum'),
  interestDate: said('err.bankFile.part.interestDate', 'de rentedatum'),
  valueDate: said('err.bankFile.part.valueDate', 'de valutadatum'),
} satisfies Record<string, Said>;

export type BankPart = keyof typeof BANK_PART;
