import type { Conclusion, Outcome, Review, Verdict } from '../../../shared/api/review';
import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import { formatEuro } from '../../../shared/money';
import type { Books } from '../../db/books';
import { cents } from '../grants/report';
import { createPdf, FONT, FONT_BOLD, GREY, PAGE, pdfText } from '../invoices/pdfParts';
import { writeFileGuarded } from '../../files/write';
import { Pack } from '../statements/pdf';
import { getReview } from './reviews';
import { said } from '../../../shared/phrase';

/**
 * "Verslag van de kascommissie" (issue 19): who, when, which year, the checklist with what the app
 * found and what the committee said, the sample, the questions and answers, the conclusion with the
 * proposal to discharge, signature lines, and the head of the history chain so any later change
 * to the books can be proven. Standard PDF fonts only, so the text stays extractable.
 */

export const OUTCOME_NL: Record<Outcome, string> = { ok: 'in orde', fail: 'afwijking', check: 'nakijken', na: 'niet van toepassing' };
export const VERDICT_NL: Record<Verdict, string> = { akkoord: 'akkoord', vraag: 'vraag', niet_akkoord: 'niet akkoord' };
export const CONCLUSION_NL: Record<Conclusion, string> = {
  discharge: 'De kascommissie heeft geen bezwaren gevonden.',
  discharge_with_remarks: 'De kascommissie heeft geen bezwaren gevonden, met de opmerkingen in dit verslag.',
  no_discharge: 'De kascommissie kan de boeken niet goedkeuren.',
};

export function proposalText(r: Review, orgName: string): string {
  return r.conclusion === 'no_discharge'
    ? `De kascommissie stelt het bestuur voor de penningmeester nog geen decharge te verlenen voor het financiële beheer over ${r.year}, totdat de punten in dit verslag zijn opgelost.`
    : `De kascommissie stelt het bestuur van ${orgName} voor de jaarrekening over ${r.year} vast te stellen en de penningmeester decharge te verlenen voor het gevoerde financiële beheer.`;
}

export function headText(r: Review): string {
  const h = r.checklist.head;
  return h ? `${h.count}:${h.hash}` : 'onbekend';
}

