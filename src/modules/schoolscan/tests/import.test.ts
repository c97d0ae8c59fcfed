// The LVS import on both engines: pupil keys are stored only as a keyed hash per school (never
// raw), the same key gets another hash at another school, a re-import replaces results, and a
// refused file stores nothing at all.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { eachEngine } from '../../../../test/support/db.ts';
import { createFixtures, type Fixtures } from '../../../../test/support/app.ts';
import { checkLvsFile, storeLvsImport } from '../services/import.ts';
import { pseudonymise } from '../services/pseudonym.ts';
import { createAnalysisSource } from '../services/school-analysis.ts';
import { file, line } from './kit.ts';

eachEngine('schoolscan LVS import', (database) => {
  let fx: Fixtures;
  before(async () => {
    fx = await createFixtures(database());
  });

  const importText = async (schoolId: number, text: string) => {
    const checked = checkLvsFile({ name: 'export.csv', data: Buffer.from(text, 'utf8') });
    if (!checked.ok) return checked;
    return database()
      .db.transaction()
      .execute((trx) => storeLvsImport(trx, checked, { schoolId, personId: null }));
  };

  /** Every text value stored in the schoolscan's tables, as one string. */
  const everythingStored = async () => {
    const r = await sql<{ t: string }>`
      select coalesce(string_agg(x::text, ' '), '') as t from (
        select row_to_json(r)::text as x from lvs_result r
        union all select row_to_json(i)::text from lvs_import i
        union all select row_to_json(a)::text from audit_event a) s`.execute(database().db);
    return r.rows[0]!.t;
  };

  test('keys are stored as HMAC pseudonyms under the school’s own secret, never as given', async () => {
    const r = await importText(
      fx.schoolId,
      file(
        line({ leerlingsleutel: 'LEERLING-4711' }),
        line({ leerlingsleutel: 'LEERLING-4711', moment: 'E', afnamedatum: '' }),
        line({ leerlingsleutel: 'LEERLING-0815' }),
      ),
    );
    assert.ok('importId' in r);
    assert.equal(r.rows, 3);
    assert.equal(r.pupils, 2);
    const stored = await database()
      .db.selectFrom('lvs_result')
      .select(['pupil_hash', 'school_id'])
      .where('import_id', '=', r.importId)
      .execute();
    const key = await database()
      .db.selectFrom('lvs_school_key')
      .select('secret')
      .where('school_id', '=', fx.schoolId)
      .executeTakeFirstOrThrow();
    assert.equal(key.secret.length, 32);
    const expected = pseudonymise(key.secret, 'LEERLING-4711');
    assert.equal(stored.filter((s) => s.pupil_hash === expected).length, 2);
    assert.ok(!stored.some((s) => s.pupil_hash.includes('4711') || s.pupil_hash.includes('0815')));
    const all = await everythingStored();
    assert.ok(!all.includes('LEERLING-4711') && !all.includes('LEERLING-0815'), 'no raw key anywhere');
  });

  test('the same key at another school becomes another pseudonym (own secret per school)', async () => {
    await importText(fx.otherSchoolId, file(line({ leerlingsleutel: 'LEERLING-4711' })));
    const hashes = await database()
      .db.selectFrom('lvs_result')
      .select(['school_id', 'pupil_hash'])
      .where('school_id', 'in', [fx.schoolId, fx.otherSchoolId])
      .where('subject', '=', 'rekenen-wiskunde')
      .where('moment', '=', 'M')
      .execute();
    const own = hashes.filter((h) => h.school_id === fx.schoolId).map((h) => h.pupil_hash);
    const other = hashes.filter((h) => h.school_id === fx.otherSchoolId).map((h) => h.pupil_hash);
    assert.equal(other.length, 1);
    assert.ok(!own.includes(other[0]!));
  });

  test('a second import of the same result replaces it instead of adding a duplicate', async () => {
    const count = async () =>
      Number(
        (
          await database()
            .db.selectFrom('lvs_result')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('school_id', '=', fx.schoolId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await importText(fx.schoolId, file(line({ leerlingsleutel: 'LEERLING-0815', vaardigheidsscore: '77' })));
    assert.equal(await count(), before);
    const row = await database()
      .db.selectFrom('lvs_result')
      .select(sql<number>`ability::float8`.as('ability'))
      .where('school_id', '=', fx.schoolId)
      .where(
        'pupil_hash',
        '=',
        pseudonymise(
          (
            await database()
              .db.selectFrom('lvs_school_key')
              .select('secret')
              .where('school_id', '=', fx.schoolId)
              .executeTakeFirstOrThrow()
          ).secret,
          'leerling-0815',
        ),
      )
      .executeTakeFirstOrThrow();
    assert.equal(row.ability, 77);
  });

  test('a file with one bad line stores nothing: no results, no import, no key for a new school', async () => {
    const db = database().db;
    const counts = async () => ({
      results: Number(
        (
          await db
            .selectFrom('lvs_result')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      imports: Number(
        (
          await db
            .selectFrom('lvs_import')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      keys: Number(
        (
          await db
            .selectFrom('lvs_school_key')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    const before = await counts();
    const fresh = (await createFixtures(database())).schoolId;
    const r = await importText(
      fresh,
      file(line({ leerlingsleutel: 'N1' }), line({ leerlingsleutel: 'N2', vakgebied: 'muziek' })),
    );
    assert.ok('ok' in r && !r.ok);
    assert.deepEqual(await counts(), before);
    assert.ok(!(await everythingStored()).includes('N2;'));
  });

  test('name columns never reach the database; their header is recorded as a warning', async () => {
    const text =
      'leerlingsleutel;achternaam;bsn;groep;toetsaanbieder;vakgebied;moment;schooljaar;vaardigheidsscore\n' +
      'Q1;Jansen;111222333;6;cito;spelling;E;2018-2019;130\n';
    const r = await importText(fx.schoolId, text);
    assert.ok('importId' in r);
    const imp = await database()
      .db.selectFrom('lvs_import')
      .select('warnings')
      .where('id', '=', r.importId)
      .executeTakeFirstOrThrow();
    assert.equal(imp.warnings.length, 2);
    const all = await everythingStored();
    assert.ok(!all.includes('Jansen') && !all.includes('111222333'));
  });

  test('the analysis is computed once per import and data year, and a new import is seen at once', async () => {
    const school = (await createFixtures(database())).schoolId;
    const source = createAnalysisSource(database().db);
    assert.equal(await source(school, 2021), null);
    const lines = Array.from({ length: 12 }, (_, i) =>
      line({ leerlingsleutel: `S${i}`, vaardigheidsscore: '40' }),
    );
    await importText(school, file(...lines));
    const first = await source(school, 2021);
    assert.equal(first!.currentYear, 2020);
    assert.equal(first!.comparisons[0]!.current!.mean, 40);
    assert.equal(await source(school, 2021), first, 'the same object from the cache');
    await importText(school, file(...lines.map((l) => l.replace(';40;', ';50;'))));
    const second = await source(school, 2021);
    assert.notEqual(second, first);
    assert.equal(second!.comparisons[0]!.current!.mean, 50);
  });
});
