// The annual report's demo part and dashboard part: the demo board gets a concept report over 2022
// with its texts (once; a second run adds nothing), and the board member's dashboard names the
// ended years that are not confirmed yet.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../../platform/db/database.ts';
import type { Membership, Principal } from '../../../platform/auth/principal.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createFixtures, type Fixtures } from '../../../../test/support/app.ts';
import { reportDemo } from '../services/report-demo.ts';
import { reportDashboard } from '../services/report-dashboard.ts';

let database: Database;
let fx: Fixtures;

before(async () => {
  database = await createTestDatabase();
  fx = await createFixtures(database);
});
after(async () => {
  await database?.close();
});

const orgs = () => ({
  ministryId: fx.ministryId,
  boardId: fx.boardId,
  schools: { bo: fx.schoolId, so: fx.schoolId, vo: fx.schoolId },
});

test('the demo board gets a concept report over 2022 with texts, once', async () => {
  const lines = await reportDemo(database.db, orgs());
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /concept-jaarverslag over 2022/);
  assert.deepEqual(await reportDemo(database.db, orgs()), [], 'a second run adds nothing');
  const rows = await database.db
    .selectFrom('board_report')
    .selectAll()
    .where('board_id', '=', fx.boardId)
    .execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.status, 'concept', 'left for the demo user to confirm');
  assert.equal(rows[0]!.calendar_year, 2022);
  assert.match(rows[0]!.texts.betrokkenheid!, /MR/);
});

test('the dashboard shows a board member the years still to confirm; other roles nothing', async () => {
  const input = (role: Membership['role']) => ({
    membership: { role, organisationId: fx.boardId } as Membership,
    principal: {} as Principal,
    db: database.db,
    now: new Date('2026-03-01T10:00:00Z'),
  });
  const [action] = await reportDashboard(input('bestuur'));
  assert.equal(action!.href, `/besturen/${fx.boardId}/jaarverslag`);
  assert.equal(action!.description, 'Nog niet bevestigd: 2021, 2022, 2023, 2024, 2025.');
  assert.equal(action!.urgent, true);
  await database.db
    .updateTable('board_report')
    .set({ status: 'bevestigd' })
    .where('board_id', '=', fx.boardId)
    .execute();
  const [after2022] = await reportDashboard(input('bestuur'));
  assert.equal(after2022!.description, 'Nog niet bevestigd: 2021, 2023, 2024, 2025.');
  assert.deepEqual(await reportDashboard(input('gmr-lid')), []);
  assert.deepEqual(await reportDashboard(input('schoolleider')), []);
});
