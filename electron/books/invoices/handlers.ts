import type { ApiOutput, Contract } from '../../../shared/api';
import type { ParsedInputOf } from '../../../shared/api/define';
import type { invoicesMethods } from '../../../shared/api/invoices';
import type { Books } from '../../db/books';
import type { Session } from '../../session';
import { archiveContact, createContact, getContact, listContacts, updateContact } from './contacts';
import { creditInvoice } from './credit';
import { invoiceAttachment, invoicePdfData, invoicePdfFile, invoiceUblFile, reminderPdfFile } from './documents';
import { deleteDraft, saveDraft } from './drafts';
import { finaliseInvoice } from './finalise';
import { registerPayment, reversePayment } from './payments';
import { getInvoice, listInvoices, openItems } from './queries';
import { getInvoiceSettings, setInvoiceSettings } from './settings';

type InvoiceMethodName = keyof typeof invoicesMethods;
type InvoiceHandler<M extends InvoiceMethodName> = (
  ctx: { session: Session; books: Books },
  input: ParsedInputOf<Contract[M]>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

/** contacts.* and invoices.*: contract name -> service call (spread into electron/api.ts). */
export const invoiceHandlers: { [M in InvoiceMethodName]: InvoiceHandler<M> } = {
  'contacts.list': ({ books }, input) => listContacts(books, input),
  'contacts.get': ({ books }, input) => getContact(books, input.id),
  'contacts.create': ({ books }, input) => createContact(books, input),
  'contacts.update': ({ books }, input) => updateContact(books, input),
  'contacts.archive': ({ books }, input) => archiveContact(books, input.id, input.archived ?? true),

  'invoices.list': ({ books }, input) => listInvoices(books, input),
  'invoices.get': ({ books }, input) => getInvoice(books, input.id),
  'invoices.saveDraft': ({ books }, input) => saveDraft(books, input),
  'invoices.deleteDraft': ({ books }, input) => deleteDraft(books, input.id),
  'invoices.finalise': ({ books }, input) => finaliseInvoice(books, input.id),
  'invoices.credit': ({ books }, input) => creditInvoice(books, input),
  'invoices.pdf': ({ books }, input) => invoicePdfFile(books, input.id, input.path),
  'invoices.pdfData': ({ books }, input) => invoicePdfData(books, input),
  'invoices.ubl': ({ books }, input) => invoiceUblFile(books, input.id, input.path),
  'invoices.attachment': ({ books }, input) => invoiceAttachment(books, input.id, input.path),
  'invoices.registerPayment': ({ books }, input) => registerPayment(books, input),
  'invoices.reversePayment': ({ books }, input) => reversePayment(books, input),
  'invoices.openItems': ({ books }, input) => openItems(books, input),
  'invoices.reminderPdf': ({ books }, input) => reminderPdfFile(books, input),
  'invoices.settings.get': ({ books }) => getInvoiceSettings(books),
  'invoices.settings.set': ({ books }, input) => setInvoiceSettings(books, input),
};
