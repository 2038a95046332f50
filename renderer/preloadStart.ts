import type { Plugin } from 'vite';

/**
 * main.tsx loads the app (src/start.tsx) with import(), after it has sent the start-up calls.
 * Vite preloads only the entry's static imports from index.html, so the app's chunks would be
 * requested only once the entry has run: a waterfall. This adds <link rel="modulepreload"> for
 * the chunk that holds start.tsx and every chunk it imports statically, so the browser fetches and compiles them
 * beside the entry; the import() then finds them ready.
 */
export function preloadStart(entry = 'src/start.tsx'): Plugin {
  return {
    name: 'kassa-preload-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const start = chunks.find((c) => c.moduleIds.some((id) => id.replace(/\\/g, '/').endsWith(`/${entry}`)));
        if (!start) throw new Error(`preloadStart: no chunk for ${entry}`);
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const order: string[] = [];
        const visit = (file: string) => {
          if (order.includes(file)) return;
          order.push(file);
          for (const dep of byName.get(file)?.imports ?? []) visit(dep);
        };
        visit(start.fileName);
        const links = order
          .filter((f) => !html.includes(`"./${f}"`))
          .map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`)
          .join('\n    ');
        // `async`: a module script without it waits for the stylesheet before it runs, and the
        // start-up calls with it; start.tsx waits for the stylesheet itself before it draws.
        const entryTag = /<script type="module" crossorigin src=/;
        if (!entryTag.test(html)) throw new Error('preloadStart: no entry script in index.html');
        // Before the stylesheet, like Vite's own preloads of the entry's imports.
        return html
          .replace(entryTag, '<script type="module" async crossorigin src=')
          .replace(/(\s*)<link rel="stylesheet"/, `$1${links}$1<link rel="stylesheet"`);
      },
    },
  };
}
