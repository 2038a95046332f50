import path from 'node:path';

/**
 * The administration named on a command line (a double-clicked .kassa file, `electron main.js
 * FILE`, or the argv a second launch hands to the first instance). Chromium adds its own switches
 * to argv, so only an argument ending in .kassa counts; the last one wins.
 */
export function fileFromArgv(argv: readonly string[], cwd: string): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    const a = argv[i]!;
    if (a.startsWith('-')) continue;
    if (/\.kassa$/i.test(a)) return path.resolve(cwd, a);
  }
  return undefined;
}
