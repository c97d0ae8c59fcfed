// The answering part's test setup on both engines: an app on a fixed clock (inside the test
// questionnaire's window), the two tenants, a school and a board questionnaire, and signed-in
// people in the roles that matter.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  testConfig,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { seedQuestionnaire, type SeededQuestionnaire } from './kit.ts';

export interface AnswerKit {
  database: () => Database;
  app: FastifyInstance;
  clock: Date;
  fx: Fixtures;
  school: SeededQuestionnaire;
  board: SeededQuestionnaire;
  /** /scholen/:id/verantwoording/:questionnaireId */
  schoolBase: string;
  boardBase: string;
  as: (role: Role, org: number) => Promise<{ client: TestClient; email: string; personId: number }>;
  outbox(to: string): Promise<{ subject: string; text: string }[]>;
  auditRows(action: string, organisationId: number): Promise<{ result: string; details: unknown }[]>;
}

let n = 0;
export const inWindow = new Date('2021-09-01T09:00:00Z');

export function answerSuite(name: string, tests: (t: AnswerKit) => void) {
  eachEngine(name, (database) => {
    let dataDir: string;
    const t = { database, clock: inWindow } as AnswerKit;
    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-answer-'));
      t.app = await createTestApp(database(), {
        config: testConfig({ DATA_DIR: dataDir, FORM_RATE_LIMIT: '1000' }),
        now: () => t.clock,
      });
      t.fx = await createFixtures(database());
      t.school = await seedQuestionnaire(database().db, { audience: 'school' });
      t.board = await seedQuestionnaire(database().db, { audience: 'bestuur' });
      t.schoolBase = `/scholen/${t.fx.schoolId}/verantwoording/${t.school.id}`;
      t.boardBase = `/besturen/${t.fx.boardId}/verantwoording/${t.board.id}`;
      t.as = async (role, org) => {
        const email = `${role}-${++n}-${process.pid}@answer.example`;
        const who = await signInAs(database(), role, org, { email });
        return { client: new TestClient(t.app, who.cookie), email, personId: who.personId };
      };
      t.outbox = async (to) => (await t.app.platform.mailer.outbox(500)).filter((m) => m.to === to);
      t.auditRows = (action, organisationId) =>
        database()
          .db.selectFrom('audit_event')
          .select(['result', 'details'])
          .where('action', '=', action)
          .where('organisation_id', '=', organisationId)
          .orderBy('id')
          .execute();
    });
    after(async () => {
      await t.app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    tests(t);
  });
}
