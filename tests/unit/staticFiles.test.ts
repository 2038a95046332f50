import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStatic } from '../../electron/static';

let dir: string;
let root: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-static-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), '');
  fs.writeFileSync(path.join(dir, 'outside.txt'), 'x');
  fs.symlinkSync(path.join(dir, 'outside.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('resolveStatic', () => {
  it('maps / and unknown screens to index.html, files to themselves', () => {
    expect(resolveStatic(root, '/')).toMatchObject({ kind: 'file', index: true, file: fs.realpathSync(path.join(root, 'index.html')) });
    expect(resolveStatic(root, '/index.html')).toMatchObject({ kind: 'file', index: true });
    expect(resolveStatic(root, '/boekingen')).toMatchObject({ kind: 'file', index: true });
    expect(resolveStatic(root, '/assets/a.js')).toMatchObject({ kind: 'file', index: false, contentType: 'text/javascript; charset=utf-8' });
    expect(resolveStatic(root, '/assets/b.js')).toEqual({ kind: 'missing' });
  });

  it('refuses traversal in every spelling, and symlinks out of the folder', () => {
    for (const p of ['/../outside.txt', '/assets/../../outside.txt', '/%2e%2e/outside.txt', '/..%2Foutside.txt', '/%252e%252e/outside.txt', '/..\\outside.txt', '/a%00b', '/%E0%A4%A', '/C:/x', '/assets/link.txt', 'assets/a.js']) {
      expect(resolveStatic(root, p).kind, p).not.toBe('file');
    }
  });

  it('knows the content types of a Vite build', () => {
    expect(contentTypeOf('x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('x.woff2')).toBe('font/woff2');
    expect(contentTypeOf('x.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
  });
});
