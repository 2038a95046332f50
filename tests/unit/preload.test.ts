import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_MENU_CHANNEL } from '../../electron/security';

/** The sandboxed preload, run against a fake contextBridge/ipcRenderer: what the page can reach. */

const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
const invoked: unknown[][] = [];
const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { result: 'ok' };
    },
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, fn),
  },
}));

beforeAll(async () => {
  await import('../../electron/preload.js');
});

describe('preload', () => {
  it('exposes only kassa.call and kassa.onMenu', () => {
    expect([...exposed.keys()]).toEqual(['kassa']);
    expect(Object.keys(exposed.get('kassa')!)).toEqual(['call', 'onMenu']);
    expect([...listeners.keys()]).toEqual([IPC_MENU_CHANNEL]);
  });

  it('sends every call over the one channel, with the method name as a string', async () => {
    const { call } = exposed.get('kassa')!;
    expect(await call!('admin.info', {})).toEqual({ result: 'ok' });
    await call!({ toString: () => 'app.capabilities' }, undefined);
    expect(invoked).toEqual([
      [IPC_CALL_CHANNEL, 'admin.info', {}],
      [IPC_CALL_CHANNEL, 'app.capabilities', undefined],
    ]);
  });

  it('keeps menu commands until the page subscribes, then delivers to one subscriber', () => {
    const { onMenu } = exposed.get('kassa')!;
    const push = listeners.get(IPC_MENU_CHANNEL)!;
    push({}, { command: 'closing', reason: 'backup' });
    const got: unknown[] = [];
    const off = onMenu!((c: unknown) => got.push(c)) as () => void;
    push({}, { command: 'lessons' });
    expect(got).toEqual([{ command: 'closing', reason: 'backup' }, { command: 'lessons' }]);
    off();
    push({}, { command: 'backup' });
    expect(got).toHaveLength(2);
    expect((onMenu!('not a function') as () => void)()).toBeUndefined();
  });
});
