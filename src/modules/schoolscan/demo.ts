// Demo data for the schoolscan: the demo BO school gets generated LVS results (2016-2017 to
// 2021-2022, through the real import) and a scan of 2021-2022 in progress with its first step
// and invented team assessments and monitoring results for a few groups (steps 3 and 4).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoStep } from '../../platform/demo-step.ts';
import type { AssessedStep } from './tables.ts';
import { loadProgramme } from '../../platform/programme.ts';
import * as lvs from './repository/lvs.ts';
import * as scans from './repository/scans.ts';
import { generateLvs, toFlatCsv } from './services/generator.ts';
import { checkLvsFile, storeLvsImport } from './services/import.ts';
import { saveSection } from './services/scan.ts';
import { addDemoMapping } from './services/demo-mapping.ts';
import { saveAssessment, saveMonitorResults } from './services/wellbeing-commands.ts';
import { addDemoFocusPoint } from './services/focus-points.ts';
import { addDemoChoices } from './services/demo-keuzehulp.ts';

export const schoolscanDemoStep: DemoStep = {
  name: 'schoolscan',
  async run(db: Kysely<DB>, orgs) {
    const schoolId = orgs.schools.bo;
    if ((await lvs.importsOfSchool(db, schoolId, 1)).length) return [];
    const csv = toFlatCsv(generateLvs({ pupils: 212, fromYear: 2016, toYear: 2021, seed: 2021 }));
    const checked = checkLvsFile({ name: 'demo-lvs-export.csv', data: Buffer.from(csv, 'utf8') });
    if (!checked.ok) throw new Error('De gegenereerde demo-toetsgegevens zijn niet in te lezen.');
    const programme = await loadProgramme(db);
    const year = (await scans.schoolYears(db, programme.id)).find((y) => y.label === '2021-2022');
    await db.transaction().execute(async (trx) => {
      await storeLvsImport(trx, checked, { schoolId, personId: null });
      await addDemoMapping(trx, schoolId);
      if (year)
        await saveSection(trx, {
          schoolId,
          schoolYearId: year.id,
          section: 'context',
          body:
            'De school was in het voorjaar van 2020 acht weken dicht en in de winter van 2020-2021 opnieuw zes weken. ' +
            'Ongeveer een op de tien gezinnen had thuis geen eigen laptop voor het kind; de school leende 24 laptops uit. ' +
            'Bij terugkomst zagen de leerkrachten vooral bij technisch lezen in groep 4 en 5 dat leerlingen minder vlot lazen.',
          version: 0,
          personId: null,
          now: new Date(),
        });
      if (year) await demoWellbeing(trx, schoolId, year.id);
      if (year) await addDemoFocusPoint(trx, schoolId, year.id);
      if (year) await addDemoChoices(trx, schoolId, year.id, 'BO');
    });
    return [
      'Schoolscan: de demo-basisschool heeft verzonnen toetsgegevens (2016-2017 tot en met 2021-2022) en een schoolscan 2021-2022 in bewerking, met verzonnen teambeoordelingen van enkele groepen, een aandachtspunt en de keuzes van de keuzehulp daarbij; een export in voorbeeldindeling b (generate-lvs --indeling b) wordt herkend met een bewaarde kolomkoppeling.',
    ];
  },
};

/** Steps 3 and 4 of the demo scan: invented team assessments of groups 4–6 and monitoring results. */
async function demoWellbeing(trx: Kysely<DB>, schoolId: number, schoolYearId: number) {
  const now = new Date();
  const demo: [AssessedStep, number, Record<string, number>, string][] = [
    [
      'sociaal-emotioneel',
      4,
      { veiligheid: 4, omgang: 3, zelfvertrouwen: 3, plezier: 4, betrokkenheid: 3 },
      '',
    ],
    [
      'sociaal-emotioneel',
      5,
      { veiligheid: 3, omgang: 2, zelfvertrouwen: 3, plezier: 2, betrokkenheid: 3 },
      'Sinds de tweede sluiting meer ruzies op het plein.',
    ],
    [
      'sociaal-emotioneel',
      6,
      { veiligheid: 4, omgang: 4, zelfvertrouwen: 4, plezier: 4, betrokkenheid: 4 },
      '',
    ],
    [
      'executieve-functies',
      4,
      { werkhouding: 3, aandacht: 2, planning: 3, werkgeheugen: 3, emotieregulatie: 3 },
      '',
    ],
    [
      'executieve-functies',
      5,
      { werkhouding: 2, aandacht: 2, planning: 2, werkgeheugen: 3, emotieregulatie: 2 },
      'Zelfstandig werken lukt veel leerlingen nog niet.',
    ],
  ];
  for (const [step, grade, scores, groupNote] of demo)
    await saveAssessment(trx, {
      schoolId,
      schoolYearId,
      step,
      grade,
      assessment: { scores, notes: {}, groupNote },
      version: 0,
      personId: null,
      now,
    });
  await saveMonitorResults(trx, {
    schoolId,
    schoolYearId,
    results: [4, 5, 6].map((grade, i) => ({
      grade,
      instrument: 'Voorbeeld-volginstrument',
      measure: 'aandeel leerlingen extra aandacht (%)',
      pupils: [27, 25, 8][i]!,
      value: [11, 24, 12.5][i]!,
    })),
    personId: null,
    now,
  });
}
