// The prefill on both engines: from the school's plan, the interventions of the version the MR
// adopted and the MR's latest decision (a newer version still waiting does not undo it); with no
// plan and no scan, only "no scan" is known; a board gets nothing it does not have.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachEngine } from '../../../../test/support/db.ts';
import { createFixtures } from '../../../../test/support/app.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { examplePendingVersion, exampleVersion } from '../../schoolprogramma/repository/consent-examples.ts';
import { findPlan } from '../../schoolprogramma/repository/plans.ts';
import * as versions from '../../schoolprogramma/repository/versions.ts';
import { prefill } from '../services/prefill.ts';
import { testDefinition } from './kit.ts';

eachEngine('verantwoording: prefill', (database) => {
  test('the adopted version gives the interventions and the MR’s consent; a pending newer version keeps it', async () => {
    const db = database().db;
    const fx = await createFixtures(database());
    const programme = await loadProgramme(db);
    const year = await db
      .selectFrom('school_year')
      .select('id')
      .orderBy('starts_on')
      .executeTakeFirstOrThrow();
    const target = {
      audience: 'school' as const,
      orgId: fx.schoolId,
      parentId: fx.boardId,
      programmeId: programme.id,
      schoolYearId: year.id,
    };
    assert.deepEqual(await prefill(db, testDefinition, target), { 'schoolscan-gedaan': 'nee' });
    const number = await exampleVersion(db, fx.schoolId);
    const plan = (await findPlan(db, fx.schoolId, programme.id))!;
    const v = (await versions.findVersion(db, plan.id, number))!;
    await versions.insertDecision(db, {
      versionId: v.id,
      decision: 'instemming',
      reasons: '',
      meetingOn: '2021-10-01',
      personId: null,
      now: new Date(),
    });
    await examplePendingVersion(db, fx.schoolId);
    const filled = await prefill(db, testDefinition, target);
    assert.equal(filled['mr-instemming'], 'ja');
    const codes = (v.snapshot as { interventions: Array<{ code: string }> }).interventions.map((i) => i.code);
    assert.ok(codes.length > 0);
    assert.deepEqual(filled.interventies, codes);
    const board = await prefill(db, testDefinition, {
      ...target,
      audience: 'bestuur',
      orgId: fx.boardId,
      parentId: null,
    });
    assert.deepEqual(board, {});
  });
});
