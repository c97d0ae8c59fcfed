// Objects the authorization matrix and the page walk need for the consent routes: a plan with an
// intervention, a version, a version awaiting a decision, a published summary. Made on demand in
// the tenant's own school; written straight into the tables.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { menuVersionInForce, todayIn } from '../../menukaart/services/menu.ts';
import { ensurePlan } from './plans.ts';
import * as versions from './versions.ts';
import { buildSnapshot } from '../services/snapshot.ts';
import { fingerprint } from '../services/consent-state.ts';

type Db = Kysely<DB>;

/** The school's plan, with one intervention when it has none. */
export async function examplePlan(db: Db, schoolId: number) {
  const now = new Date();
  const plan = await ensurePlan(db, schoolId, (await loadProgramme(db)).id, null, now);
  if ((await versions.countInterventions(db, plan.id)) === 0) {
    const menu = await menuVersionInForce(db, now);
    const entry = await db
      .selectFrom('menukaart_entry')
      .select('intervention_id')
      .where('version_id', '=', menu.id)
      .where('withdrawn', '=', false)
      .orderBy('intervention_id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('school_plan_intervention')
      .values({
        plan_id: plan.id,
        intervention_id: entry.intervention_id,
        menu_version_id: menu.id,
        grades: [5],
        pupils: 24,
        starts_on: '2021-10-01',
        ends_on: '2022-07-15',
        responsible: 'Intern begeleider',
        position: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return plan;
}

async function addVersion(db: Db, planId: number) {
  const now = new Date();
  const number = (await versions.latestNumber(db, planId)) + 1;
  await versions.insertVersion(db, {
    planId,
    number,
    snapshot: await buildSnapshot(db, planId, now),
    note: 'Voorbeeldversie',
    personId: null,
    now,
  });
  return number;
}

/** The number of the plan's newest version (made when there is none). */
export async function exampleVersion(db: Db, schoolId: number) {
  const plan = await examplePlan(db, schoolId);
  return (await versions.latestNumber(db, plan.id)) || addVersion(db, plan.id);
}

/** The number of a version awaiting the MR's decision: the newest, or a new one. */
export async function examplePendingVersion(db: Db, schoolId: number) {
  const plan = await examplePlan(db, schoolId);
  const latest = (await versions.listVersions(db, plan.id))[0];
  return latest && !latest.decision ? latest.number : addVersion(db, plan.id);
}

/** A plan that can be submitted now: a pending version gets a decision first. */
export async function exampleSubmittable(db: Db, schoolId: number) {
  const plan = await examplePlan(db, schoolId);
  const latest = (await versions.listVersions(db, plan.id))[0];
  if (latest && !latest.decision)
    await versions.insertDecision(db, {
      versionId: latest.id,
      decision: 'instemming',
      reasons: '',
      meetingOn: todayIn(latest.submitted_at),
      personId: null,
      now: new Date(),
    });
  return plan;
}

/** The fingerprint the submit form carries for the plan's draft as it is now. */
export async function exampleFingerprint(db: Db, schoolId: number) {
  const plan = await examplePlan(db, schoolId);
  return fingerprint(await buildSnapshot(db, plan.id, new Date()));
}

/** The plan's revision, for the summary form. */
export async function exampleRevision(db: Db, schoolId: number) {
  return String((await examplePlan(db, schoolId)).revision);
}

/** A plan whose summary is published (for withdrawing it). */
export async function examplePublishedSummary(db: Db, schoolId: number) {
  const plan = await examplePlan(db, schoolId);
  if (!plan.public_summary_published_at)
    await db
      .updateTable('school_plan')
      .set({ public_summary: 'Wij werken aan lezen en rekenen.', public_summary_published_at: new Date() })
      .where('id', '=', plan.id)
      .execute();
}
