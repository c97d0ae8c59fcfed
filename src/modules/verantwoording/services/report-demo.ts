// Demo data of the annual report: the demo board has a concept report over 2022 with its own
// texts, so the demo board member reviews it, confirms it and downloads it. Left as a concept on
// purpose; does nothing when the report is already there.
import type { DemoStep } from '../../../platform/demo-step.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { findReport, saveTexts } from '../repository/report.ts';
import type { Texts } from './report-texts.ts';

export const demoYear = 2022;

// No GMR text: the page fills it in from the GMR's decision on the demo board plan.
const texts: Omit<Texts, 'gmr'> = {
  betrokkenheid:
    'Elke school besprak de uitkomsten van de schoolscan met het team en legde de keuze van interventies voor aan de MR. Ouders lazen mee via de oudergeleding van de MR en een ouderavond per school. Op de vo-school dacht de leerlingenraad mee over de keuzes.',
  'eerste-resultaten':
    'De scholen evalueerden hun interventies aan het eind van het schooljaar. In de leesgroepjes lezen de meeste leerlingen een niveau hoger; een kleine groep groeit nog te weinig en krijgt volgend jaar meer tijd.',
  bovenschools:
    'Het bestuur organiseerde een zomerschool voor leerlingen van alle scholen (categorie A, uitbreiding van onderwijstijd).',
};

export const reportDemo: DemoStep['run'] = async (db, orgs) => {
  const programme = await loadProgramme(db);
  if (await findReport(db, orgs.boardId, programme.id, demoYear)) return [];
  const board = await db
    .selectFrom('person')
    .select('id')
    .where('email', '=', 'bestuur@demo.nponderwijs.example')
    .executeTakeFirst();
  await saveTexts(
    db,
    { boardId: orgs.boardId, programmeId: programme.id, year: demoYear },
    0,
    texts,
    board?.id ?? null,
    new Date(),
  );
  return [
    `Verantwoording: het demobestuur heeft een concept-jaarverslag over ${demoYear}; bevestig en download het als bestuur (/besturen/${orgs.boardId}/jaarverslag/${demoYear}).`,
  ];
};
