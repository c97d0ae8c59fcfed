// Demo data for the board-level plan: the demo board runs a summer school for its schools, paid
// partly from the demo BO school's money (a reservation its MR consented to), and the GMR
// consented to version 1 of the plan. Does nothing when the board already has a plan.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { DemoOrganisations } from '../../../platform/demo-step.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { menuVersionInForce } from '../../menukaart/services/menu.ts';
import { insertReservation } from '../../funding/repository/reservations.ts';
import * as repo from '../repository/board-plan.ts';
import * as versions from '../repository/board-plan-versions.ts';
import { draftSnapshot } from './board-plan.ts';

const personByEmail = async (db: Kysely<DB>, email: string) =>
  (await db.selectFrom('person').select('id').where('email', '=', email).executeTakeFirst())?.id ?? null;

export async function boardPlanDemo(db: Kysely<DB>, orgs: DemoOrganisations): Promise<string[]> {
  const programme = await loadProgramme(db);
  if (await repo.findBoardPlan(db, orgs.boardId, programme.id)) return [];
  const menu = await menuVersionInForce(db, new Date());
  const summer = await db
    .selectFrom('menukaart_entry as e')
    .innerJoin('menukaart_intervention as i', 'i.id', 'e.intervention_id')
    .select(['e.intervention_id', 'e.category_code'])
    .where('e.version_id', '=', menu.id)
    .where('i.code', '=', 'A3')
    .executeTakeFirst();
  const year = await db
    .selectFrom('school_year')
    .select('id')
    .where('label', '=', '2021-2022')
    .executeTakeFirst();
  if (!summer || !year) return [];
  const board = await personByEmail(db, 'bestuur@demo.nponderwijs.example');
  const gmr = await personByEmail(db, 'gmr-lid@demo.nponderwijs.example');
  await db.transaction().execute(async (trx) => {
    const plan = await repo.ensureBoardPlan(
      trx,
      orgs.boardId,
      programme.id,
      board,
      new Date('2021-06-20T09:00:00Z'),
    );
    const interventionId = await repo.insertIntervention(
      trx,
      plan.id,
      {
        categoryCode: summer.category_code,
        interventionId: summer.intervention_id,
        menuVersionId: menu.id,
        title: 'Zomerschool voor alle scholen van het bestuur',
        description:
          'In de laatste twee weken van de zomervakantie een zomerschool voor leerlingen van groep 5 tot en met 7 die achterstand hebben in lezen en rekenen, op één locatie voor alle scholen.',
        responsible: 'Bovenschools coördinator onderwijs',
      },
      board,
      new Date('2021-06-20T09:00:00Z'),
    );
    await insertReservation(trx, {
      boardId: orgs.boardId,
      schoolId: orgs.schools.bo,
      schoolYearId: year.id,
      amountCents: 1_200_000,
      purpose: 'Bijdrage aan de bovenschoolse zomerschool',
      mrConsentOn: '2021-06-15',
      personId: board,
      categoryCode: summer.category_code,
      interventionId: summer.intervention_id,
      menuVersionId: menu.id,
      planInterventionId: interventionId,
    });
    const version = await versions.insertVersion(trx, {
      planId: plan.id,
      snapshot: await draftSnapshot(trx, plan.id),
      note: 'Eerste versie: de zomerschool, met de bijdrage van de basisschool.',
      personId: board,
      now: new Date('2021-07-01T09:00:00Z'),
    });
    await versions.insertDecision(trx, {
      versionId: version.id,
      decision: 'instemming',
      reasons: 'De GMR steunt een gezamenlijke zomerschool; graag na afloop een evaluatie.',
      meetingOn: '2021-07-08',
      personId: gmr,
      now: new Date('2021-07-08T20:00:00Z'),
    });
  });
  return [
    'Schoolprogramma: het demobestuur heeft een bovenschools plan (zomerschool), versie 1 met instemming van de GMR.',
  ];
}
