import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { lessonIndex } from './lessonIndexPlugin';

const here = fileURLToPath(new URL('.', import.meta.url));

// The renderer is a static bundle: loaded from file:// by Electron and from 127.0.0.1 in browser
// mode, so every asset path is relative and nothing comes from the network.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), lessonIndex(fileURLToPath(new URL('./lessons', import.meta.url)))],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The renderer is code-split (src/screenTable.ts); the largest chunks are the first one (~320 kB)
    // and the lessons' Markdown/YAML (~380 kB). A warning above this says a split has come undone.
    chunkSizeWarningLimit: 400,
  },
});
