// The reminder job, the dashboard part and the demo step of answering, on both engines: one
// mail per questionnaire and organisation to the respondents who have not submitted within seven
// days of the close date (recorded, audited, never twice); the dashboard shows open
// questionnaires not yet submitted; the demo step opens the seeded round and says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Membership } from '../../../platform/auth/principal.ts';
import { sendQuestionnaireReminders } from '../services/reminders.ts';
import { answerDashboard } from '../services/dashboard-answer.ts';
import { demoAnswer } from '../services/demo-answer.ts';
import { answerSuite } from './answer-kit.ts';
import { seedQuestionnaire } from './kit.ts';

answerSuite('verantwoording: reminders, dashboard and demo', (t) => {
  const mailer = () => ({ mailer: t.app.platform.mailer, baseUrl: 'https://npo.example' });

  test('a week before closing: one reminder per organisation that has not submitted, recorded and audited, never twice', async () => {
    const leader = await t.as('schoolleider', t.fx.schoolId);
    const otherLeader = await t.as('schoolleider', t.fx.otherSchoolId);
    const team = await t.as('teamlid', t.fx.schoolId);
    const board = await t.as('bestuur', t.fx.boardId);
    const db = t.database().db;
    // Only this test's questionnaires are open (the real rounds of migration 0620 close on the same
    // day); they are published again at the end of this test.
    const others = await db
      .updateTable('questionnaire')
      .set({ status: 'concept' })
      .where('id', 'not in', [t.school.id, t.board.id])
      .where('status', '=', 'gepubliceerd')
      .returning('id')
      .execute();
    // The other school already submitted.
    const r = await db
      .insertInto('questionnaire_response')
      .values({
        questionnaire_id: t.school.id,
        organisation_id: t.fx.otherSchoolId,
        answers: '{}',
        submitted_number: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(r.id);
    const tooEarly = await sendQuestionnaireReminders(db, mailer(), new Date('2021-09-01T07:00:00Z'));
    assert.equal(tooEarly, 0, 'more than seven days before closing');
    const sent = await sendQuestionnaireReminders(db, mailer(), new Date('2021-09-10T07:00:00Z'));
    assert.ok(sent >= 2, 'the school and the board');
    const mails = await t.outbox(leader.email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /Herinnering/);
    assert.ok(mails[0]!.text.includes(`https://npo.example${t.schoolBase}`));
    assert.equal((await t.outbox(board.email)).length, 1);
    assert.equal((await t.outbox(otherLeader.email)).length, 0, 'submitted: no reminder');
    assert.equal((await t.outbox(team.email)).length, 0, 'only respondents');
    const recorded = await db
      .selectFrom('questionnaire_reminder')
      .select(['organisation_id', 'recipients'])
      .where('questionnaire_id', '=', t.school.id)
      .where('organisation_id', '=', t.fx.schoolId)
      .execute();
    assert.deepEqual(recorded, [{ organisation_id: t.fx.schoolId, recipients: 1 }]);
    assert.equal((await t.auditRows('verantwoording.herinnering-verstuurd', t.fx.schoolId)).length, 1);
    assert.equal(await sendQuestionnaireReminders(db, mailer(), new Date('2021-09-11T07:00:00Z')), 0);
    assert.equal((await t.outbox(leader.email)).length, 1, 'once');
    assert.equal(
      await sendQuestionnaireReminders(db, mailer(), new Date('2021-09-18T07:00:00Z')),
      0,
      'closed',
    );
    // Published again for the tests after this one.
    if (others.length)
      await db
        .updateTable('questionnaire')
        .set({ status: 'gepubliceerd' })
        .where(
          'id',
          'in',
          others.map((o) => o.id),
        )
        .execute();
  });

  test('the dashboard shows the school leader an open questionnaire until it is submitted, urgent in the last week', async () => {
    const db = t.database().db;
    const membership = {
      organisationId: t.fx.schoolId,
      organisationKind: 'school',
      role: 'schoolleider',
    } as Membership;
    const input = (now: Date) => ({ membership, principal: {} as never, db, now });
    const open = await answerDashboard(input(new Date('2021-09-01T09:00:00Z')));
    const mine = open.find((a) => a.href === t.schoolBase);
    assert.ok(mine);
    assert.match(mine.label, /Vragenlijst invullen/);
    assert.equal(mine.urgent, false);
    assert.equal(
      (await answerDashboard(input(new Date('2021-09-14T09:00:00Z')))).find((a) => a.href === t.schoolBase)
        ?.urgent,
      true,
    );
    assert.deepEqual(await answerDashboard(input(new Date('2021-09-20T09:00:00Z'))), []);
    const team = { ...membership, role: 'teamlid' } as Membership;
    assert.deepEqual(
      await answerDashboard({ ...input(new Date('2021-09-01T09:00:00Z')), membership: team }),
      [],
    );
  });

  test('the demo step opens the seeded 2021-2022 round for 30 days and says so; without it, it does nothing', async () => {
    const db = t.database().db;
    const orgs = {
      ministryId: t.fx.ministryId,
      boardId: t.fx.boardId,
      schools: { bo: t.fx.schoolId, so: t.fx.schoolId, vo: t.fx.schoolId },
    };
    const existing = await db
      .selectFrom('questionnaire')
      .select('id')
      .where('slug', '=', 'schoolleiders-2021-2022')
      .executeTakeFirst();
    if (!existing) {
      assert.deepEqual(await demoAnswer(db, orgs), []);
      await seedQuestionnaire(db, { slug: 'schoolleiders-2021-2022' });
    }
    const lines = await demoAnswer(db, orgs);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /vandaag \+ 30 dagen/);
    const row = await db
      .selectFrom('questionnaire')
      .select('closes_on')
      .where('slug', '=', 'schoolleiders-2021-2022')
      .executeTakeFirstOrThrow();
    assert.ok(row.closes_on > new Date().toISOString().slice(0, 10));
  });
});
