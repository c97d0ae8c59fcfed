// Demo data for the menukaart: the praktijkkaarten (all of them, or the start stops with a list
// of what is missing) and two published kennisplein examples from the demo schools.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoStep } from '../../platform/demo-step.ts';
import { itemOfSchoolTitled, setItemInterventions } from './repository/kennisplein.ts';
import { createItem } from './services/kennisplein.ts';
import { interventionByCode } from './repository/entries.ts';
import { importPraktijkkaarten } from './services/praktijkkaart-import.ts';

const examples = [
  {
    school: 'bo' as const,
    codes: ['B5', 'B8'],
    title: 'Groep 8 leest met groep 4',
    school_type: 'Basisschool',
    what_they_did:
      'Twee keer per week lazen leerlingen uit groep 8 twintig minuten samen met een leerling uit groep 4. De duo’s bleven het hele half jaar hetzelfde. De tutoren kregen vooraf twee korte trainingen: hardop voorspellen, vragen stellen en samenvatten.',
    cost_text:
      'Vooral tijd: de leescoördinator werkte er twee uur per week aan. Daarnaast boeken voor de schoolbibliotheek.',
    cost_cents: 180000,
    lessons:
      '- Vaste duo’s en vaste tijden werkten beter dan wisselende.\n- De tutoren leerden er zelf ook veel van.\n- Meet het leesbegrip voor en na, niet alleen het leesplezier.',
    contact_ok: true,
  },
  {
    school: 'vo' as const,
    codes: ['D1'],
    title: 'Plannen leren in de brugklas',
    school_type: 'Havo/vwo',
    what_they_did:
      'Mentoren besteedden in de eerste tien weken elke week een mentorles aan plannen: een opdracht opdelen, inschatten hoeveel tijd iets kost en achteraf terugkijken. Vakdocenten gebruikten dezelfde planner in hun lessen.',
    cost_text: 'Scholing van de mentoren (één middag) en een gedrukte planner per leerling.',
    cost_cents: 425000,
    lessons:
      'Het werkt alleen als alle vakdocenten dezelfde taal gebruiken. Na de herfstvakantie verslapte het; een korte herhaling in januari hielp.',
    contact_ok: false,
  },
];

export const menukaartDemoStep: DemoStep = {
  name: 'menukaart',
  async run(db: Kysely<DB>, orgs) {
    const r = await importPraktijkkaarten(db, { strict: true });
    const lines = r.updatedEntries ? [`Menukaart: ${r.loaded} praktijkkaarten geladen.`] : [];
    for (const ex of examples) {
      const schoolId = orgs.schools[ex.school];
      if (await itemOfSchoolTitled(db, schoolId, ex.title)) continue;
      await db.transaction().execute(async (trx) => {
        const id = await createItem(trx, {
          kind: 'voorbeeld',
          school_id: schoolId,
          author_person_id: null,
          status: 'gepubliceerd',
          title: ex.title,
          school_type: ex.school_type,
          what_they_did: ex.what_they_did,
          cost_text: ex.cost_text,
          cost_cents: ex.cost_cents,
          lessons: ex.lessons,
          contact_ok: ex.contact_ok,
          source_url: null,
        });
        const ids = await Promise.all(ex.codes.map((c) => interventionByCode(trx, c)));
        await setItemInterventions(
          trx,
          id,
          ids.filter((x) => x !== undefined).map((x) => x!.id),
        );
      });
    }
    return lines;
  },
};
