import fs from 'node:fs';

/**
 * A command's result to stdout with plain synchronous writes: `process.stdout` builds a stream and
 * loads node:stream on first use, a few milliseconds of a report's start (issue 18). A stdout that
 * is non-blocking (EAGAIN) is waited on; a reader that went away (EPIPE) ends the output quietly.
 */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += fs.writeSync(1, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}
