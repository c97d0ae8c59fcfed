// The programme this platform serves, read from the database (seeded from resources/).
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';

export interface ProgrammeInfo {
  id: number;
  code: string;
  name: string;
  shortName: string;
  description: string;
  spendUntil: string | null;
}

/** The current programme: the most recently created one. */
export async function loadProgramme(db: Kysely<DB>): Promise<ProgrammeInfo> {
  const p = await db.selectFrom('programme').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!p) throw new Error('Er is geen programma in de database. Zijn de migraties uitgevoerd?');
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    shortName: p.short_name,
    description: p.description,
    spendUntil: p.spend_until,
  };
}

export async function listSchoolYears(db: Kysely<DB>, programmeId: number) {
  return db
    .selectFrom('school_year')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('starts_on')
    .execute();
}
