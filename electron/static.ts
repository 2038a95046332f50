import fs from 'node:fs';
import path from 'node:path';

/** Content types of the files a Vite build produces. Anything else is sent as a download type. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
});

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; file: string; contentType: string; index: boolean }
  /** A path with no file behind it and no extension: the single-page app's index.html. */
  | { kind: 'missing' }
  /** Not a path we will ever serve (traversal, odd characters, encoding tricks). */
  | { kind: 'refused' };

/**
 * Map a URL path to a file inside rootDir. Refuses anything that could escape the folder: '..'
 * segments (also percent-encoded), backslashes, NUL bytes, drive letters, and symlinks pointing
 * outside. '/' and extensionless unknown paths give index.html (client-side screens).
 */
export function resolveStatic(rootDir: string, urlPath: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused' };
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded) || /%/.test(decoded) || /^\/[A-Za-z]:/.test(decoded)) return { kind: 'refused' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'refused' };

  const root = path.resolve(rootDir);
  const wantsIndex = segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html');
  const rel = wantsIndex ? 'index.html' : segments.join('/');
  const candidate = path.resolve(root, rel);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return { kind: 'refused' };

  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return path.extname(rel) === '' ? indexOf(root) : { kind: 'missing' };
  }
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return { kind: 'missing' };
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return { kind: 'refused' };
  try {
    if (!fs.statSync(real).isFile()) return path.extname(rel) === '' ? indexOf(root) : { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
  return { kind: 'file', file: real, contentType: contentTypeOf(real), index: wantsIndex };
}

function indexOf(root: string): StaticLookup {
  const file = path.join(root, 'index.html');
  return fs.existsSync(file) ? { kind: 'file', file, contentType: contentTypeOf(file), index: true } : { kind: 'missing' };
}
