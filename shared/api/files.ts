import { z } from 'zod';
import { NonEmpty } from './common';
import { field } from './fieldTexts';

/** A path the user chose (Electron's native dialog, the CLI) for a file to read or write. */
export const FilePath = z.string({ error: 'Kies een bestand.' }).trim().min(1, { message: 'Kies een bestand.' }).max(4096);

/**
 * A file the user gives the app: a path on disk (Electron's native dialog, the CLI; the main process
 * reads it) or the bytes as base64 (the browser's file picker or a file dropped on a form). Every
 * import and attachment takes this one shape, so all four doors can hand over a file.
 */
export const FileInput = z.union([
  z.object({ path: FilePath, name: z.string().trim().max(200).optional() }),
  z.object({
    name: NonEmpty(field.aFileName, 200),
    // 20 MiB of base64 is ~28 million characters; the exact size is checked after decoding.
    data: z.string({ error: 'Het bestand ontbreekt.' }).max(40_000_000, { message: 'Het bestand is groter dan 20 MB.' }),
  }),
]);
export type FileInput = z.infer<typeof FileInput>;
