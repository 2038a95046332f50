// Bundles the compiled CLI and the browser-mode server, each with its many-file dependencies (zod,
// kysely) into one file: resolving hundreds of small modules dominated `kassa report` start-up, and
// the server's start as well. Native or data-carrying packages (better-sqlite3, pdfkit fonts,
// exceljs) stay external and load from node_modules as usual.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const BUNDLED = ['zod', 'kysely', 'decimal.js'];

/**
 * Beside each bundle, `<bundle>.id`: its content hash with the size and mtime it was taken at.
 * bin/runBundle.js names the code cache by that hash while the bundle's size and mtime still match,
 * so a run needs neither node:crypto nor a hash of the bundle (~10–15 ms of a `kassa report`).
 */
const bundleId = {
  name: 'bundle-id',
  writeBundle(options, output) {
    const files = options.file ? [options.file] : Object.keys(output).filter((f) => f.endsWith('.cjs')).map((f) => path.join(options.dir, f));
    for (const file of files) {
      const bytes = readFileSync(file);
      const st = statSync(file);
      const hash = createHash('sha1').update(bytes).digest('hex');
      // ascii: the bundle can be read as latin1 without checking it again at each start.
      writeFileSync(`${file}.id`, JSON.stringify({ size: st.size, mtimeMs: st.mtimeMs, sha1: hash, ascii: isAscii(bytes) }) + '\n');
    }
  },
};

/**
 * zod's CommonJS build requires all of its ~50 locales (about 400 kB) when loaded, for `z.locales`;
 * the app uses only `nl` (shared/api/common.ts) and zod itself `en`. In each bundle its
 * locales index is replaced by one that holds those two and loads any other from node_modules
 * when first asked for, so `z.locales` still has every locale.
 */
const ZOD_LOCALES_INDEX = /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.cjs$/;
const slimZodLocales = {
  name: 'slim-zod-locales',
  async resolveId(source, importer, options) {
    if (!importer || !source.endsWith('locales/index.cjs') || !/[\\/]zod[\\/]/.test(importer)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && ZOD_LOCALES_INDEX.test(resolved.id) ? `\0zod-locales:${resolved.id}` : null;
  },
  load(id) {
    if (!id.startsWith('\0zod-locales:')) return null;
    const index = id.slice('\0zod-locales:'.length);
    const text = readFileSync(index, 'utf8');
    // index.cjs: `var de_js_1 = require("./de.cjs");` then `…(exports, "de", … __importDefault(de_js_1).default …`.
    const fileOf = new Map([...text.matchAll(/var (\w+) = require\("\.\/([\w-]+\.cjs)"\)/g)].map((m) => [m[1], m[2]]));
    const locales = [...text.matchAll(/defineProperty\(exports, "(\w+)",[^\n]*__importDefault\((\w+)\)\.default/g)].map((m) => [m[1], fileOf.get(m[2])]);
    if (locales.length < 40 || locales.some(([, f]) => !f) || !locales.some(([n]) => n === 'nl') || !locales.some(([n]) => n === 'en')) {
      throw new Error(`slim-zod-locales: ${index} no longer has the expected form; update rolldown.config.mjs`);
    }
    const dir = path.dirname(index);
    const bundled = ['en', 'nl'].map((n) => `${n}: require(${JSON.stringify(path.join(dir, locales.find(([m]) => m === n)[1]))})`);
    return [
      '"use strict";',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      `const bundled = { ${bundled.join(', ')} };`,
      // A require with a computed name stays a runtime require: the other locales are not bundled.
      'const later = (file) => require("zod/v4/locales/" + file);',
      `for (const [name, file] of ${JSON.stringify(locales)}) {`,
      // As index.cjs's __importDefault: a locale module's exports are its function.
      '  Object.defineProperty(exports, name, { enumerable: true, get: () => { const m = bundled[name] ?? later(file); return m && m.__esModule ? m.default : m; } });',
      '}',
    ].join('\n');
  },
};

const bundle = (input, file, bundled = BUNDLED, plugins = []) => ({
  input,
  platform: 'node',
  plugins: [...plugins, bundleId],
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
/**
 * The report bundle in chunks: dist/kassa-report.cjs (the command), kassa-report-core.cjs (all it
 * loads at start: the schemas, the trial balance and the dashboard, opening a file) and
 * kassa-report-more.cjs (what only other reports or an older file need: the statements, the
 * ledger and journal, migrations). bin/runBundle.js runs each chunk with a code cache of its own
 * when it is first required, so the trial balance never reads the other ~400 kB.
 */
const notEntry = (id) => !/[\\/]electron[\\/]cliReport\.js$/.test(id);
const reportBundle = () => {
  const b = bundle('dist/electron/cliReport.js', 'dist/kassa-report.cjs', [...BUNDLED.filter((p) => p !== 'kysely'), 'better-sqlite3'], [slimZodLocales]);
  const { file: _file, codeSplitting: _split, ...output } = b.output;
  return {
    ...b,
    output: {
      ...output,
      dir: 'dist',
      entryFileNames: 'kassa-report.cjs',
      chunkFileNames: 'kassa-report-[name].cjs',
      codeSplitting: {
        groups: [
          { name: 'core', tags: ['$initial'], test: notEntry, priority: 2 },
          { name: 'more', test: notEntry, priority: 1 },
        ],
      },
    },
  };
};

export default [
  // zod with its nl and en locales only in each bundle: the other ~50 cost every start ~15-20 ms.
  bundle('dist/electron/cli.js', 'dist/kassa.cjs', BUNDLED, [slimZodLocales]),
  reportBundle(),
  bundle('dist/electron/webMain.js', 'dist/web.cjs', BUNDLED, [slimZodLocales]),
];
