// Bundles the compiled CLI and the browser-mode server, each with its many-file dependencies (zod,
// kysely) into one file: resolving hundreds of small modules dominated `kassa report` start-up, and
// the server's start as well. Native or data-carrying packages (better-sqlite3, pdfkit fonts,
// exceljs) stay external and load from node_modules as usual.
const BUNDLED = ['zod', 'kysely', 'decimal.js'];

const bundle = (input, file, bundled = BUNDLED) => ({
  input,
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !bundled.some((p) => id === p || id.startsWith(`${p}/`)),
  // One file: bin/runBundle.js keeps V8's code cache for it. The dispatcher's lazy import() of each
  // API domain (electron/apiDomains.ts) becomes a lazy require inside it, run only when called.
  output: { file, format: 'cjs', codeSplitting: false, comments: false, charset: 'ascii' },
  logLevel: 'warn',
});

// `kassa report …` runs its own, smaller bundle (bin/kassa.js picks it): the reports read raw SQL,
// so kysely stays out of it and loads from node_modules only for the journal and ledger reports.
export default [
  bundle('dist/electron/cli.js', 'dist/kassa.cjs'),
  bundle('dist/electron/cliReport.js', 'dist/kassa-report.cjs', BUNDLED.filter((p) => p !== 'kysely')),
  bundle('dist/electron/webMain.js', 'dist/web.cjs'),
];
