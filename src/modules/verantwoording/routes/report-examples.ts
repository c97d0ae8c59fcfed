// How the authorization matrix, the cross-tenant suite and the browser suite fill the annual
// report routes. Each write gets a report in the state it needs, in its own year, so the examples
// do not disturb each other: saving texts in 2022, confirming 2023, reopening 2024. Test support
// only; never called by the platform itself.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import { findReport } from '../repository/report.ts';
import { liveFigures } from '../services/report.ts';

const texts = {
  betrokkenheid: 'De MR’s en de leerlingenraden dachten mee over de keuzes van elke school.',
  'eerste-resultaten': 'De scholen zien dat de leerlingen in de groepjes sneller lezen.',
  bovenschools: '',
  gmr: '',
};

/** The report of the year in the given status with the example texts; returns its revision. */
async function reportIn(db: Kysely<DB>, boardId: number, year: number, status: 'concept' | 'bevestigd') {
  const programme = await loadProgramme(db);
  const now = new Date();
  const existing = await findReport(db, boardId, programme.id, year);
  const figures =
    status === 'bevestigd' ? JSON.stringify(await liveFigures(db, boardId, programme.id, year, now)) : null;
  const values = {
    texts: JSON.stringify(texts),
    status,
    confirmed_figures: figures,
    confirmed_at: status === 'bevestigd' ? now : null,
    updated_at: now,
  };
  if (existing) {
    const row = await db
      .updateTable('board_report')
      .set(values)
      .where('id', '=', existing.id)
      .returning('revision')
      .executeTakeFirstOrThrow();
    return row.revision;
  }
  const row = await db
    .insertInto('board_report')
    .values({
      board_id: boardId,
      programme_id: programme.id,
      calendar_year: year,
      created_at: now,
      ...values,
    })
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

export const reportListExample: RouteExamples = { params: ({ boardId }) => ({ boardId }) };
export const reportYearExample: RouteExamples = { params: ({ boardId }) => ({ boardId, jaar: '2022' }) };

export const saveTextsExample: RouteExamples = {
  params: ({ boardId }) => ({ boardId, jaar: '2022' }),
  bodyFor: async ({ boardId, db }) => {
    const programme = await loadProgramme(db);
    const row = await findReport(db, boardId, programme.id, 2022);
    if (row?.status === 'bevestigd')
      return { ...texts, revisie: String(await reportIn(db, boardId, 2022, 'concept')) };
    return { ...texts, revisie: String(row?.revision ?? 0) };
  },
};

export const confirmPageExample: RouteExamples = {
  params: async ({ boardId, db }) => {
    await reportIn(db, boardId, 2023, 'concept');
    return { boardId, jaar: '2023' };
  },
};
export const confirmExample: RouteExamples = {
  params: ({ boardId }) => ({ boardId, jaar: '2023' }),
  bodyFor: async ({ boardId, db }) => ({ revisie: String(await reportIn(db, boardId, 2023, 'concept')) }),
};

export const reopenExample: RouteExamples = {
  params: async ({ boardId, db }) => {
    await reportIn(db, boardId, 2024, 'bevestigd');
    return { boardId, jaar: '2024' };
  },
};
