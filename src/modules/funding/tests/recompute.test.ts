// Recompute rules on a few hand-made schools (fast, both engines): counts and scores are chosen
// per school, every line has its own status, and no school, sector or supplement is dropped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { eachEngine } from '../../../../test/support/db.ts';
import { recomputeYear } from '../services/recompute.ts';
import { allocationsFor } from '../repository/allocations.ts';
import { findFundingYear, listFundingYears } from '../repository/years.ts';
import type { Database } from '../../../platform/db/database.ts';

async function school(db: Database['db'], code: string, sector: 'BO' | 'VO', boardId: number) {
  return (
    await db
      .insertInto('organisation')
      .values({ kind: 'school', code, name: `School ${code}`, parent_id: boardId, sector })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function counts(db: Database['db'], rows: [number, string, string, number][]) {
  await db
    .insertInto('pupil_count')
    .values(
      rows.map(([id, teldatum, category, pupils]) => ({
        organisation_id: id,
        teldatum,
        category: category as 'totaal',
        pupils,
        below_five: false,
      })),
    )
    .execute();
}

async function allocationOf(db: Database['db'], label: string, schoolId: number) {
  const y = (await listFundingYears(db, 1)).find((x) => x.label === label)!;
  await recomputeYear(db, y.schoolYearId, 'test');
  const now = (await findFundingYear(db, y.schoolYearId))!;
  const [a] = await allocationsFor(db, [now.currentRunId!], [schoolId], true);
  return a;
}

eachEngine('funding recompute per school', (database) => {
  let realVo = 0;
  let realBo = 0;
  let demoVo = 0;

  test('a demo school counted on the teldatum does not change which count a real school uses', async () => {
    const db = database().db;
    const board = (
      await db
        .insertInto('organisation')
        .values({ kind: 'bestuur', code: 'B-RECOMPUTE', name: 'Bestuur' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    realVo = await school(db, '99VO00', 'VO', board);
    realBo = await school(db, '99BO00', 'BO', board);
    demoVo = await school(db, 'DEMO-VO', 'VO', board);
    // Like the shipped files: VO counts per type only for 1 October 2019.
    await counts(db, [
      [realVo, '2019-10-01', 'VO_ALG', 700],
      [realVo, '2019-10-01', 'VO_PRO_VBO34', 50],
      [realBo, '2020-10-01', 'totaal', 200],
      // The demo school is counted on the teldatum itself, for every category.
      [demoVo, '2020-10-01', 'VO_ALG', 780],
      [demoVo, '2020-10-01', 'VO_PRO_VBO34', 130],
    ]);
    await sql`insert into achterstandsscore (vestigingscode, peildatum, indicator, organisation_id, score_hundredths)
      values ('99BO00', '2019-10-01', 'po', ${realBo}::int, 3302)`.execute(db);

    const real = await allocationOf(db, '2021-2022', realVo);
    assert.ok(real, 'the real VO school has an allocation');
    assert.equal(real.baseCents, 700 * 70116 + 50 * 105174);
    assert.equal(real.baseStatus, 'geschat');
    const demo = await allocationOf(db, '2021-2022', demoVo);
    assert.equal(demo!.baseCents, 780 * 70116 + 130 * 105174);
    assert.equal(demo!.baseStatus, 'exact');
  });

  test('2021-22: the base line is exact and the supplement from the 2019 CBS score is estimated and says so', async () => {
    const db = database().db;
    const a = (await allocationOf(db, '2021-2022', realBo))!;
    assert.equal(a.baseStatus, 'exact');
    assert.equal(a.supplementStatus, 'geschat');
    assert.equal(a.totalCents, 200 * 70116 + Math.round((3302 * 25116) / 100));
    const [base, supplement] = a.lines;
    assert.equal(base!.status, 'exact');
    assert.equal(base!.note, undefined);
    assert.equal(supplement!.status, 'geschat');
    assert.match(supplement!.note!, /peildatum 1 oktober 2019 staat in voor die van 1 oktober 2020/);
  });

  test('2022-23: VO schools appear with what is known and the PO supplement comes from the best available score, marked estimated', async () => {
    const db = database().db;
    const vo = (await allocationOf(db, '2022-2023', realVo))!;
    assert.ok(vo, 'a VO school counted only in 2019 is not dropped from 2022-23');
    const alg = vo.lines.find((l) => l.code === 'VO_ALG')!;
    assert.equal(alg.status, 'geschat');
    assert.equal(alg.amountCents, 700 * 82000);
    assert.match(alg.note!, /telling van 1 oktober 2019 staat in voor die van 1 oktober 2021/);
    assert.match(alg.note!, /voorlopig/);
    const pro = vo.lines.find((l) => l.code === 'VO_PRO_VBO34')!;
    assert.equal(pro.status, 'onbekend');
    assert.match(pro.note!, /niet gevonden/);
    const voSupplement = vo.lines.find((l) => l.code === 'ACHTERSTAND_VO')!;
    assert.equal(voSupplement.status, 'onbekend', 'the VO supplement is shown as unknown, not dropped');
    assert.equal(vo.baseStatus, 'onbekend');

    const bo = (await allocationOf(db, '2022-2023', realBo))!;
    const supplement = bo.lines.find((l) => l.code === 'ACHTERSTAND_PO')!;
    assert.equal(supplement.status, 'geschat');
    assert.equal(supplement.amountCents, Math.round((3302 * 46378) / 100));
    assert.match(supplement.note!, /peildatum 1 oktober 2019 staat in voor die van 1 oktober 2021/);
  });
});
