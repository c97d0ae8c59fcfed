// Demo data for funding: made-up pupil counts for the demo schools (their codes start with
// DEMO, so they never mix with DUO data) and a first computation of the amounts.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoStep } from '../../platform/demo-step.ts';
import { loadProgramme } from '../../platform/programme.ts';
import { recomputeAll } from './services/recompute.ts';
import { insertDemoCounts } from './repository/demo.ts';

export const fundingDemoStep: DemoStep = {
  name: 'funding',
  async run(db: Kysely<DB>, orgs) {
    const counts: [number, string, string, number][] = [
      [orgs.schools.bo, '2020-10-01', 'totaal', 212],
      [orgs.schools.bo, '2021-10-01', 'totaal', 205],
      [orgs.schools.so, '2020-10-01', 'totaal', 64],
      [orgs.schools.so, '2021-10-01', 'totaal', 61],
      [orgs.schools.vo, '2020-10-01', 'totaal', 910],
      [orgs.schools.vo, '2020-10-01', 'VO_ALG', 780],
      [orgs.schools.vo, '2020-10-01', 'VO_PRO_VBO34', 130],
      [orgs.schools.vo, '2021-10-01', 'totaal', 925],
      [orgs.schools.vo, '2021-10-01', 'VO_ALG', 790],
      [orgs.schools.vo, '2021-10-01', 'VO_PRO_VBO34', 135],
    ];
    if ((await insertDemoCounts(db, counts)) === 0) return [];
    const programme = await loadProgramme(db);
    await recomputeAll(db, programme.id, 'Demogegevens');
    return [
      'Bekostiging: leerlingtellingen voor de demoscholen staan klaar (verzonnen aantallen); bedragen berekend.',
    ];
  },
};
