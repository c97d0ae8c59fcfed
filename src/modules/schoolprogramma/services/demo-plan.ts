// Demo data for the plan: the demo BO school gets a plan with an introduction, three goals that
// answer its scan's focus point (technisch lezen, groep 4 and 5) and three interventions of the
// menu in force (one each from categories A, B and E). Does nothing when the plan has goals.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { DemoOrganisations } from '../../../platform/demo-step.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { ensurePlan } from '../repository/plans.ts';
import { goalsOfPlan, insertGoal } from '../repository/goals.ts';
import { insertPlanIntervention } from '../repository/plan-interventions.ts';
import { focusPointsOfSchool } from '../repository/plan-links.ts';
import { planMenu } from './plan-menu.ts';

const intro = [
  'De schoolscan van 2021-2022 liet zien dat de leerlingen van groep 4 en 5 minder vlot lezen dan eerdere jaargangen. De leerkrachten zagen hetzelfde in de klas.',
  'Daarom kiest de school voor meer en beter leesonderwijs in die groepen, met extra handen in de klas, en volgt ze elk half jaar of het werkt.',
].join('\n\n');

export async function demoPlan(db: Kysely<DB>, orgs: DemoOrganisations): Promise<string[]> {
  const schoolId = orgs.schools.bo;
  const programme = await loadProgramme(db);
  const now = new Date();
  const school = await db
    .selectFrom('organisation')
    .select('sector')
    .where('id', '=', schoolId)
    .executeTakeFirst();
  const menu = await planMenu(db, now, school?.sector ?? null);
  const who = { personId: null, now };
  const done = await db.transaction().execute(async (trx) => {
    const plan = await ensurePlan(trx, schoolId, programme.id, null, now);
    if ((await goalsOfPlan(trx, plan.id)).length) return false;
    await trx.updateTable('school_plan').set({ intro }).where('id', '=', plan.id).execute();
    const focus = (await focusPointsOfSchool(trx, schoolId)).map((f) => f.id).slice(0, 1);
    const goalIds: number[] = [];
    for (const g of [
      {
        what: 'Aan het eind van groep 5 lezen de leerlingen weer even vlot als eerdere jaargangen.',
        forWhom: 'Groep 4 en 5',
        dueOn: '2022-07-15',
        measure: 'De toets technisch lezen in juni, vergeleken met de jaargangen van voor 2020.',
      },
      {
        what: 'Leerlingen van groep 4 en 5 lezen elke dag minstens twintig minuten met plezier.',
        forWhom: 'Groep 4 en 5',
        dueOn: '2023-07-14',
        measure: 'Twee keer per jaar een korte leesvragenlijst en de observaties van de leerkrachten.',
      },
      {
        what: 'De leerkrachten van groep 3 tot en met 5 geven het leesonderwijs op dezelfde manier.',
        forWhom: 'Leerkrachten groep 3 tot en met 5',
        dueOn: '2023-07-14',
        measure: 'Klassenbezoeken door de intern begeleider, twee keer per jaar.',
      },
    ])
      goalIds.push(await insertGoal(trx, plan.id, { ...g, focusPointIds: focus }, who));
    const picks = ['A', 'B', 'E']
      .map((cat) => menu.choosable.find((i) => i.categoryCode === cat))
      .filter((i) => i !== undefined);
    for (const [n, pick] of picks.entries())
      await insertPlanIntervention(
        trx,
        plan.id,
        menu.version.id,
        pick.id,
        {
          interventionId: pick.id,
          focusPointIds: focus,
          goalIds: [goalIds[n]!],
          grades: [4, 5],
          pupils: 52,
          startsOn: '2021-10-01',
          endsOn: n === 0 ? '2022-07-15' : '2023-07-14',
          responsible: ['Intern begeleider', 'Leescoördinator', 'Schoolleider'][n]!,
          approach: 'Drie keer per week in kleine groepjes, onder schooltijd.',
          professionalDevelopment:
            n === 1 ? 'Twee studiemiddagen over goed leesonderwijs voor het team.' : '',
          evaluationPlan:
            'Na elk toetsmoment (januari en juni) bespreekt het team de resultaten en past de aanpak zo nodig aan.',
        },
        who,
      );
    return true;
  });
  return done
    ? [
        'Schoolprogramma: de demo-basisschool heeft een schoolprogramma met inleiding, drie doelen en drie interventies.',
      ]
    : [];
}
