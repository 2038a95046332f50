import path from 'node:path';
import { KassaError } from '../../shared/errors';

/**
 * File-system errors of writing a file the treasurer chose, in Dutch. Every message says the file
 * was not written, so nobody wonders whether half of it is there (the writer never leaves half).
 */
export function writeError(e: unknown, target: string, field?: string): unknown {
  if (e instanceof KassaError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const name = path.basename(target);
  const opts = field ? { field, details: { cause: String((e as Error)?.message ?? e) } } : { details: { cause: String((e as Error)?.message ?? e) } };
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new KassaError('DISK_FULL', `De schijf is vol. "${name}" is niet geschreven. Maak ruimte vrij of kies een andere plek.`, opts);
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new KassaError('READ_ONLY', `In deze map kan niet worden geschreven: ${path.dirname(target)}. Kies een andere map.`, opts);
    case 'ENOENT':
    case 'ENOTDIR':
      return new KassaError('FILE_NOT_FOUND', `De map ${path.dirname(target)} bestaat niet. Kies een bestaande map.`, opts);
    case 'EISDIR':
      return new KassaError('INVALID_INPUT', `"${name}" is een map. Kies een bestandsnaam.`, opts);
    case 'ENAMETOOLONG':
      return new KassaError('INVALID_INPUT', 'De naam van het bestand of de map is te lang. Kies een kortere naam of een map dichter bij het begin van de schijf.', opts);
    case 'EBUSY':
    case 'ETXTBSY':
      return new KassaError('FILE_LOCKED', `"${name}" is open in een ander programma. Sluit het daar en probeer het opnieuw.`, opts);
    case undefined:
      return e;
    default:
      return new KassaError('WRITE_FAILED', `"${name}" kon niet worden geschreven. Er is niets veranderd.`, opts);
  }
}
