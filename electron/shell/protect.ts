import fs from 'node:fs';
import {
  APP_HOST, APP_SCHEME, CSP, SECURITY_HEADERS, isAllowedRequestUrl, onWillNavigate,
  permissionCheckHandler, permissionRequestHandler, windowOpenHandler,
} from '../security';
import { resolveStatic } from '../static';
import type { ElectronModule } from './types';

/**
 * The protections of the Electron door that are not settings of one window: the app:// protocol,
 * the session's permission and request filters, and the rules for every web contents ever made.
 */

/** Before app ready: app:// behaves like a secure, standard origin (fetch, CSP 'self'). */
export function registerScheme(electron: ElectronModule): void {
  electron.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serve rendererDir on app://kassa/ with the security headers; nothing outside that folder. */
export function registerAppProtocol(electron: ElectronModule, rendererDir: string): void {
  electron.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response(null, { status: 404, headers });
    const lookup = resolveStatic(rendererDir, url.pathname);
    if (lookup.kind !== 'file') {
      const notBuilt = url.pathname === '/' || url.pathname === '/index.html';
      const body = notBuilt ? 'De schermen van het programma zijn nog niet gebouwd. Voer eerst "npm run build" uit.' : 'Niet gevonden.';
      return new Response(body, { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const data = await fs.promises.readFile(lookup.file);
    return new Response(new Uint8Array(data), { status: 200, headers: { ...headers, 'Content-Type': lookup.contentType } });
  });
}

/** No permission is ever granted, nothing remote is loaded, and every response carries the CSP. */
export function hardenSessions(electron: ElectronModule): void {
  const ses = electron.session.defaultSession;
  ses.setPermissionRequestHandler(permissionRequestHandler);
  ses.setPermissionCheckHandler(permissionCheckHandler);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
}

/** Every web contents (windows, and anything a page might try to make): no navigation, no new windows, no webviews. */
export function guardWebContents(electron: ElectronModule): void {
  electron.app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', onWillNavigate);
    contents.on('will-redirect', onWillNavigate);
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler((details) => windowOpenHandler(details, (url) => void electron.shell.openExternal(url)));
  });
}
