import type { Overview } from '../../../shared/api/overview';
import type { Checklist, Sample } from '../../../shared/api/review';
import { toCsv } from '../../../shared/csv';

/**
 * CSV for `kassa review` and `kassa overview`: one header row, amounts as API decimal strings,
 * so a spreadsheet or a script reads them exactly.
 */

export function reviewCsv(c: Checklist, s: Sample): string {
  return toCsv([
    ['soort', 'sleutel', 'omschrijving', 'uitkomst', 'bedrag', 'toelichting'],
    ...c.items.map((i) => ['checklist', i.key, i.title, i.outcome, null, [i.summary, ...i.evidence.map((e) => `${e.label}: ${e.value}`)].join(' | ')]),
    ...s.entries.map((e) => ['steekproef', e.ref, e.description, e.reason, e.amount, `${e.date}; bon: ${e.receipt ? 'ja' : 'nee'}; startgetal ${s.seed}`]),
  ]);
}

export function overviewCsv(o: Overview): string {
  return toCsv([
    ['bestand', 'naam', 'status', 'laatste boeking', 'inbox', 'dagen sinds afschrift', 'dagen sinds aansluiting', 'kosten zonder bon',
      'vrijwilligers >= 80%', 'subsidies', 'vorig jaar open', 'dagen sinds back-up', 'controle', 'aandacht', 'signalen'],
    ...o.rows.map((r) => [
      r.file, r.name, r.stateMessage ? r.stateMessage.toLowerCase() : r.state, r.lastEntryDate, r.inboxCount, r.daysSinceStatement, r.daysSinceReconciliation,
      r.costsWithoutReceipt, r.volunteersNearLimit, r.grantsAttention, r.previousYearOpen, r.daysSinceBackup, r.verify, r.attention,
      r.signals.map((x) => x.message).join(' | '),
    ]),
  ]);
}
