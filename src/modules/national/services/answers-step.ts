// The national dataset step of verantwoording: answers to every published questionnaire and
// confirmed annual reports, for the schools of the people step (the same seeded sample with
// `--max-scholen`), each answered by that school's or board's test account.
import { generateNationalAnswers } from '../../verantwoording/services/national-generate.ts';
import type { NationalStep } from './steps.ts';
import { emailFor } from './people.ts';

export const answersStep: NationalStep = {
  name: 'verantwoording',
  async run(db, ctx) {
    const r = await generateNationalAnswers(db, {
      seed: ctx.seed,
      // The same sample as the people step's, so every answering school has its test accounts.
      maxSchools: ctx.maxSchools,
      respondent: (kind, code) => emailFor(kind === 'school' ? 'schoolleider' : 'bestuur', code),
      progress: ctx.progress,
    });
    ctx.out(
      `  ${r.questionnaires} vragenlijsten, ${r.schools} scholen en ${r.boards} besturen: ` +
        `${r.responses} nieuwe antwoorden (${r.submissions} inzendingen, ${r.rows} regels voor de monitor), ` +
        `${r.reports} nieuwe bevestigde jaarverslagen`,
    );
  },
};
