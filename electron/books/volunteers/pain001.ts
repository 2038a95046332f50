import { centsToString } from '../../../shared/money';
import { sepaId, sepaText } from '../../../shared/rules/sepaText';
import { leaf, node, toXmlString, type XmlElement } from '../invoices/xml';

/**
 * SEPA credit transfer initiation, ISO 20022 pain.001.001.03 (the version Dutch banks take for
 * batch payments): one group header, one payment information block (one debtor account, one
 * execution date, batch booking so the bank statement shows one line), one transaction per
 * volunteer. IBAN-only: the debtor's and creditors' BIC are left out (DbtrAgt "NOTPROVIDED"), as
 * the EPC rulebook allows within SEPA. Pure: builds the XML text, writes nothing.
 */

export interface Pain001Transfer {
  endToEndId: string;
  amountCents: number;
  creditorName: string;
  creditorIban: string;
  remittance: string;
}

export interface Pain001Batch {
  messageId: string;
  /** Local date-time, YYYY-MM-DDTHH:MM:SS. */
  createdAt: string;
  executionDate: string;
  debtorName: string;
  debtorIban: string;
  transfers: Pain001Transfer[];
}

export const PAIN001_NS = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

export function pain001Xml(b: Pain001Batch): string {
  // Exact above 2^53 cents too: the bank checks CtrlSum against the sum of the amounts.
  const total = b.transfers.reduce((s, t) => s + BigInt(t.amountCents), 0n);
  const count = String(b.transfers.length);
  const ctrlSum = centsToString(total);
  // A name written wholly outside the SEPA character set would vanish; the bank needs one.
  const debtorName = sepaText(b.debtorName, 70) || 'Stichting';
  const tx = (t: Pain001Transfer): XmlElement | null =>
    node('CdtTrfTxInf', [
      node('PmtId', [leaf('EndToEndId', sepaId(t.endToEndId))]),
      node('Amt', [leaf('InstdAmt', centsToString(t.amountCents), { Ccy: 'EUR' })]),
      node('Cdtr', [leaf('Nm', sepaText(t.creditorName, 70) || 'Vrijwilliger')]),
      node('CdtrAcct', [node('Id', [leaf('IBAN', t.creditorIban)])]),
      node('RmtInf', [leaf('Ustrd', sepaText(t.remittance, 140))]),
    ]);
  const root = node(
    'Document',
    [
      node('CstmrCdtTrfInitn', [
        node('GrpHdr', [
          leaf('MsgId', sepaId(b.messageId)),
          leaf('CreDtTm', b.createdAt),
          leaf('NbOfTxs', count),
          leaf('CtrlSum', ctrlSum),
          node('InitgPty', [leaf('Nm', debtorName)]),
        ]),
        node('PmtInf', [
          leaf('PmtInfId', sepaId(`${b.messageId}-1`)),
          leaf('PmtMtd', 'TRF'),
          leaf('BtchBookg', 'true'),
          leaf('NbOfTxs', count),
          leaf('CtrlSum', ctrlSum),
          node('PmtTpInf', [node('SvcLvl', [leaf('Cd', 'SEPA')])]),
          leaf('ReqdExctnDt', b.executionDate),
          node('Dbtr', [leaf('Nm', debtorName)]),
          node('DbtrAcct', [node('Id', [leaf('IBAN', b.debtorIban)]), leaf('Ccy', 'EUR')]),
          node('DbtrAgt', [node('FinInstnId', [node('Othr', [leaf('Id', 'NOTPROVIDED')])])]),
          leaf('ChrgBr', 'SLEV'),
          ...b.transfers.map(tx),
        ]),
      ]),
    ],
    { xmlns: PAIN001_NS, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' },
  );
  return toXmlString(root!);
}
