// How long /wachtwoord-vergeten takes for a known and for an unknown address (PGlite, no jobs:
// mail goes to the outbox folder). A difference tells an attacker which addresses have an
// account. Run: NODE_ENV=test node --import tsx bench/password-reset-timing.ts [rounds]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFixtures, createTestApp, testConfig, TestClient } from '../test/support/app.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { hashPassword } from '../src/modules/accounts/services/passwords.ts';
import { insertMembership } from '../src/modules/accounts/repository/memberships.ts';
import { insertPerson } from '../src/modules/accounts/repository/people.ts';

const rounds = Number(process.argv[2] ?? 30);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-reset-timing-'));
const database = await createTestDatabase('pglite');
const app = await createTestApp(database, {
  config: testConfig({ DATA_DIR: dataDir, FORM_RATE_LIMIT: '100000' }),
});
const fx = await createFixtures(database);
const now = new Date();
const p = await insertPerson(database.db, {
  email: 'bekend@school.example',
  name: 'Bekend',
  passwordHash: await hashPassword('een lang wachtwoord van mij'),
  now,
});
await insertMembership(database.db, p.id, fx.schoolId, 'teamlid');
const c = new TestClient(app);
const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
for (let i = 0; i < rounds + 3; i++) {
  for (const kind of i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)) {
    const email = kind === 'known' ? 'bekend@school.example' : `onbekend-${i}@school.example`;
    const t0 = performance.now();
    await c.post('/wachtwoord-vergeten', { email });
    if (i >= 3) times[kind].push(performance.now() - t0);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const k = median(times.known);
const u = median(times.unknown);
console.log(
  `rounds ${rounds}: median known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms, difference ${(k - u).toFixed(1)} ms`,
);
await app.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
