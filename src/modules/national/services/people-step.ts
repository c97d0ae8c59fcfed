// The national dataset step of this module: people and memberships for every school and board.
import type { NationalStep } from './steps.ts';
import { generateNationalPeople, nationalDomain } from './people.ts';

export const peopleStep: NationalStep = {
  name: 'mensen',
  async run(db, ctx) {
    const r = await generateNationalPeople(db, {
      seed: ctx.seed,
      maxSchools: ctx.maxSchools,
      progress: ctx.progress,
    });
    ctx.out(
      `  ${r.schools} scholen en ${r.boards} besturen: ${r.planned} accounts op @${nationalDomain}, ` +
        `${r.peopleAdded} nieuw, ${r.membershipsAdded} nieuwe lidmaatschappen` +
        (r.boardsWithoutCode ? ` (${r.boardsWithoutCode} besturen zonder bestuursnummer overgeslagen)` : ''),
    );
  },
};
