// Bundles the compiled CLI and the browser-mode server, each with its many-file dependencies (zod,
// kysely) into one file: resolving hundreds of small modules dominated `kassa report` start-up, and
// the server's start as well. Native or data-carrying packages (better-sqlite3, pdfkit fonts,
// exceljs) stay external and load from node_modules as usual.
const BUNDLED = ['zod', 'kysely', 'decimal.js'];

const bundle = (input, file) => ({
  input,
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !BUNDLED.some((p) => id === p || id.startsWith(`${p}/`)),
  // One file: bin/runBundle.js keeps V8's code cache for it. The dispatcher's lazy import() of each
  // API domain (electron/apiDomains.ts) becomes a lazy require inside it, run only when called.
  output: { file, format: 'cjs', codeSplitting: false, comments: false, charset: 'ascii' },
  logLevel: 'warn',
});

export default [bundle('dist/electron/cli.js', 'dist/kassa.cjs'), bundle('dist/electron/webMain.js', 'dist/web.cjs')];
