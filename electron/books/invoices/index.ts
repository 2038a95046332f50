/** The invoice document layer: UBL e-invoice, PDF invoice and reminder, EPC QR image. */
export { invoiceToUbl, ublProblems, PEPPOL_CUSTOMIZATION_ID, PEPPOL_PROFILE_ID } from './ubl';
export { renderInvoicePdf, renderReminderPdf, qrRemittance, type InvoicePdfDocument, type ReminderDocument, type ReminderInvoice } from './pdf';
export { epcQrPng } from './qr';
