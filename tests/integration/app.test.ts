import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminInfo } from '../../shared/api/types';
import { dispatch } from '../../electron/api';
import { createAppSession } from '../../electron/app/handlers';
import { defaultSettingsDir, practicePath } from '../../electron/app/paths';
import { readSettings, settingsFile } from '../../electron/app/settings';
import type { Session } from '../../electron/session';

let dir: string;
let settingsDir: string;
let session: Session;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-app-'));
  settingsDir = path.join(dir, 'settings');
  session = createAppSession({ settingsDir, mode: 'browser' });
});

afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, input: unknown = {}) => dispatch(session, method, input);

describe('app.settings', () => {
  it('gives defaults before anything was saved, without writing a file', async () => {
    expect(await call('app.settings.get')).toEqual({ language: 'nl', hintsEnabled: true, lessonProgress: {}, recentFiles: [], windowBounds: null });
    expect(fs.existsSync(settingsFile(settingsDir))).toBe(false);
  });

  it('saves a change as JSON in the settings folder, and merges lesson progress per lesson', async () => {
    await call('app.settings.set', { language: 'en', lessonProgress: { '01-why-keep-books': { done: true, score: 3 } } });
    await call('app.settings.set', { hintsEnabled: false, lessonProgress: { '02-money-in-out': { done: false } } });
    const stored = JSON.parse(fs.readFileSync(settingsFile(settingsDir), 'utf8'));
    expect(stored).toMatchObject({
      language: 'en',
      hintsEnabled: false,
      lessonProgress: { '01-why-keep-books': { done: true, score: 3 }, '02-money-in-out': { done: false } },
    });
    expect(await call('app.settings.get')).toEqual(stored);
    // No temp files left behind by the atomic write.
    expect(fs.readdirSync(settingsDir)).toEqual(['settings.json']);
  });

  it('refuses invalid settings with a field', async () => {
    await expect(call('app.settings.set', { language: 'fr' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'language' });
    await expect(call('app.settings.set', { windowBounds: { width: 10, height: 10 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('survives a damaged settings file: bad fields fall back, good ones stay', async () => {
    fs.mkdirSync(settingsDir, { recursive: true });
    fs.writeFileSync(settingsFile(settingsDir), JSON.stringify({ language: 'en', hintsEnabled: 'ja', windowBounds: { width: 1000, height: 700 } }));
    expect(readSettings(settingsDir)).toMatchObject({ language: 'en', hintsEnabled: true, windowBounds: { width: 1000, height: 700 } });
    fs.writeFileSync(settingsFile(settingsDir), '{kapot');
    expect(readSettings(settingsDir).language).toBe('nl');
  });

  it('lives in the OS app-data folder by default', () => {
    expect(defaultSettingsDir({ XDG_CONFIG_HOME: '/x/config' }, 'linux')).toBe(path.join('/x/config', 'kijk-op-de-kassa'));
    expect(defaultSettingsDir({ KASSA_SETTINGS_DIR: '/y' }, 'linux')).toBe(path.resolve('/y'));
    expect(defaultSettingsDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'kijk-op-de-kassa'));
  });
});

describe('app.recent', () => {
  it('lists opened and created files, newest first, at most 10, only those that still exist', async () => {
    const files: string[] = [];
    for (let i = 0; i < 12; i++) {
      const file = path.join(dir, `stichting-${i}.kassa`);
      files.push(file);
      await call('admin.create', { path: file, name: `Stichting ${i}`, year: 2025 });
    }
    await call('admin.open', { path: files[3] });
    let recent = (await call('app.recent')) as { path: string; name: string }[];
    expect(recent).toHaveLength(10);
    expect(recent[0]).toEqual({ path: files[3], name: 'stichting-3.kassa' });
    expect(recent[1]!.path).toBe(files[11]);
    expect(new Set(recent.map((r) => r.path)).size).toBe(10);

    session.close();
    fs.rmSync(files[11]!);
    recent = (await call('app.recent')) as { path: string; name: string }[];
    expect(recent.map((r) => r.path)).not.toContain(files[11]);
    expect(recent).toHaveLength(9);
  });
});

describe('app.practice', () => {
  it('creates the practice administration with demo books, marked as practice, kept out of recent files', async () => {
    const t0 = Date.now();
    const info = (await call('app.practice.open')) as AdminInfo;
    const ms = Date.now() - t0;
    expect(info.path).toBe(practicePath(settingsDir));
    expect(info.practice).toBe(true);
    expect(info.organisation.name).toBe('Oefenstichting De Buurt');
    const list = (await call('entries.list', { status: 'posted', limit: 1 })) as { total: number };
    expect(list.total).toBe(400);
    const sqlite = session.books!.sqlite;
    const thisYear = new Date().getFullYear();
    const years = (await call('years.list')) as { year: number; status: string }[];
    expect(years.map((y) => y.year)).toEqual([thisYear - 2, thisYear - 1, thisYear]);
    // No demo entry lies in the future.
    const future = sqlite.prepare(`SELECT COUNT(*) AS n FROM entries WHERE date > ?`).get(new Date().toISOString().slice(0, 10)) as { n: number };
    expect(future.n).toBe(0);
    expect((await call('audit.verify')) as { ok: boolean }).toMatchObject({ ok: true });
    expect(await call('app.recent')).toEqual([]);
    expect(ms).toBeLessThan(10_000);

    // Opening again reuses the same file (and the open session).
    expect(((await call('app.practice.open')) as AdminInfo).path).toBe(info.path);
  });

  it('reset throws away the learner\'s work and starts afresh', async () => {
    await call('app.practice.open');
    const before = (session.books!.sqlite.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n;
    await call('money.spent', { date: `${new Date().getFullYear()}-01-02`, description: 'Oefening: koffie', amount: '3.50', from: '1000', category: '4200' });
    expect((session.books!.sqlite.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n).toBe(before + 1);

    const info = (await call('app.practice.reset')) as AdminInfo;
    expect(info.practice).toBe(true);
    expect((session.books!.sqlite.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n).toBe(before);
  });

  it('reset refuses while another session has the practice administration open', async () => {
    const other = createAppSession({ settingsDir });
    try {
      await dispatch(other, 'app.practice.open', {});
      await expect(call('app.practice.reset')).rejects.toMatchObject({ code: 'FILE_LOCKED' });
      expect(fs.existsSync(practicePath(settingsDir))).toBe(true);
    } finally {
      other.close();
    }
  });
});
