import type { ModuleInfo } from 'rolldown';

type Info = (id: string) => ModuleInfo | null;

/** Ids of every module `entry` imports statically, itself included. */
function staticGraph(entry: string, info: Info): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(info(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * One chunk for the app that main.tsx loads (src/start.tsx and all it imports statically, but not
 * what main.tsx holds itself): left to itself the bundler cut it into seven files (React, i18n,
 * the context, format, hooks…), shared with the lazy screens. Each is one more request while the
 * browser starts, and over six they wait for a free connection; the screens then import from this
 * one chunk, which is always loaded before them.
 */
export function startChunkName(mainId: string, startId: string): (id: string, ctx: { getModuleInfo: Info }) => string | null {
  let graph: { start: Set<string>; main: Set<string> } | null = null;
  return (id, ctx) => {
    const info: Info = (m) => ctx.getModuleInfo(m);
    graph ??= { start: staticGraph(startId, info), main: staticGraph(mainId, info) };
    return graph.start.has(id) && !graph.main.has(id) ? 'start' : null;
  };
}
