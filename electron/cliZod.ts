import { z } from 'zod';

/**
 * First of the report bundle's imports (cliReport.ts), before any schema is built: a report parses
 * one or two small inputs, so zod's compiled fast path (a `new Function` per object schema, and a
 * probe whether eval is allowed) costs more than it saves. Same schemas, same results.
 */
z.config({ jitless: true });
