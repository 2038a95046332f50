/**
 * Security settings of the Electron window and the browser mode, kept in a file that does not
 * import 'electron' so unit tests can check them without an Electron binary.
 */

/** Scheme and host the renderer is served from inside Electron: app://kassa/index.html. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kassa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The one IPC channel for API calls, and the one for menu commands (main -> renderer). */
export const IPC_CALL_CHANNEL = 'kassa:call';
export const IPC_MENU_CHANNEL = 'kassa:menu';

/**
 * Content Security Policy for every page of the app: only our own scripts, styles and images;
 * nothing from the network, no plugins, no framing, no form posts. Same in Electron and browser mode.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "worker-src 'self'",
  // blob: only: the invoice editor shows the real PDF, made by the app itself, in a frame.
  "frame-src blob:",
  "child-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response (Electron's app:// protocol and the browser mode). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
});

/** BrowserWindow webPreferences, minus the preload path (added in main.ts). */
export const WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
});

export function webPreferences(preload: string): typeof WEB_PREFERENCES & { preload: string } {
  return { ...WEB_PREFERENCES, preload };
}

/** will-navigate: the app is one page, so every navigation is refused. */
export function onWillNavigate(event: { preventDefault(): void }, _url: string): void {
  event.preventDefault();
}

/**
 * setWindowOpenHandler: the app never opens a second window of web content. An https link (e.g. to
 * belastingdienst.nl from a lesson) is handed to the user's own browser instead, via openExternal.
 */
export function windowOpenHandler(
  details: { url: string },
  openExternal?: (url: string) => void,
): { action: 'deny' } {
  if (openExternal && isSafeExternalUrl(details.url)) openExternal(details.url);
  return { action: 'deny' };
}

export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** session.setPermissionRequestHandler: camera, microphone, notifications, … are all refused. */
export function permissionRequestHandler(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** session.setPermissionCheckHandler: every permission check says no. */
export function permissionCheckHandler(): boolean {
  return false;
}

/**
 * webRequest.onBeforeRequest: no remote content. Only the app's own pages and inline data may
 * load; http(s), ws(s), ftp, file and everything else are cancelled.
 */
export function isAllowedRequestUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
  return u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:';
}

/** True when an IPC message comes from our own page (app://kassa/…), not from anything else. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
