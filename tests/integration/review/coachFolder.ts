/**
 * A coach's folder of five administrations in different states (issue 19), shared by the overview's
 * integration test and its end-to-end test: one open elsewhere (its session is returned, holding
 * the lock), one of an older schema version, one with volunteers near their yearly limit, one with
 * an unreconciled bank, one clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../../electron/api';
import { Session } from '../../../electron/session';
import { ROOT } from '../helpers';

export interface CoachFolder {
  dir: string;
  settingsDir: string;
  files: { inUse: string; older: string; volunteers: string; bank: string; clean: string };
  /** The session that keeps "in gebruik" open; close it when done. */
  holder: Session;
}

async function create(file: string, name: string, settingsDir: string, year: number, extra: Record<string, unknown> = {}): Promise<Session> {
  const session = new Session({ settingsDir });
  await dispatch(session, 'admin.create', { path: file, name, year, ...extra });
  session.books!.sqlite.pragma('synchronous = OFF');
  return session;
}

export async function makeCoachFolder(dir: string, settingsDir: string): Promise<CoachFolder> {
  const year = new Date().getFullYear();
  const files = {
    inUse: path.join(dir, 'Buurthuis De Linde.kassa'),
    older: path.join(dir, 'Naaiatelier Oost.kassa'),
    volunteers: path.join(dir, 'Huiswerkklas Noord.kassa'),
    bank: path.join(dir, 'Taalcafe De Brug.kassa'),
    clean: path.join(dir, 'Vrouwennetwerk Zuid.kassa'),
  };
  fs.copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'schema', 'v6.kassa'), files.older);

  const clean = await create(files.clean, 'Stichting Vrouwennetwerk Zuid', settingsDir, year);
  await dispatch(clean, 'money.received', { date: `${year}-01-15`, description: 'Gift', amount: '40.00', into: '1000', category: '8000' });
  await dispatch(clean, 'backups.create', {});
  clean.close();

  const vol = await create(files.volunteers, 'Stichting Huiswerkklas Noord', settingsDir, year);
  await dispatch(vol, 'money.received', { date: `${year}-01-02`, description: 'Bijdrage', amount: '2500.00', into: '1000', category: '8300' });
  const p = (await dispatch(vol, 'persons.create', { name: 'Fatima El Amrani', birthDate: '1980-05-31' })) as { id: number };
  for (let m = 1; m <= 9; m++) {
    await dispatch(vol, 'volunteers.pay', { person: p.id, date: `${year}-${String(m).padStart(2, '0')}-10`, amount: '200.00', kind: 'fee', description: `Maand ${m}`, payFrom: '1000' });
  }
  await dispatch(vol, 'backups.create', {});
  vol.close();

  const bank = await create(files.bank, 'Stichting Taalcafé De Brug', settingsDir, year, { iban: 'NL36INGB0007654321' });
  await dispatch(bank, 'bank.import', { path: path.join(ROOT, 'tests', 'fixtures', 'bank', 'camt053-001-02-ing.xml') });
  await dispatch(bank, 'backups.create', {});
  bank.close();

  const holder = await create(files.inUse, 'Stichting Buurthuis De Linde', settingsDir, year);
  await dispatch(holder, 'money.received', { date: `${year}-01-15`, description: 'Gift', amount: '10.00', into: '1000', category: '8000' });
  return { dir, settingsDir, files, holder };
}
