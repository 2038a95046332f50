import { spawn } from 'node:child_process';
import { isKassaErrorData, KassaError } from '../shared/errors';
import { startWebServer } from './web';

/**
 * `node dist/electron/webMain.js [FILE] [--port N] [--no-open] [--settings DIR]`: start the browser
 * mode, print its address on one line and open it in the default browser.
 */

interface Args {
  file?: string;
  port: number;
  open: boolean;
  settingsDir?: string;
}

const USAGE = 'Gebruik: node dist/electron/webMain.js [BESTAND.kassa] [--port N] [--no-open] [--settings MAP]';

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

export function parseArgs(argv: string[]): Args {
  const out: Args = { port: 0, open: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') usage(`Bij ${a.split('=')[0]} hoort een waarde.`);
      return v;
    };
    if (a === '--no-open') out.open = false;
    else if (a === '--port' || a.startsWith('--port=')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) usage('De poort moet een getal van 0 tot en met 65535 zijn.');
      out.port = n;
    } else if (a === '--settings' || a.startsWith('--settings=')) out.settingsDir = value();
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('-')) usage(`Onbekende optie: ${a}`);
    else if (out.file === undefined) out.file = a;
    else usage('Geef maar één bestand op.');
  }
  return out;
}

/** Open the address in the default browser; quietly does nothing where that is not possible. */
export function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    /* no browser here: the printed address is enough */
  }
}

/** The browser mode's start: scripts/start.mjs calls it in its own process (from dist/web.cjs). */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const args = parseArgs(argv);
  let server;
  try {
    server = await startWebServer({
      port: args.port,
      ...(args.file ? { file: args.file } : {}),
      ...(args.settingsDir ? { settingsDir: args.settingsDir } : {}),
    });
  } catch (e) {
    const message = e instanceof KassaError || isKassaErrorData(e) ? e.message : String((e as Error)?.message ?? e);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Kijk op de Kassa draait in de browser op ${server.url}\n`);
  if (args.open && process.env.CI !== 'true' && process.env.CI !== '1') openInBrowser(server.url);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) void main();
