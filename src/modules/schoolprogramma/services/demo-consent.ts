// Demo data for the MR's consent: the primary school's plan gets version 1, an earlier state of
// the plan that the MR adopted, and version 2 (the plan as it is now) awaiting the MR's decision
// with one comment. Does nothing when the plan has no interventions or already has versions.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { DemoOrganisations } from '../../../platform/demo-step.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import { findPlan } from '../repository/plans.ts';
import * as versions from '../repository/versions.ts';
import { buildSnapshot, totalsOf, type PlanSnapshot } from './snapshot.ts';

const day = 24 * 3600 * 1000;

/** The plan a few weeks earlier: fewer pupils in the first intervention, less money in year one. */
function earlierState(now: PlanSnapshot, at: Date): PlanSnapshot {
  const s: PlanSnapshot = structuredClone(now);
  s.takenAt = at.toISOString();
  const first = s.interventions[0]!;
  first.pupils = Math.max(1, first.pupils - 6);
  const firstYear = s.budget.find((l) => l.planInterventionId === first.id)?.schoolYearId;
  for (const l of s.budget)
    if (l.planInterventionId === first.id && l.schoolYearId === firstYear)
      l.plannedCents = Math.round((l.plannedCents * 0.8) / 100) * 100;
  return { ...s, ...totalsOf(s.budget) };
}

async function personWith(db: Kysely<DB>, schoolId: number, role: 'mr-lid' | 'schoolleider') {
  const p = await versions.recipients(db, schoolId, [role]);
  return p[0]?.id ?? null;
}

export async function consentDemo(db: Kysely<DB>, orgs: DemoOrganisations): Promise<string[]> {
  const schoolId = orgs.schools.bo;
  const plan = await findPlan(db, schoolId, (await loadProgramme(db)).id);
  if (!plan || (await versions.countInterventions(db, plan.id)) === 0) return [];
  if (await versions.latestNumber(db, plan.id)) return [];
  const now = new Date();
  const leader = await personWith(db, schoolId, 'schoolleider');
  const mr = await personWith(db, schoolId, 'mr-lid');
  const current = await buildSnapshot(db, plan.id, now);
  const v1At = new Date(now.getTime() - 70 * day);
  const v2At = new Date(now.getTime() - 7 * day);
  await db.transaction().execute(async (trx) => {
    const v1 = await versions.insertVersion(trx, {
      planId: plan.id,
      number: 1,
      snapshot: earlierState(current, v1At),
      note: 'Eerste versie van ons schoolprogramma, na de schoolscan.',
      personId: leader,
      now: v1At,
    });
    await versions.insertDecision(trx, {
      versionId: v1.id,
      decision: 'instemming',
      reasons: 'De MR steunt de keuze voor lezen en concentratie.',
      meetingOn: todayIn(new Date(now.getTime() - 56 * day)),
      personId: mr,
      now: new Date(now.getTime() - 55 * day),
    });
    const v2 = await versions.insertVersion(trx, {
      planId: plan.id,
      number: 2,
      snapshot: { ...current, takenAt: v2At.toISOString() },
      note: 'Meer leerlingen in de leesinterventie en een hogere begroting voor het eerste jaar.',
      personId: leader,
      now: v2At,
    });
    await versions.insertComment(trx, {
      versionId: v2.id,
      personId: mr,
      body: 'Fijn dat meer leerlingen meedoen. Hoe wordt de extra inzet voor lezen betaald na dit schooljaar?',
      now: new Date(now.getTime() - 3 * day),
    });
  });
  return ['Schoolprogramma: versie 1 heeft instemming van de MR; versie 2 wacht op het besluit.'];
}
