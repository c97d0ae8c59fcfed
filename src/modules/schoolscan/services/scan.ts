// The scan's steps and its status: what each step asks, the rules for saving a step (a step
// saved by someone else in the meantime is not overwritten) and for completing a scan (only
// the school leader, and only with conclusions), as commands over the repository.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SectionName } from '../tables.ts';
import * as repo from '../repository/scans.ts';

export const sectionNames = [
  'context',
  'cognitief',
  'sociaal-emotioneel',
  'executieve-functies',
  'conclusies',
] as const satisfies readonly SectionName[];

export const sectionTexts: Record<SectionName, { title: string; question: string; hint: string }> = {
  context: {
    title: 'Stap 1. De school en de coronatijd',
    question: 'Wat betekende de coronatijd voor onze school en onze leerlingen?',
    hint: 'Denk aan de weken dat de school dicht was, hoe het thuisonderwijs ging, welke leerlingen moeilijk bereikbaar waren, en wat het team daarna merkte.',
  },
  cognitief: {
    title: 'Stap 2. Cognitieve ontwikkeling',
    question: 'Wat zien wij in de toetsgegevens, en herkennen wij dat in de klas?',
    hint: 'Lees de analyse per vakgebied en groep. Schrijf op welke verschillen u herkent, welke u verrassen en wat u nog wilt nagaan.',
  },
  'sociaal-emotioneel': {
    title: 'Stap 3. Sociaal-emotionele ontwikkeling en welbevinden',
    question:
      'Hoe gaat het met de leerlingen: voelen zij zich veilig, gaan zij goed met elkaar om, hebben zij plezier?',
    hint: 'Lees de beoordelingen van de groepen en eventuele uitkomsten van uw volginstrument. Schrijf op wat opvalt over de hele school, welke groepen aandacht vragen en wat u nog wilt nagaan.',
  },
  'executieve-functies': {
    title: 'Stap 4. Executieve functies',
    question: 'Hoe staat het met werkhouding, aandacht, planning, werkgeheugen en emotieregulatie?',
    hint: 'Lees de beoordelingen van de groepen. Schrijf op wat het team herkent, in welke groepen het verschil met vroeger het grootst is en wat u nog wilt nagaan.',
  },
  conclusies: {
    title: 'Stap 5. Conclusies',
    question: 'Wat concluderen wij, en waar moet het schoolprogramma zich op richten?',
    hint: 'Noem de belangrijkste uitkomsten in gewone woorden. De medezeggenschapsraad leest deze conclusies als de scan is afgerond.',
  },
};

export const maxSectionLength = 20_000;

export type SaveOutcome =
  | { ok: true; version: number }
  | { ok: false; reason: 'te-lang' }
  | { ok: false; reason: 'afgerond' }
  | { ok: false; reason: 'tegelijk'; theirs: repo.SectionRow | undefined };

/** Saves one step of the scan (the scan is made by its first saved step). Call inside a transaction. */
export async function saveSection(
  trx: Kysely<DB>,
  v: {
    schoolId: number;
    schoolYearId: number;
    section: SectionName;
    body: string;
    version: number;
    personId: number | null;
    now: Date;
  },
): Promise<SaveOutcome & { scanId?: number }> {
  const body = v.body.replace(/\r\n?/g, '\n').trim();
  if (body.length > maxSectionLength) return { ok: false, reason: 'te-lang' };
  const scan = await repo.ensureScanLocked(trx, v.schoolId, v.schoolYearId, v.personId);
  if (scan.status === 'afgerond') return { ok: false, reason: 'afgerond', scanId: scan.id };
  const version = await repo.writeSection(trx, {
    scanId: scan.id,
    section: v.section,
    body,
    expected: v.version,
    personId: v.personId,
    now: v.now,
  });
  if (version === null) {
    const theirs = (await repo.sectionsOf(trx, scan.id)).find((s) => s.section === v.section);
    return { ok: false, reason: 'tegelijk', theirs, scanId: scan.id };
  }
  return { ok: true, version, scanId: scan.id };
}

export type StatusOutcome = { ok: true; scanId: number } | { ok: false; message: string; scanId?: number };

/** The school leader completes the scan: it needs conclusions. */
export async function completeScan(
  trx: Kysely<DB>,
  v: { schoolId: number; schoolYearId: number; personId: number | null; now: Date },
): Promise<StatusOutcome> {
  const scan = await repo.lockScan(trx, v.schoolId, v.schoolYearId);
  if (!scan)
    return { ok: false, message: 'Er is nog niets van deze schoolscan opgeslagen. Vul eerst de stappen in.' };
  if (scan.status === 'afgerond')
    return { ok: false, message: 'Deze schoolscan is al afgerond.', scanId: scan.id };
  const conclusions = (await repo.sectionsOf(trx, scan.id)).find((s) => s.section === 'conclusies');
  if (!conclusions || conclusions.body.trim() === '')
    return {
      ok: false,
      message: 'Schrijf eerst de conclusies (stap 5) en sla ze op; daarna kunt u de schoolscan afronden.',
      scanId: scan.id,
    };
  await repo.setStatus(trx, scan.id, 'afgerond', v.personId, v.now);
  return { ok: true, scanId: scan.id };
}

/** The school leader opens a completed scan again, to change it. */
export async function reopenScan(
  trx: Kysely<DB>,
  v: { schoolId: number; schoolYearId: number; personId: number | null; now: Date },
): Promise<StatusOutcome> {
  const scan = await repo.lockScan(trx, v.schoolId, v.schoolYearId);
  if (!scan || scan.status !== 'afgerond')
    return { ok: false, message: 'Deze schoolscan is niet afgerond.', scanId: scan?.id };
  await repo.setStatus(trx, scan.id, 'concept', v.personId, v.now);
  return { ok: true, scanId: scan.id };
}

/** The school year a scan is usually about today: the one running now, else the last one started. */
export function currentSchoolYear<T extends { starts_on: string; ends_on: string }>(
  years: T[],
  today: string,
) {
  return (
    years.find((y) => y.starts_on <= today && today <= y.ends_on) ??
    [...years].reverse().find((y) => y.starts_on <= today) ??
    years[0]
  );
}
