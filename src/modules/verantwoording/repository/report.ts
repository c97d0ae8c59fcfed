// The board_report rows: one per board, programme and calendar year. Every write names the
// revision it started from; a write that finds another revision changes nothing (the caller
// answers with a 409 that keeps the input).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

export async function findReport(db: Db, boardId: number, programmeId: number, year: number) {
  return db
    .selectFrom('board_report')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('programme_id', '=', programmeId)
    .where('calendar_year', '=', year)
    .executeTakeFirst();
}

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** The board's reports of the programme (for the list of years). */
export async function listReports(db: Db, boardId: number, programmeId: number) {
  return db
    .selectFrom('board_report')
    .select(['calendar_year', 'status', 'confirmed_at', 'updated_at'])
    .where('board_id', '=', boardId)
    .where('programme_id', '=', programmeId)
    .orderBy('calendar_year')
    .execute();
}

/**
 * Saves the texts of a concept report. Revision 0 means "there was no report yet": the row is
 * inserted (a concurrent insert loses on the unique key and gets undefined). Returns the new
 * revision, or undefined when the revision or the status did not match.
 */
export async function saveTexts(
  db: Db,
  key: { boardId: number; programmeId: number; year: number },
  revision: number,
  texts: Record<string, string>,
  personId: number | null,
  now: Date,
): Promise<number | undefined> {
  if (revision === 0) {
    const row = await db
      .insertInto('board_report')
      .values({
        board_id: key.boardId,
        programme_id: key.programmeId,
        calendar_year: key.year,
        texts: JSON.stringify(texts),
        updated_by: personId,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['board_id', 'programme_id', 'calendar_year']).doNothing())
      .returning('revision')
      .executeTakeFirst();
    return row?.revision;
  }
  const row = await db
    .updateTable('board_report')
    .set((eb) => ({
      texts: JSON.stringify(texts),
      revision: eb('revision', '+', 1),
      updated_by: personId,
      updated_at: now,
    }))
    .where('board_id', '=', key.boardId)
    .where('programme_id', '=', key.programmeId)
    .where('calendar_year', '=', key.year)
    .where('revision', '=', revision)
    .where('status', '=', 'concept')
    .returning('revision')
    .executeTakeFirst();
  return row?.revision;
}

/** Freezes the figures and marks the report confirmed; undefined when the revision moved on. */
export async function confirmReport(
  db: Db,
  id: number,
  revision: number,
  figures: unknown,
  personId: number | null,
  now: Date,
) {
  return db
    .updateTable('board_report')
    .set((eb) => ({
      status: 'bevestigd',
      confirmed_figures: JSON.stringify(figures),
      confirmed_at: now,
      confirmed_by: personId,
      revision: eb('revision', '+', 1),
      updated_by: personId,
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('status', '=', 'concept')
    .returning(['id', 'revision'])
    .executeTakeFirst();
}

/** Back to concept: the figures are generated live again until the next confirmation. */
export async function reopenReport(db: Db, id: number, personId: number | null, now: Date) {
  return db
    .updateTable('board_report')
    .set((eb) => ({
      status: 'concept',
      confirmed_figures: null,
      confirmed_at: null,
      confirmed_by: null,
      revision: eb('revision', '+', 1),
      updated_by: personId,
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('status', '=', 'bevestigd')
    .returning(['id', 'revision'])
    .executeTakeFirst();
}
