// The production start refuses a database with demo accounts: findDemoAccounts finds them
// (and only them) on both engines; test/process.test.ts checks the refusal of the process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachEngine } from '../../test/support/db.ts';
import { seedDemoOrganisations } from './seed.ts';
import { accountsDemoStep } from '../modules/accounts/demo.ts';
import { demoAccountsRefusal, findDemoAccounts } from './production-guard.ts';

eachEngine('production guard', (database) => {
  test('a database without demo accounts has none, also when it has other people', async () => {
    const db = database().db;
    await db
      .insertInto('person')
      .values({ email: 'beheerder@ocw.example', name: 'Echte Beheerder' })
      .execute();
    assert.deepEqual(await findDemoAccounts(db), []);
  });

  test('after the demo step the demo beheerder is found among the demo accounts', async () => {
    const db = database().db;
    await accountsDemoStep.run(db, await seedDemoOrganisations(db));
    const found = await findDemoAccounts(db);
    assert.ok(found.includes('beheerder@demo.nponderwijs.example'), found.join(', '));
    assert.ok(!found.includes('beheerder@ocw.example'));
  });
});

test('the refusal says what is wrong and what to do, in Dutch', () => {
  const m = demoAccountsRefusal(['a@demo.nponderwijs.example', 'b@demo.nponderwijs.example']);
  assert.match(m, /start niet in productie/);
  assert.match(m, /a@demo\.nponderwijs\.example/);
  assert.match(m, /nieuwe, lege database/);
});
