// A first save that reaches the database just after an analist took the questionnaire back to
// concept is refused by the trigger of migration 0650. The school leader then gets a 409 that says
// what happened and shows what they typed, not a 500; nothing is written and the refusal is
// audited. The race is made certain with a test trigger that takes the questionnaire back at the
// moment of the insert, so it runs the same on both engines.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { saveAction } from '../routes/answer.tsx';
import { withdrawnText } from '../views/answer-section.tsx';
import { answerSuite } from './answer-kit.ts';

answerSuite('verantwoording: a first save on a questionnaire just taken back to concept', (t) => {
  before(async () => {
    const db = t.database().db;
    // Fires before the 0650 trigger (triggers fire in name order): the analist's change lands first.
    await sql`
      create function test_take_back_first() returns trigger language plpgsql as $$
      begin
        update questionnaire set status = 'concept', published_at = null where id = new.questionnaire_id;
        return new;
      end
      $$`.execute(db);
    await sql`
      create trigger a_test_take_back_first before insert on questionnaire_response
      for each row execute function test_take_back_first()`.execute(db);
  });
  after(async () => {
    const db = t.database().db;
    await sql`drop trigger a_test_take_back_first on questionnaire_response`.execute(db);
    await sql`drop function test_take_back_first()`.execute(db);
  });

  test('the save is a 409 that explains and keeps the typed answers; nothing is written; refusal audited', async () => {
    const { client } = await t.as('schoolleider', t.fx.schoolId);
    const res = await client.post(`${t.schoolBase}/onderdelen/schoolscan`, {
      'v-schoolscan-gedaan': 'nee',
      'v-aandachtsgebieden': 'cognitief',
      revisie: '0',
      actie: 'klaar',
    });
    assert.equal(res.statusCode, 409);
    assert.ok(res.body.includes(withdrawnText.slice(0, 60)), 'explains what happened');
    assert.match(res.body, /Cognitieve ontwikkeling/, 'shows what was typed');
    assert.doesNotMatch(res.body, /U kunt antwoorden/, 'does not say answering is open');
    assert.doesNotMatch(
      res.body,
      /<form method="post" action="[^"]*onderdelen/,
      'no form that cannot be saved',
    );
    const left = await t
      .database()
      .db.selectFrom('questionnaire_response')
      .select('id')
      .where('questionnaire_id', '=', t.school.id)
      .execute();
    assert.deepEqual(left, []);
    const rows = await t.auditRows(saveAction, t.fx.schoolId);
    assert.equal(rows.at(-1)!.result, 'mislukt');
    assert.equal((rows.at(-1)!.details as { reden: string }).reden, 'concept');
  });
});
