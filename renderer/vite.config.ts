import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { lessonIndex } from './lessonIndexPlugin';
import { preloadStart } from './preloadStart';
import { startChunkName } from './startChunk';

const here = fileURLToPath(new URL('.', import.meta.url));

// The renderer is a static bundle: loaded from file:// by Electron and from 127.0.0.1 in browser
// mode, so every asset path is relative and nothing comes from the network.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), lessonIndex(fileURLToPath(new URL('./lessons', import.meta.url))), preloadStart()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The renderer is code-split (src/screenTable.ts); the largest chunks are the app's first one
    // (start, ~450 kB: React, i18next, the shell and the dashboard) and the lessons' Markdown/YAML
    // (~380 kB). A warning above this says a split has come undone.
    chunkSizeWarningLimit: 480,
    // Chromium and Electron know modulepreload: no polyfill in the first chunk.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Only the modules named: what main.tsx shares with the app must stay in main's chunk.
          includeDependenciesRecursively: false,
          groups: [{ debugName: 'start', name: startChunkName(`${here}src/main.tsx`, `${here}src/start.tsx`) }],
        },
      },
    },
  },
});
