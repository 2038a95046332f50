import { KassaError } from '../../shared/errors';
import { said } from '../../shared/phrase';

/**
 * Turn SQLite failures into the contract's errors. Trigger messages start with our own code
 * (RAISE(ABORT, 'UNBALANCED')), so the database's last line of defence speaks the same language as
 * the code-level checks that normally catch the problem first.
 */
/** SQLite's generic constraint failures (CHECK, NOT NULL, types, foreign keys) in Dutch. */
function constraintError(code: string, msg: string, cause: Record<string, unknown>): KassaError {
  if (code === 'SQLITE_CONSTRAINT_DATATYPE' || /^cannot store (REAL|TEXT|BLOB|INT)/i.test(msg)) {
    return /REAL/.test(msg)
      ? new KassaError('INVALID_AMOUNT', said('err.db.wholeCents', 'Een bedrag moet in hele centen worden opgeslagen. Er is niets opgeslagen.'), { details: cause })
      : new KassaError('INVALID_INPUT', said('err.db.wrongType', 'Een gegeven heeft de verkeerde soort waarde (tekst waar een getal hoort, of andersom). Er is niets opgeslagen.'), { details: cause });
  }
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return new KassaError('INVALID_INPUT', said('err.db.missing', 'Een verplicht gegeven ontbreekt. Er is niets opgeslagen.'), { details: cause });
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new KassaError('INVALID_INPUT', said('err.db.reference', 'Dit verwijst naar iets dat niet (meer) bestaat. Er is niets opgeslagen.'), { details: cause });
  if (code === 'SQLITE_CONSTRAINT_CHECK') {
    return new KassaError('INVALID_INPUT', said('err.db.rule', 'Een gegeven voldoet niet aan de regels van de administratie (bijvoorbeeld een lege naam of een teken dat niet mag). Er is niets opgeslagen.'), { details: cause });
  }
  return new KassaError('INVALID_INPUT', said('err.db.invalid', 'De gegevens kloppen niet. Er is niets opgeslagen.'), { details: cause });
}

export function translateDbError(err: unknown): unknown {
  if (err instanceof KassaError) return err;
  if (!(err instanceof Error)) return err;
  const code = (err as { code?: string }).code ?? '';
  const msg = err.message;
  // SQLite's own text is English and may hold the user's text (with NUL or control characters):
  // kept for a bug report in details, never shown.
  // eslint-disable-next-line no-control-regex
  const cause = { cause: msg.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 500), sqlite: code };
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' || code.startsWith('SQLITE_CONSTRAINT')) {
    if (msg.startsWith('UNBALANCED')) return new KassaError('UNBALANCED', said('err.db.unbalanced', 'De boeking is niet in evenwicht: debet en credit moeten even groot zijn.'));
    if (msg.startsWith('YEAR_CLOSED')) return new KassaError('YEAR_CLOSED', said('err.db.yearClosed', 'Dit boekjaar is afgesloten. Daarin kan niets meer worden geboekt of veranderd.'));
    if (msg.startsWith('NO_OPEN_YEAR')) return new KassaError('NO_OPEN_YEAR', said('err.db.noOpenYear', 'De datum valt niet in een open boekjaar.'));
    if (msg.startsWith('POSTED_IMMUTABLE')) return new KassaError('POSTED_IMMUTABLE', said('err.db.posted', 'Een geboekte boeking kan niet meer worden veranderd of verwijderd. Maak een tegenboeking.'));
    if (msg.startsWith('HAS_POSTINGS')) return new KassaError('HAS_POSTINGS', said('err.db.hasPostings', 'Hierop staan al boekingen. Verwijderen kan niet; u kunt het wel archiveren.'));
    if (msg.startsWith('AUDIT')) return new KassaError('POSTED_IMMUTABLE', said('err.db.auditAppendOnly', 'Het logboek kan alleen worden aangevuld, niet veranderd.'));
    if (msg.startsWith('REVIEW_FINAL')) return new KassaError('POSTED_IMMUTABLE', said('err.db.reviewFixed', 'Wat de kascommissie heeft vastgelegd, kan niet meer worden veranderd. Maak een nieuwe opmerking.'));
    if (msg.startsWith('GRANT_LINK')) return new KassaError('BUDGET_LINE_MISMATCH', said('err.db.budgetLine', 'Deze subsidie of begrotingsregel past niet bij de boeking. Kies een subsidie en een regel van diezelfde subsidie.'));
    if (msg.startsWith('BUDGET_ACCOUNT')) return new KassaError('INVALID_INPUT', said('err.db.budgetAccounts', 'Alleen op opbrengst- en kostenrekeningen kunt u een begroting zetten.'));
    if (msg.startsWith('NOT_GAPLESS')) return new KassaError('CONFLICT', said('err.db.entryNumber', 'Het boekingsnummer sluit niet aan. Probeer het opnieuw.'));
    if (msg.startsWith('AMOUNT_TOO_LARGE')) return new KassaError('INVALID_AMOUNT', said('err.db.amountTooBig', 'Een bedrag is te groot. Het hoogste bedrag op één regel is € 999.999.999,99. Er is niets opgeslagen.'), { details: cause });
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new KassaError('DUPLICATE', said('err.db.duplicate', 'Dit bestaat al.'));
    return constraintError(code, msg, cause);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY')) {
    return new KassaError('FILE_LOCKED', said('err.db.locked', 'Dit bestand is al geopend in een ander venster of programma. Sluit het daar eerst.'));
  }
  if (code === 'SQLITE_FULL') return new KassaError('DISK_FULL', said('err.db.diskFull', 'De schijf is vol. Er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw.'));
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new KassaError('READ_ONLY', said('err.db.readOnly', 'Het bestand kan niet worden opgeslagen: de map of schijf is alleen-lezen.'));
  }
  if (code === 'SQLITE_NOTADB') return new KassaError('NOT_A_KASSA_FILE', said('err.db.notKassa', 'Dit is geen administratiebestand van Kijk op de Kassa.'));
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new KassaError('CORRUPT_FILE', said('err.db.corrupt', 'Het bestand is beschadigd. Zet een back-up terug.'));
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
    return new KassaError('WRITE_FAILED', said('err.db.ioFailed', 'Het bestand kon niet worden gelezen of geschreven. Er is niets veranderd.'));
  }
  return err;
}
