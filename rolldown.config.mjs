// Bundles the compiled CLI with its many-file dependencies (zod, kysely) into one file: resolving
// hundreds of small modules dominated `kassa report` start-up. Native or data-carrying packages
// (better-sqlite3, pdfkit fonts, exceljs) stay external and load from node_modules as usual.
const BUNDLED = ['zod', 'kysely', 'decimal.js'];

export default {
  input: 'dist/electron/cli.js',
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !BUNDLED.some((p) => id === p || id.startsWith(`${p}/`)),
  // One file: bin/kassa.js keeps V8's code cache for it. The dispatcher's lazy import() of each API
  // domain (electron/apiDomains.ts) becomes a lazy require inside it, run only when called.
  output: { file: 'dist/kassa.cjs', format: 'cjs', codeSplitting: false, comments: false, charset: 'ascii' },
  logLevel: 'warn',
};
