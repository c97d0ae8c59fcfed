// The open_data_load rows: the first-start load of the shipped open data and its progress.
import type { Updateable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Db } from './db.ts';

/** The newest load, or undefined when none was ever queued. */
export async function newestLoad(db: Db) {
  return db
    .selectFrom('open_data_load')
    .select(['status', 'files_done', 'files_total', 'current_file', 'message'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Whether any school came from a DUO file. */
export async function hasDuoSchool(db: Db): Promise<boolean> {
  const real = await db
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', 'school')
    .where('duo_seen_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return real !== undefined;
}

export async function insertLoad(db: Db, filesTotal: number): Promise<number> {
  const row = await db
    .insertInto('open_data_load')
    .values({ status: 'wachtend', files_total: filesTotal })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateLoad(db: Db, loadId: number, values: Updateable<DB['open_data_load']>) {
  await db.updateTable('open_data_load').set(values).where('id', '=', loadId).execute();
}
