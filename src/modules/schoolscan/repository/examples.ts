// Objects for the route examples (authorization matrix, browser suite): a scan of a tenant's
// school in a given state. Test support only; never called by the platform itself.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ScanStatus } from '../tables.ts';
import { headerSignature } from '../services/parse/lvs-mapping.ts';
import { insertMapping, mappingBySignature } from './mapping.ts';

export async function firstSchoolYearId(db: Kysely<DB>): Promise<number> {
  const y = await db
    .selectFrom('school_year')
    .innerJoin('programme', 'programme.id', 'school_year.programme_id')
    .select('school_year.id')
    .orderBy('programme.id', 'desc')
    .orderBy('school_year.starts_on')
    .limit(1)
    .executeTakeFirstOrThrow();
  return y.id;
}

/** A scan of the school in the first school year, in `status`, with conclusions; `clear` removes a step. */
export async function exampleScan(
  db: Kysely<DB>,
  schoolId: number,
  status: ScanStatus,
  clear?: string,
): Promise<{ schoolId: number; schoolYearId: number }> {
  const schoolYearId = await firstSchoolYearId(db);
  await db
    .insertInto('schoolscan')
    .values({ school_id: schoolId, school_year_id: schoolYearId })
    .onConflict((oc) => oc.columns(['school_id', 'school_year_id']).doNothing())
    .execute();
  const scan = await db
    .selectFrom('schoolscan')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('schoolscan')
    .set(
      status === 'afgerond'
        ? { status, completed_at: new Date() }
        : { status, completed_at: null, completed_by: null },
    )
    .where('id', '=', scan.id)
    .execute();
  await db
    .insertInto('schoolscan_section')
    .values({ scan_id: scan.id, section: 'conclusies', body: 'Rekenen in groep 5 vraagt aandacht.' })
    .onConflict((oc) => oc.columns(['scan_id', 'section']).doNothing())
    .execute();
  if (clear === 'context' || clear === 'cognitief')
    await db
      .deleteFrom('schoolscan_section')
      .where('scan_id', '=', scan.id)
      .where('section', '=', clear)
      .execute();
  return { schoolId, schoolYearId };
}

/** A column mapping of the school (made once per purpose), for the mapping routes' examples. */
export async function exampleMapping(db: Kysely<DB>, schoolId: number, purpose: string): Promise<number> {
  const headers = ['LVS-nr', 'Gr.', 'Toets', 'Afname', 'Jaar', 'VS', `Kolom ${purpose}`];
  const signature = headerSignature(headers);
  await insertMapping(
    db,
    schoolId,
    signature,
    {
      name: `Voorbeeld ${purpose}`,
      provider: 'cito',
      headers,
      columns: {
        leerlingsleutel: 'LVS-nr',
        groep: 'Gr.',
        vakgebied: 'Toets',
        moment: 'Afname',
        schooljaar: 'Jaar',
        vaardigheidsscore: 'VS',
      },
      yearFromDate: false,
      values: { moment: { B: 'overslaan' } },
    },
    null,
  );
  return (await mappingBySignature(db, schoolId, signature))!.id;
}