export async function exportReviewPdf(books: Books, input: { id?: number | undefined; path: string }): Promise<{ path: string; bytes: number; pages: number }> {
  const r = input.id !== undefined ? await getReview(books, input.id) : ((await getReview(books)) ?? (await latestReview(books)));
  if (!r) throw new KassaError('NOT_FOUND', said('err.review.noneYet', 'Er is nog geen controle door de kascommissie. Begin eerst een controle.'));
  const org = books.raw('SELECT name FROM organisation WHERE id = 1').get() as { name: string };
  const { doc, done } = createPdf(`Verslag van de kascommissie ${r.year} ${org.name}`, org.name);
  const p = new Pack(doc, `${org.name} · Verslag van de kascommissie over ${r.year} · ${r.code}`);
  const width = PAGE.right - PAGE.left;

  p.title(`Verslag van de kascommissie over ${r.year}`, `${org.name} · ${r.code}${r.status === 'active' ? ' · CONCEPT: de controle loopt nog' : r.status === 'stopped' ? ' · gestopt' : ''}`);
  p.paragraph(`Leden van de kascommissie: ${r.reviewers.join(' en ')}.`);
  p.paragraph(`Datum van de controle: ${formatDateNl(r.reviewDate)}. Gecontroleerd boekjaar: ${r.year} (${r.checklist.yearStatus === 'closed' ? 'afgesloten' : 'nog niet afgesloten'}).`);
  p.paragraph(`Kop van de geschiedenis bij dit verslag: ${headText(r)}. Met deze kop kan later worden aangetoond dat de boeken niet meer zijn veranderd.`);

  p.heading('1. Wat is gecontroleerd');
  for (const i of r.checklist.items) {
    p.space(50);
    doc.font(FONT_BOLD).fontSize(10).fillColor('black').text(pdfText(`${i.title}`), PAGE.left, p.y, { width });
    p.y = doc.y + 2;
    p.paragraph(`Het programma vond: ${OUTCOME_NL[i.outcome]}. ${i.summary}`, { size: 9 });
    for (const e of i.evidence.slice(0, 12)) p.paragraph(`- ${e.label}: ${e.value}`, { size: 8.5, grey: true });
    if (i.evidence.length > 12) p.paragraph(`- en nog ${i.evidence.length - 12} andere`, { size: 8.5, grey: true });
    p.paragraph(i.mark ? `Oordeel van de kascommissie: ${VERDICT_NL[i.mark.verdict]}${i.mark.remark ? `. ${i.mark.remark}` : ''} (${i.mark.author})` : 'Oordeel van de kascommissie: niet beoordeeld.', { size: 9 });
  }
  if (r.cashCounts.length > 0) {
    p.paragraph(`Kas geteld: ${r.cashCounts.map((c) => `${c.account} op ${formatDateNl(c.date)}: ${formatEuro(cents(c.amount))} (${c.author})`).join('; ')}.`, { size: 9 });
  }

  p.heading('2. Steekproef');
  p.paragraph(
    `Alle boekingen van ${formatEuro(cents(r.sample.large))} of meer, plus ${r.sample.size} willekeurig gekozen andere boekingen uit ${r.sample.population}. ` +
      `Startgetal van de steekproef: ${r.sample.seed}. Met dit getal kan iedereen dezelfde steekproef opnieuw trekken.`,
    { size: 9 },
  );
  for (const e of r.sample.entries) {
    const mark = e.mark ? `${VERDICT_NL[e.mark.verdict]}${e.mark.remark ? ` - ${e.mark.remark}` : ''}` : 'niet beoordeeld';
    p.paragraph(`${e.ref} · ${formatDateNl(e.date)} · ${e.description} · ${formatEuro(cents(e.amount))}${e.reason === 'large' ? ' (groot)' : ''} · bon: ${e.receipt ? 'ja' : 'nee'} · ${mark}`, { size: 8.5 });
  }

  p.heading('3. Vragen en antwoorden');
  if (r.questions.length === 0) p.paragraph('Er waren geen vragen voor de penningmeester.', { size: 9 });
  for (const q of r.questions) {
    p.paragraph(`Vraag ${q.seq}${q.about ? ` (${q.about})` : ''}: ${q.text} (${q.author})`, { size: 9 });
    p.paragraph(q.answer ? `Antwoord: ${q.answer.text} (${q.answer.author})` : 'Nog geen antwoord.', { size: 9, grey: !q.answer });
  }

  p.heading('4. Conclusie en voorstel aan het bestuur');
  if (r.conclusion) {
    p.paragraph(CONCLUSION_NL[r.conclusion]);
    if (r.conclusionText) p.paragraph(r.conclusionText);
    p.paragraph(proposalText(r, org.name));
  } else {
    p.paragraph(r.status === 'stopped' ? `De controle is gestopt: ${r.conclusionText ?? ''}` : 'De controle is nog niet afgerond. Dit is een concept.');
  }

  p.y += 10;
  p.paragraph('Plaats: ______________________________        Datum: ____________________');
  p.y += 6;
  p.space(80);
  const w = width / Math.max(2, r.reviewers.length);
  r.reviewers.forEach((name, i) => p.signatureLine(`Lid kascommissie: ${name}`, PAGE.left + i * w, w));
  p.y += 70;
  doc.font(FONT).fontSize(8).fillColor(GREY).text(pdfText(`Kop van de geschiedenis: ${headText(r)}`), PAGE.left, p.y, { width });
  doc.fillColor('black');

  const pages = p.footers();
  doc.end();
  const pdf = await done;
  return { ...writeFileGuarded(input.path, pdf), pages };
}

async function latestReview(books: Books): Promise<Review | null> {
  const id = books.raw(`SELECT id FROM reviews ORDER BY year DESC, number DESC LIMIT 1`).pluck().get() as number | undefined;
  return id === undefined ? null : getReview(books, id);
}
