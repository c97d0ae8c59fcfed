// For route examples (the authorization matrix, the browser and cross-tenant suites): a board's
// plan with a board-level intervention, and a version waiting for the GMR's decision.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { ensureBoardPlan, insertIntervention } from './board-plan.ts';
import { insertVersion } from './board-plan-versions.ts';

type Db = Kysely<DB>;

async function examplePlan(db: Db, boardId: number) {
  const programme = await loadProgramme(db);
  return ensureBoardPlan(db, boardId, programme.id, null, new Date());
}

/** A new board-level intervention in the board's draft (category B of the newest published menu). */
export async function exampleIntervention(db: Db, boardId: number): Promise<number> {
  const plan = await examplePlan(db, boardId);
  const menu = await db
    .selectFrom('menukaart_version')
    .select('id')
    .where('status', '=', 'gepubliceerd')
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return insertIntervention(
    db,
    plan.id,
    {
      categoryCode: 'B',
      interventionId: null,
      menuVersionId: menu.id,
      title: 'Voorbeeld: bovenschoolse taalklas',
      description: 'Een taalklas voor nieuwkomers van alle scholen van het bestuur.',
      responsible: 'Bovenschools coördinator',
    },
    null,
    new Date(),
  );
}

/** The current revision of the board's plan (for a submit's hidden field). */
export async function examplePlanRevision(db: Db, boardId: number): Promise<string> {
  return String((await examplePlan(db, boardId)).revision);
}

/** A new newest version of the board's plan, submitted on 1 September 2021, without decision. */
export async function exampleVersion(db: Db, boardId: number): Promise<number> {
  const plan = await examplePlan(db, boardId);
  const v = await insertVersion(db, {
    planId: plan.id,
    snapshot: { interventions: [] },
    note: 'Voorbeeldversie',
    personId: null,
    now: new Date('2021-09-01T10:00:00Z'),
  });
  return v.number;
}
