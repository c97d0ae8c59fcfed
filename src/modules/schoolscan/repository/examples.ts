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

/**
 * Steps 3 and 4: a scan in progress without an assessment of group 5 in step 3, with the person
 * the request is sent as assigned to group 5 when they are a team member of the school.
 */
export async function exampleGroup(
  db: Kysely<DB>,
  schoolId: number,
  personId: number | undefined,
): Promise<{ schoolId: number; schoolYearId: number }> {
  const ids = await exampleScan(db, schoolId, 'concept');
  const scan = await db
    .selectFrom('schoolscan')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', ids.schoolYearId)
    .executeTakeFirstOrThrow();
  await db
    .deleteFrom('schoolscan_group_assessment')
    .where('scan_id', '=', scan.id)
    .where('step', '=', 'sociaal-emotioneel')
    .where('grade', '=', 5)
    .execute();
  if (personId !== undefined) {
    const teamlid = await db
      .selectFrom('membership')
      .select('id')
      .where('person_id', '=', personId)
      .where('organisation_id', '=', schoolId)
      .where('role', '=', 'teamlid')
      .executeTakeFirst();
    if (teamlid)
      await db
        .insertInto('schoolscan_group_assignment')
        .values({ school_id: schoolId, school_year_id: ids.schoolYearId, grade: 5, person_id: personId })
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
  return ids;
}

/** A team member of the school (made once), for the form that assigns groups. */
export async function exampleTeamMember(db: Kysely<DB>, schoolId: number): Promise<number> {
  const email = `voorbeeld-teamlid-${schoolId}@voorbeeld.example`;
  const found = await db.selectFrom('person').select('id').where('email', '=', email).executeTakeFirst();
  if (found) return found.id;
  const person = await db
    .insertInto('person')
    .values({ email, name: 'Voorbeeld Teamlid' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: schoolId, role: 'teamlid' })
    .execute();
  return person.id;
}

/** A new monitoring result in the school's scan of that year (a fresh measure name each time). */
export async function exampleMonitorResult(
  db: Kysely<DB>,
  schoolId: number,
  schoolYearId: number,
): Promise<number> {
  const scan = await db
    .selectFrom('schoolscan')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .executeTakeFirstOrThrow();
  const r = await db
    .insertInto('schoolscan_monitor_result')
    .values({
      scan_id: scan.id,
      grade: 5,
      instrument: 'Voorbeeldinstrument',
      measure: `voorbeeldmaat ${Date.now()}-${Math.random().toString(16).slice(2, 8)}`,
      pupils: 20,
      value: 10,
      updated_at: new Date(),
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * A focus point (rekenen-wiskunde, group 5, 28 pupils) in the school's open scan of the first
 * school year, made when the scan has none; with `chosen` also that intervention chosen for it.
 */
export async function exampleFocusPoint(
  db: Kysely<DB>,
  schoolId: number,
  chosen?: string,
): Promise<{ schoolId: number; schoolYearId: number; focusPointId: number }> {
  const { schoolYearId } = await exampleScan(db, schoolId, 'concept');
  const scan = await db
    .selectFrom('schoolscan')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .executeTakeFirstOrThrow();
  const existing = await db
    .selectFrom('schoolscan_focus_point')
    .select('id')
    .where('scan_id', '=', scan.id)
    .orderBy('position')
    .orderBy('id')
    .executeTakeFirst();
  const focusPointId =
    existing?.id ??
    (
      await db
        .insertInto('schoolscan_focus_point')
        .values({
          scan_id: scan.id,
          domain: 'rekenen-wiskunde',
          grades: [5],
          pupils: 28,
          severity: 'zorg',
          evidence: 'Groep 5 scoort bij rekenen lager dan eerdere jaargangen.',
          goal: 'Aan het eind van het schooljaar haalt groep 5 weer het niveau van eerdere jaargangen.',
          position: 1,
          evidence_links: '[]',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  if (chosen) {
    const intervention = await db
      .selectFrom('menukaart_intervention')
      .select('id')
      .where('code', '=', chosen)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('schoolscan_focus_choice')
      .values({ focus_point_id: focusPointId, intervention_id: intervention.id, estimated_cents: null })
      .onConflict((oc) => oc.columns(['focus_point_id', 'intervention_id']).doNothing())
      .execute();
  }
  return { schoolId, schoolYearId, focusPointId };
}

/** A new focus point (version 1) in the school's scan of the first school year, in concept. */
export async function exampleNewFocusPoint(
  db: Kysely<DB>,
  schoolId: number,
): Promise<{ schoolId: number; schoolYearId: number; focusPointId: number }> {
  const { schoolYearId } = await exampleScan(db, schoolId, 'concept');
  const scan = await db
    .selectFrom('schoolscan')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .executeTakeFirstOrThrow();
  const point = await db
    .insertInto('schoolscan_focus_point')
    .values({
      scan_id: scan.id,
      domain: 'rekenen-wiskunde',
      grades: [5],
      pupils: 28,
      severity: 'zorg',
      evidence: 'Groep 5 scoort bij rekenen lager dan eerdere jaargangen.',
      evidence_links: '[]',
      goal: 'Groep 5 rekent aan het eind van het jaar weer zoals eerdere jaargangen.',
      position: 1000,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { schoolId, schoolYearId, focusPointId: point.id };
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
