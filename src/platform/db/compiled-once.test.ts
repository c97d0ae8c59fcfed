// compiledOnce: a hot query compiled once per database, run with each call's own values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachEngine } from '../../../test/support/db.ts';
import { compiledOnce } from './compiled-once.ts';

eachEngine('compiledOnce', (database) => {
  test('each run returns the rows of its own values, as the query built afresh would', async () => {
    const { db } = database();
    const yearsFrom = compiledOnce(['from', 'label'], (db, a: { from: string; label: string }) =>
      db
        .selectFrom('school_year')
        .select(['label', 'starts_on'])
        .where('starts_on', '>=', a.from)
        .where('label', '<>', a.label)
        .orderBy('starts_on'),
    );
    for (const [from, label] of [
      ['2022-01-01', '2023-2024'],
      ['2021-01-01', '2021-2022'],
      ['2030-01-01', 'x'],
    ] as const) {
      const afresh = await db
        .selectFrom('school_year')
        .select(['label', 'starts_on'])
        .where('starts_on', '>=', from)
        .where('label', '<>', label)
        .orderBy('starts_on')
        .execute();
      assert.deepEqual(await yearsFrom(db, { from, label }), afresh);
    }
  });

  test('the query is built once per database, however often it runs', async () => {
    const { db } = database();
    let built = 0;
    const year = compiledOnce(['label'], (db, a: { label: string }) => {
      built++;
      return db.selectFrom('school_year').select('label').where('label', '=', a.label);
    });
    for (const label of ['2021-2022', '2022-2023', '2024-2025'])
      assert.deepEqual(await year(db, { label }), [{ label }]);
    assert.equal(built, 1);
  });

  test('an argument the query does not take as a value is refused instead of silently ignored', async () => {
    const { db } = database();
    // `a.newest ? … : …` tests the stand-in, which is always there: the real value would be lost.
    const years = compiledOnce(['newest'], (db, a: { newest: boolean }) =>
      db
        .selectFrom('school_year')
        .select('label')
        .orderBy('starts_on', a.newest ? 'desc' : 'asc'),
    );
    await assert.rejects(years(db, { newest: false }), /newest komt niet als waarde in de query/);
  });
});
