// How long a school keeps its imported LVS results, and the purge that enforces it.
//
// The period counts from the import: the results stored by an import are deleted once the
// school's period has passed since that import. A result that a later import stores again
// belongs to that later import and counts from then. The school leader chooses the period from
// `retentionChoices`; a school that never chose keeps `defaultRetentionMonths`. The daily job
// deletes the results, keeps the import record (file name, counts, school years: no pupil data)
// marked as purged, and audits each purge as a system action.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import * as repo from '../repository/retention.ts';

/** The queue of the daily purge (module name as prefix). */
export const retentionPurgeQueue = 'schoolscan-bewaartermijn';
/** Every night at 02:53 (Europe/Amsterdam), after the platform's own clean-ups. */
export const retentionPurgeCron = '53 2 * * *';

export const retentionChoices = [6, 12, 24, 36, 60] as const;
export const defaultRetentionMonths = 24;

export const purgeAuditAction = 'schoolscan.uitslagen-verwijderd';
export const settingAuditAction = 'schoolscan.bewaartermijn-gewijzigd';
/** Who the purge is in the audit trail. */
export const systemActor = 'systeem (bewaartermijn)';

/** '6 maanden', '1 jaar', '2 jaar'. */
export function retentionLabel(months: number): string {
  if (months % 12 === 0) return `${months / 12} jaar`;
  return `${months} ${months === 1 ? 'maand' : 'maanden'}`;
}

/** The chosen period from the form, or a Dutch message that says what to do. */
export function parseRetentionChoice(
  value: string | undefined,
): { ok: true; months: number } | { ok: false; message: string } {
  const months = Number(value);
  if (value && /^\d{1,3}$/.test(value) && (retentionChoices as readonly number[]).includes(months))
    return { ok: true, months };
  return {
    ok: false,
    message: `Kies een bewaartermijn uit de lijst: ${retentionChoices.map(retentionLabel).join(', ')}.`,
  };
}

export interface PurgedImport {
  importId: number;
  schoolId: number;
  results: number;
  months: number;
}

/**
 * Deletes the results of every import past its school's period at `now`, one import per
 * transaction (with its audit row), and returns what it purged.
 */
export async function purgeExpiredResults(db: Kysely<DB>, now: Date): Promise<PurgedImport[]> {
  const due = await repo.importsPastRetention(db, now, defaultRetentionMonths);
  const out: PurgedImport[] = [];
  for (const d of due) {
    const n = await db.transaction().execute(async (trx) => {
      const results = await repo.purgeImport(trx, d.id, d.schoolId, now);
      if (results === null) return null;
      await writeAudit(trx, {
        action: purgeAuditAction,
        objectType: 'lvs_import',
        objectId: d.id,
        organisationId: d.schoolId,
        actorLabel: systemActor,
        details: { uitslagen: results, bewaartermijn_maanden: d.months },
      });
      return results;
    });
    if (n !== null) out.push({ importId: d.id, schoolId: d.schoolId, results: n, months: d.months });
  }
  return out;
}
