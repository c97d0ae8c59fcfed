// The monitoring demo part: with only the demo's own organisations it says that the open data is
// not there yet; with schools present it generates for them (never for the demo's own board and
// schools, whose people answer and confirm for real), and a second start adds nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachEngine } from '../../../../test/support/db.ts';
import { seedDemoOrganisations } from '../../../demo/seed.ts';
import { seedQuestionnaire } from '../../verantwoording/tests/kit.ts';
import {
  seedMonitoringDemo,
  seedMonitoringDemoAtStart,
} from '../../verantwoording/services/demo-national.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

eachEngine('monitoring demo part', (database) => {
  test('waits for the open data, then fills the dashboard once, leaving the demo organisations alone', async () => {
    const db = database().db;
    const orgs = await seedDemoOrganisations(db);
    await seedQuestionnaire(db, { slug: 'demo-monitoring' });
    const [first] = await seedMonitoringDemo(db);
    assert.match(first!, /nog geen scholen uit de open data/);

    const board = await db
      .insertInto('organisation')
      .values({ kind: 'bestuur', code: '42001', name: 'Stichting Voorbeeld' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('organisation')
      .values(
        Array.from({ length: 8 }, (_, i) => ({
          kind: 'school' as const,
          code: `V00${i}`,
          name: `Voorbeeldschool ${i}`,
          sector: 'BO' as const,
          parent_id: board.id,
        })),
      )
      .execute();
    const published = await publishedQuestionnaires(db);
    const [line] = await seedMonitoringDemo(db);
    assert.match(
      line!,
      new RegExp(
        `^Monitoring: 8 scholen en 1 bestuur .* op ${published} vragenlijsten \\(\\d+ nieuw\\) en 5 nieuwe`,
      ),
    );
    const [again] = await seedMonitoringDemo(db);
    assert.match(again!, /\(0 nieuw\) en 0 nieuwe/);
    const demoRows = await db
      .selectFrom('questionnaire_response')
      .select('id')
      .where('organisation_id', 'in', [orgs.schools.bo, orgs.schools.so, orgs.schools.vo])
      .execute();
    assert.equal(demoRows.length, 0);
    const demoReports = await db
      .selectFrom('board_report')
      .select('id')
      .where('board_id', '=', orgs.boardId)
      .execute();
    assert.equal(demoReports.length, 0);
  });

  test('a demo start fills an empty dashboard, and once it is filled leaves the rest to the background job', async () => {
    const db = database().db;
    // The suite's first test left generated answers: a start does nothing more and says nothing.
    assert.deepEqual(await seedMonitoringDemoAtStart(db), []);
    await db.deleteFrom('questionnaire_answer').execute();
    await db.deleteFrom('questionnaire_submission').execute();
    await db.deleteFrom('questionnaire_response').execute();
    const [line] = await seedMonitoringDemoAtStart(db);
    assert.match(line!, /^Monitoring: 8 scholen en 1 bestuur /);
  });
});

/** Every published questionnaire gets answers: the test's own and the real rounds (migration 0620). */
async function publishedQuestionnaires(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('questionnaire')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'gepubliceerd')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
