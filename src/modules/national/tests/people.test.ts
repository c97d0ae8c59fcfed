// The people of the national dataset on the real VO school file (1,619 vestigingen), limited
// to a seeded sample of 50 schools: the same seed gives the same rows on another database, a
// second run adds nothing, another seed is refused, the accounts can sign in, and every
// account belongs to a school with a board or to a board with schools.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, eachEngine } from '../../../../test/support/db.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Engine } from '../../../platform/db/database.ts';
import { importDuoFile } from '../../duo-import/services/importer.ts';
import { openDataDir, readShipped } from '../../duo-import/services/shipped.ts';
import { checkSecondFactor, signIn } from '../../accounts/services/sign-in.ts';
import { totpCode } from '../../accounts/services/totp.ts';
import { totpSecretBox } from '../../accounts/services/totp-secret-box.ts';
import { testConfig } from '../../../../test/support/app.ts';
import { passwordProblem } from '../../accounts/services/passwords.ts';
import { nationalDigest } from '../repository/digest.ts';
import {
  NationalRefusal,
  generateNationalPeople,
  nationalDomain,
  nationalPassword,
  planNationalPeople,
  schoolPeople,
} from '../services/people.ts';

const voFile = path.join(openDataDir, 'duo/alle-vestigingen-vo.csv');

async function loadSchools(db: Kysely<DB>) {
  await importDuoFile(db, readShipped(voFile), { fileName: 'alle-vestigingen-vo.csv', today: '2026-01-01' });
}

/** A second database of the same engine with the same open data, for comparisons. */
async function withOther<T>(engine: Engine, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const other = await createTestDatabase(engine);
  try {
    await loadSchools(other.db);
    return await fn(other.db);
  } finally {
    await other.close();
  }
}

test('the shared password meets the platform rules', () => {
  assert.equal(passwordProblem(nationalPassword), null);
});

test('a school gets the same people for a seed, other people for another seed', () => {
  const school = { id: 1, code: '00AA00' };
  assert.deepEqual(schoolPeople(7, school), schoolPeople(7, school));
  assert.notDeepEqual(
    schoolPeople(7, school).map((p) => p.name),
    schoolPeople(8, school).map((p) => p.name),
  );
  const people = schoolPeople(7, school);
  assert.equal(people.filter((p) => p.role === 'schoolleider').length, 1);
  assert.ok(people.every((p) => p.email.endsWith(`.00aa00@${nationalDomain}`)));
});

