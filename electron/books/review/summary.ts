import { formatDateNl } from '../../../shared/dates';
import type { Books } from '../../db/books';

/**
 * One paragraph about the kascommissie's finished review of a year, for the statements pack
 * (issue 19): who, when, the conclusion. null when the year has no finished review.
 */
const CONCLUSION: Record<string, string> = {
  discharge: 'geen bezwaren; voorstel om de penningmeester decharge te verlenen',
  discharge_with_remarks: 'geen bezwaren, met opmerkingen; voorstel om de penningmeester decharge te verlenen',
  no_discharge: 'nog geen decharge',
};

export function reviewSummary(books: Books, year: number): string | null {
  const r = books
    .raw(`SELECT id, number, review_date, conclusion FROM reviews WHERE year = ? AND status = 'finished' ORDER BY number DESC LIMIT 1`)
    .get(year) as { id: number; number: number; review_date: string; conclusion: string } | undefined;
  if (!r) return null;
  const names = (books.raw('SELECT name FROM review_reviewers WHERE review_id = ? ORDER BY position').all(r.id) as { name: string }[]).map((x) => x.name);
  return `Controle KC ${year}-${r.number} op ${formatDateNl(r.review_date)} door ${names.join(' en ')}: ${CONCLUSION[r.conclusion] ?? r.conclusion}. Het verslag van de kascommissie hoort bij deze jaarrekening.`;
}
