// ESLint flat config (eslint 10 + typescript-eslint). `npm run lint`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The few globals plain Node scripts use (no `globals` package needed).
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'structuredClone', 'performance', 'fetch', 'AbortController', 'TextEncoder', 'TextDecoder', 'globalThis', 'queueMicrotask']
    .map((name) => [name, 'readonly']),
);
const commonJsGlobals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

const electronOnly = {
  name: 'electron',
  message: "Only electron/main.ts and electron/preload.ts may import 'electron' (DESIGN.md section 2); electron/ipc.ts gets it injected and imports its types only, and electron/shell takes its types from main.ts. Put Electron-free logic elsewhere, e.g. electron/security.ts.",
};

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'release/', '.electron-native/', 'coverage/', 'tests/e2e/screenshots/', 'tests/bench/out/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Heavy modules (exceljs, pdfkit, the CLI's services) are required lazily inside functions so
    // start-up stays fast; `import type` keeps their types.
    files: ['electron/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // ipc.ts gets the electron module injected (tests pass a fake): types only here. electron/shell
    // imports nothing of 'electron'; its types come through main.ts.
    files: ['electron/ipc.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ ...electronOnly, allowTypeImports: true }] }],
    },
  },
  {
    // The renderer knows nothing of Node: it talks only through window.kassa.call (DESIGN.md section 2).
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, { name: 'better-sqlite3', message: 'The renderer talks to the books only through window.kassa.call.' }, { name: 'kysely', message: 'The renderer talks to the books only through window.kassa.call.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no Node modules.' },
            { group: ['**/electron/**', '../electron', '../../electron'], message: 'The renderer may import shared/, never electron/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