eachEngine('national people', (database, engine) => {
  const opts = { seed: 42, maxSchools: 50 };

  test('the same seed gives byte-identical rows on another database; another seed other rows', async () => {
    const { db } = database();
    await loadSchools(db);
    const first = await generateNationalPeople(db, opts);
    assert.equal(first.schools, 50);
    assert.ok(first.boards >= 1 && first.boards <= 50);
    assert.equal(first.peopleAdded, first.planned);
    assert.equal(first.membershipsAdded, first.planned);
    const here = await nationalDigest(db);
    const same = await withOther(engine, async (other) => {
      await generateNationalPeople(other, opts);
      return nationalDigest(other);
    });
    assert.deepEqual(same, here);
    const different = await withOther(engine, async (other) => {
      await generateNationalPeople(other, { ...opts, seed: 43 });
      return nationalDigest(other);
    });
    assert.equal(different.organisations, here.organisations);
    assert.notEqual(different.people, here.people);
    assert.notEqual(different.memberships, here.memberships);
  });

  test('a second run adds nothing; another seed is refused and changes nothing', async () => {
    const { db } = database();
    const before = await nationalDigest(db);
    const again = await generateNationalPeople(db, opts);
    assert.equal(again.peopleAdded, 0);
    assert.equal(again.membershipsAdded, 0);
    assert.deepEqual(await nationalDigest(db), before);
    await assert.rejects(
      generateNationalPeople(db, { ...opts, seed: 43 }),
      (err: Error) => err instanceof NationalRefusal && /niet bij zaad 43 passen/.test(err.message),
    );
    assert.deepEqual(await nationalDigest(db), before);
  });

  test('a larger sample keeps the existing accounts and adds the rest', async () => {
    const { db } = database();
    const small = await planNationalPeople(db, opts);
    const larger = await generateNationalPeople(db, { ...opts, maxSchools: 60 });
    assert.equal(larger.schools, 60);
    assert.ok(larger.peopleAdded > 0);
    const emails = new Set(
      (await planNationalPeople(db, { ...opts, maxSchools: 60 })).people.map((p) => p.email),
    );
    for (const p of small.people) assert.ok(emails.has(p.email), p.email);
  });

  test('generated accounts sign in; a board account with its TOTP code', async () => {
    const { db } = database();
    const now = new Date();
    const leader = await db
      .selectFrom('person')
      .select(['id', 'email'])
      .where('email', 'like', `schoolleider.%@${nationalDomain}`)
      .orderBy('email')
      .executeTakeFirstOrThrow();
    const ok = await signIn(db, { email: leader.email, password: nationalPassword, ip: null, now });
    assert.deepEqual(ok, { kind: 'ok', personId: leader.id, secondFactor: false, mustEnrol: false });
    const wrong = await signIn(db, { email: leader.email, password: 'niet-het-wachtwoord', ip: null, now });
    assert.equal(wrong.kind, 'failed');

    const board = await db
      .selectFrom('person')
      .select(['id', 'email', 'totp_secret'])
      .where('email', 'like', `bestuur.%@${nationalDomain}`)
      .orderBy('email')
      .executeTakeFirstOrThrow();
    assert.ok(board.totp_secret);
    const first = await signIn(db, { email: board.email, password: nationalPassword, ip: null, now });
    assert.deepEqual(first, { kind: 'ok', personId: board.id, secondFactor: true, mustEnrol: false });
    assert.equal(
      await checkSecondFactor(db, totpSecretBox(testConfig()), {
        personId: board.id,
        code: totpCode(board.totp_secret!, now),
        ip: null,
        now,
      }),
      'ok',
    );
    const gmr = await db
      .selectFrom('person')
      .select(['totp_secret'])
      .where('email', 'like', `gmr-lid.%@${nationalDomain}`)
      .executeTakeFirstOrThrow();
    assert.equal(gmr.totp_secret, null);
  });

  test('tenant data is consistent: schools with a board, one leader each, boards with their schools', async () => {
    const { db } = database();
    const like = `%@${nationalDomain}`;
    const bad = await sql<{ email: string; reason: string }>`
      select p.email, 'school zonder bestuur' as reason
      from membership m join person p on p.id = m.person_id
      join organisation s on s.id = m.organisation_id
      left join organisation b on b.id = s.parent_id
      where p.email like ${like} and m.role in ('schoolleider', 'teamlid', 'mr-lid')
        and (s.kind <> 'school' or b.kind is distinct from 'bestuur' or s.closed_on is not null)
      union all
      select p.email, 'bestuur zonder school met mensen'
      from membership m join person p on p.id = m.person_id
      join organisation b on b.id = m.organisation_id
      where p.email like ${like} and m.role in ('bestuur', 'gmr-lid')
        and (b.kind <> 'bestuur' or not exists (
          select 1 from organisation s join membership sm on sm.organisation_id = s.id and sm.role = 'schoolleider'
          where s.parent_id = b.id))
      union all
      select p.email, 'niet precies één lidmaatschap'
      from person p where p.email like ${like}
        and (select count(*) from membership m where m.person_id = p.id) <> 1`.execute(db);
    assert.deepEqual(bad.rows, []);
    const leaders = await sql<{ n: number; schools: number }>`
      select count(*)::int as n, count(distinct m.organisation_id)::int as schools
      from membership m join person p on p.id = m.person_id
      where p.email like ${like} and m.role = 'schoolleider'`.execute(db);
    assert.equal(leaders.rows[0]!.n, 60);
    assert.equal(leaders.rows[0]!.schools, 60);
  });
});
