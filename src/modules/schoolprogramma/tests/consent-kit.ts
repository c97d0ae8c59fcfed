// What the consent route tests share: a suite on both engines with an app on a settable clock and
// an outbox folder, and per test a fresh pair of schools whose first has a seeded plan and people
// in every role that matters (school leader, two MR members, team member, board member).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eachEngine } from '../../../../test/support/db.ts';
import {
  createFixtures,
  createTestApp,
  signInAs,
  testConfig,
  TestClient,
  type Fixtures,
} from '../../../../test/support/app.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { seedPlan, type SeededPlan } from './kit.ts';

export interface ConsentKit {
  database: () => Database;
  app: FastifyInstance;
  /** The app's clock; set it to move time. */
  clock: Date;
  /** Fresh schools, a plan in the first, and a signed-in client per role. */
  school(): Promise<ConsentSchool>;
  outbox(to: string): Promise<{ subject: string; text: string }[]>;
  auditRows(action: string, organisationId: number): Promise<{ result: string; details: unknown }[]>;
}

export interface ConsentSchool {
  fx: Fixtures;
  plan: SeededPlan;
  base: string;
  as: Record<'schoolleider' | 'mr' | 'mr2' | 'teamlid' | 'bestuur' | 'otherLeader', TestClient>;
  emails: Record<'schoolleider' | 'mr' | 'mr2' | 'teamlid', string>;
}

let n = 0;

export function consentSuite(name: string, tests: (t: ConsentKit) => void) {
  eachEngine(name, (database) => {
    let dataDir: string;
    const t: ConsentKit = {
      database,
      app: undefined as unknown as FastifyInstance,
      clock: new Date('2021-11-01T09:00:00Z'),
      async school() {
        const fx = await createFixtures(database());
        const plan = await seedPlan(database().db, fx.schoolId);
        const person = async (role: Role, org: number) => {
          const email = `${role}-${++n}-${process.pid}@consent.example`;
          const who = await signInAs(database(), role, org, { email });
          return { client: new TestClient(t.app, who.cookie), email };
        };
        const leader = await person('schoolleider', fx.schoolId);
        const mr = await person('mr-lid', fx.schoolId);
        const mr2 = await person('mr-lid', fx.schoolId);
        const team = await person('teamlid', fx.schoolId);
        const board = await person('bestuur', fx.boardId);
        const other = await person('schoolleider', fx.otherSchoolId);
        return {
          fx,
          plan,
          base: `/scholen/${fx.schoolId}/schoolprogramma`,
          as: {
            schoolleider: leader.client,
            mr: mr.client,
            mr2: mr2.client,
            teamlid: team.client,
            bestuur: board.client,
            otherLeader: other.client,
          },
          emails: { schoolleider: leader.email, mr: mr.email, mr2: mr2.email, teamlid: team.email },
        };
      },
      async outbox(to) {
        return (await t.app.platform.mailer.outbox(500)).filter((m) => m.to === to);
      },
      auditRows: (action, organisationId) =>
        database()
          .db.selectFrom('audit_event')
          .select(['result', 'details'])
          .where('action', '=', action)
          .where('organisation_id', '=', organisationId)
          .orderBy('id')
          .execute(),
    };

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npo-consent-'));
      t.app = await createTestApp(database(), {
        config: testConfig({ DATA_DIR: dataDir, FORM_RATE_LIMIT: '1000' }),
        now: () => t.clock,
      });
    });
    // Every test starts on the same day, whatever the one before did with the clock.
    beforeEach(() => {
      t.clock = new Date('2021-11-01T09:00:00Z');
    });
    after(async () => {
      await t.app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    tests(t);
  });
}

/** The fingerprint hidden in the submit form of a page. */
export function fingerprintIn(html: string): string {
  const m = /name="inhoud" value="([0-9a-f]+)"/.exec(html);
  if (!m) throw new Error('geen indienformulier op de pagina');
  return m[1]!;
}

/** Opens the submit page and submits with its fingerprint. */
export async function submit(client: TestClient, base: string, note = 'Graag uw instemming.') {
  const page = await client.get(`${base}/indienen`);
  return client.post(`${base}/indienen`, { toelichting: note, inhoud: fingerprintIn(page.body) });
}
