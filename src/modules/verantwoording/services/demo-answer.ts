// Demo data for answering: the demo school leader finds the 2021-2022 school leaders'
// questionnaire open, so it can be answered today. Its close date is moved, in the demo database
// only, to 30 days from today (the summary line says so); the board questionnaire of that year
// likewise. Most answers then come from the demo plan and scan through the prefill, live, so
// nothing else is written. Does nothing when the seeded questionnaires are absent.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { DemoOrganisations } from '../../../platform/demo-step.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import { addDays } from './reminders.ts';

export const demoSlugs = { school: 'schoolleiders-2021-2022', bestuur: 'besturen-2021-2022' } as const;
export const demoOpenDays = 30;

export async function demoAnswer(db: Kysely<DB>, _orgs: DemoOrganisations): Promise<string[]> {
  const closesOn = addDays(todayIn(new Date()), demoOpenDays);
  const moved = await db
    .updateTable('questionnaire')
    .set({ closes_on: closesOn })
    .where('slug', 'in', [demoSlugs.school, demoSlugs.bestuur])
    .where('status', '=', 'gepubliceerd')
    .where('opens_on', '<=', closesOn)
    .returning('title')
    .execute();
  if (!moved.length) return [];
  return [
    `Verantwoording: de vragenlijst ${moved.map((m) => `"${m.title}"`).join(' en ')} staat open tot en met ${formatDate(closesOn)} (in de demo is de sluitingsdatum verschoven naar vandaag + ${demoOpenDays} dagen; veel antwoorden staan klaar vanuit het demoplan).`,
  ];
}
