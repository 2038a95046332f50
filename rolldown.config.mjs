// Bundles the compiled CLI and the browser-mode server, each with its many-file dependencies (zod,
// kysely) into one file: resolving hundreds of small modules dominated `kassa report` start-up, and
// the server's start as well. Native or data-carrying packages (better-sqlite3, pdfkit fonts,
// exceljs) stay external and load from node_modules as usual.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';

const BUNDLED = ['zod', 'kysely', 'decimal.js'];

/**
 * Beside each bundle, `<bundle>.id`: its content hash with the size and mtime it was taken at.
 * bin/runBundle.js names the code cache by that hash while the bundle's size and mtime still match,
 * so a run needs neither node:crypto nor a hash of the bundle (~10–15 ms of a `kassa report`).
 */
const bundleId = {
  name: 'bundle-id',
  writeBundle(options) {
    const file = options.file;
    const bytes = readFileSync(file);
    const st = statSync(file);
    const hash = createHash('sha1').update(bytes).digest('hex');
    writeFileSync(`${file}.id`, JSON.stringify({ size: st.size, mtimeMs: st.mtimeMs, sha1: hash }) + '\n');
  },
};

const bundle = (input, file, bundled = BUNDLED) => ({
  input,
  platform: 'node',
  plugins: [bundleId],
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !bundled.some((p) => id === p || id.startsWith(`${p}/`)),
  // One file: bin/runBundle.js keeps V8's code cache for it. The dispatcher's lazy import() of each
  // API domain (electron/apiDomains.ts) becomes a lazy require inside it, run only when called.
  output: { file, format: 'cjs', codeSplitting: false, comments: false, charset: 'ascii' },
  logLevel: 'warn',
});

// `kassa report …` runs its own, smaller bundle (bin/kassa.js picks it): the reports read raw SQL,
// so kysely stays out of it and loads from node_modules only for the general ledger's lookup.
// better-sqlite3's JavaScript is in it (a dozen files resolved one by one cost ~20 ms); its native
// addon is named by cliReport.ts, so its `bindings` search (external) never runs from the bundle.
export default [
  bundle('dist/electron/cli.js', 'dist/kassa.cjs'),
  bundle('dist/electron/cliReport.js', 'dist/kassa-report.cjs', [...BUNDLED.filter((p) => p !== 'kysely'), 'better-sqlite3']),
  bundle('dist/electron/webMain.js', 'dist/web.cjs'),
];
