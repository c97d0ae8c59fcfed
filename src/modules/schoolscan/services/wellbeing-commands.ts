// The commands of steps 3 and 4 over the repository (call inside a transaction): assigning team
// members to groups (school leader), saving a group's assessment (the school leader for every
// group, a team member only for the groups assigned to them; a colleague's save in between is
// not overwritten), and storing monitoring results per group.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { AssessedStep } from '../tables.ts';
import * as scans from '../repository/scans.ts';
import * as repo from '../repository/wellbeing.ts';
import { assessedSteps, grades, summariseStep, type Assessment, type MonitorResult } from './wellbeing.ts';

/** What the scan page shows of steps 3 and 4 for this person. */
export async function loadWellbeingData(
  db: Kysely<DB>,
  v: {
    schoolId: number;
    schoolYearId: number;
    scanId: number | undefined;
    personId: number | null;
    isLeader: boolean;
  },
) {
  const assessments = v.scanId ? await repo.assessmentsOf(db, v.scanId) : [];
  const summaries = Object.fromEntries(
    assessedSteps.map((step) => [
      step,
      summariseStep(
        step,
        assessments.filter((a) => a.step === step),
      ),
    ]),
  ) as Record<AssessedStep, ReturnType<typeof summariseStep>>;
  return {
    assessments,
    summaries,
    assignments: await repo.assignments(db, v.schoolId, v.schoolYearId),
    myGrades:
      v.isLeader || v.personId === null
        ? null
        : await repo.gradesOf(db, v.schoolId, v.schoolYearId, v.personId),
    monitor: v.scanId ? await repo.monitorResults(db, v.scanId) : [],
  };
}

/**
 * The groups among `grades` this person may not enter monitoring results for (empty: all
 * allowed). Like the assessments: the leader every group, a team member only their own groups.
 */
export async function gradesNotOwn(
  db: Kysely<DB>,
  v: { schoolId: number; schoolYearId: number; personId: number | null; isLeader: boolean },
  grades: number[],
): Promise<number[]> {
  if (v.isLeader) return [];
  const own = v.personId === null ? [] : await repo.gradesOf(db, v.schoolId, v.schoolYearId, v.personId);
  return [...new Set(grades)].filter((g) => !own.includes(g)).sort((a, b) => a - b);
}

export type AssessmentOutcome =
  | { ok: true; version: number; scanId: number }
  | { ok: false; reason: 'afgerond'; scanId: number }
  | { ok: false; reason: 'tegelijk'; scanId: number; theirs: repo.AssessmentRow | undefined };

/**
 * May this person save the assessment of this group? The leader: every group; a team member:
 * only the groups assigned to them this school year. The route asks this before anything else.
 */
export async function maySaveGroup(
  db: Kysely<DB>,
  v: { schoolId: number; schoolYearId: number; grade: number; personId: number | null; isLeader: boolean },
): Promise<boolean> {
  if (v.isLeader) return true;
  if (v.personId === null) return false;
  return (await repo.gradesOf(db, v.schoolId, v.schoolYearId, v.personId)).includes(v.grade);
}

export async function saveAssessment(
  trx: Kysely<DB>,
  v: {
    schoolId: number;
    schoolYearId: number;
    step: AssessedStep;
    grade: number;
    assessment: Assessment;
    version: number;
    personId: number | null;
    now: Date;
  },
): Promise<AssessmentOutcome> {
  const scan = await scans.ensureScanLocked(trx, v.schoolId, v.schoolYearId, v.personId);
  if (scan.status === 'afgerond') return { ok: false, reason: 'afgerond', scanId: scan.id };
  const version = await repo.writeAssessment(trx, {
    scanId: scan.id,
    step: v.step,
    grade: v.grade,
    ...v.assessment,
    expected: v.version,
    personId: v.personId,
    now: v.now,
  });
  if (version === null) {
    const theirs = (await repo.assessmentsOf(trx, scan.id, v.step)).find((a) => a.grade === v.grade);
    return { ok: false, reason: 'tegelijk', scanId: scan.id, theirs };
  }
  return { ok: true, version, scanId: scan.id };
}

/**
 * The leader's choice of team members per group (person ids as sent by the form). Only the
 * school's own team members can be chosen; anything else refuses the whole form.
 */
export async function assignGroups(
  trx: Kysely<DB>,
  v: { schoolId: number; schoolYearId: number; chosen: Record<number, string[]>; by: number | null },
): Promise<{ ok: true; pairs: number } | { ok: false; errors: Record<string, string> }> {
  const team = new Set((await repo.teamMembers(trx, v.schoolId)).map((p) => p.id));
  const errors: Record<string, string> = {};
  const pairs: { grade: number; personId: number }[] = [];
  for (const grade of grades) {
    const ids = [...new Set(v.chosen[grade] ?? [])];
    for (const raw of ids) {
      const personId = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
      if (!team.has(personId)) {
        errors[`groep-${grade}`] =
          `Bij groep ${grade} staat iemand die geen teamlid van deze school is. Kies alleen teamleden uit de lijst.`;
        break;
      }
      pairs.push({ grade, personId });
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  await repo.replaceAssignments(trx, { schoolId: v.schoolId, schoolYearId: v.schoolYearId, pairs, by: v.by });
  return { ok: true, pairs: pairs.length };
}

export async function saveMonitorResults(
  trx: Kysely<DB>,
  v: { schoolId: number; schoolYearId: number; results: MonitorResult[]; personId: number | null; now: Date },
): Promise<{ ok: true; scanId: number; stored: number } | { ok: false; reason: 'afgerond'; scanId: number }> {
  const scan = await scans.ensureScanLocked(trx, v.schoolId, v.schoolYearId, v.personId);
  if (scan.status === 'afgerond') return { ok: false, reason: 'afgerond', scanId: scan.id };
  const stored = await repo.upsertMonitorResults(trx, scan.id, v.results, v.personId, v.now);
  return { ok: true, scanId: scan.id, stored };
}
