// Child process for the crash test: posts entries forever and reports each committed id on stdout.
// The parent kills it with SIGKILL at a random moment; anything reported must survive.
'use strict';
const path = require('node:path');
const dist = path.resolve(__dirname, '../../../dist');
const { Session } = require(path.join(dist, 'electron/session.js'));
const { dispatch } = require(path.join(dist, 'electron/api.js'));

async function main() {
  const [file, seedArg] = process.argv.slice(2);
  let seed = Number(seedArg) >>> 0;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const session = new Session();
  await dispatch(session, 'admin.open', { path: file });
  process.stdout.write('ready\n');
  for (;;) {
    const cents = 1 + Math.floor(rnd() * 100000);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    const r = await dispatch(session, 'entries.post', {
      date: '2026-03-01',
      description: 'crash test',
      lines: [
        { account: '4200', debit: amount },
        { account: rnd() < 0.5 ? '1100' : '1000', credit: amount },
      ],
    });
    process.stdout.write(`${r.id}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(3);
});
