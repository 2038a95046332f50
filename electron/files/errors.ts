import path from 'node:path';
import { KassaError } from '../../shared/errors';
import { said } from '../../shared/phrase';

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
      return new KassaError('DISK_FULL', said('err.file.diskFullNamed', 'De schijf is vol. "{{name}}" is niet geschreven. Maak ruimte vrij of kies een andere plek.', { name }), opts);
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new KassaError('READ_ONLY', said('err.file.folderReadOnly', 'In deze map kan niet worden geschreven: {{path}}. Kies een andere map.', { path: path.dirname(target) }), opts);
    case 'ENOENT':
    case 'ENOTDIR':
      return new KassaError('FILE_NOT_FOUND', said('err.file.folderNotFoundExisting', 'De map {{path}} bestaat niet. Kies een bestaande map.', { path: path.dirname(target) }), opts);
    case 'EISDIR':
      return new KassaError('INVALID_INPUT', said('err.file.isFolderChooseName', '"{{name}}" is een map. Kies een bestandsnaam.', { name }), opts);
    case 'ENAMETOOLONG':
      return new KassaError('INVALID_INPUT', said('err.file.pathTooLong', 'De naam van het bestand of de map is te lang. Kies een kortere naam of een map dichter bij het begin van de schijf.'), opts);
    case 'EBUSY':
    case 'ETXTBSY':
      return new KassaError('FILE_LOCKED', said('err.file.openElsewhere', '"{{name}}" is open in een ander programma. Sluit het daar en probeer het opnieuw.', { name }), opts);
    case undefined:
      return e;
    default:
      return new KassaError('WRITE_FAILED', said('err.file.writeFailed', '"{{name}}" kon niet worden geschreven. Er is niets veranderd.', { name }), opts);
  }
}
