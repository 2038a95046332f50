import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sameBytes } from '../../electron/files/sameBytes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-samebytes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

describe('sameBytes', () => {
  // Past one 1 MiB chunk, so a difference in the second chunk is found too.
  const big = Buffer.alloc((1 << 20) + 4097, 7);

  it('is true for equal files, also empty ones', () => {
    expect(sameBytes(file('a', big), file('b', Buffer.from(big)))).toBe(true);
    expect(sameBytes(file('e1', Buffer.alloc(0)), file('e2', Buffer.alloc(0)))).toBe(true);
  });

  it('is false for one byte changed in the last chunk, or another length', () => {
    const changed = Buffer.from(big);
    changed[changed.length - 1] = 8;
    expect(sameBytes(file('c', big), file('d', changed))).toBe(false);
    expect(sameBytes(file('f', big), file('g', big.subarray(1)))).toBe(false);
  });

  it('is false when a file cannot be read', () => {
    expect(sameBytes(file('h', big), path.join(dir, 'missing'))).toBe(false);
    expect(sameBytes(dir, dir)).toBe(false);
  });
});
