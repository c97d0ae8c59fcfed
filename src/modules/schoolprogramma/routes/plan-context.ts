// What every route of the plan's own pages needs: the school (404 when the id is no school), its
// plan, whether the signed-in person may edit, who writes and when, and the audit of a refusal.
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { findPlan, findSchool } from '../repository/plans.ts';
import type { PageMemo } from '../services/page-memo.ts';
import { planEditors } from './access.ts';

/**
 * The school of the memoized pages (the plan's home, the budget overview), read once per state of
 * the school's data rather than on every view: a change to the school (its name, its board) is a
 * write on its route or a platform-wide one, which the page memo hook sees. An unknown id is not
 * kept: the next request asks the database again.
 */
export function memoizedSchool(memo: PageMemo, db: Platform['database']['db'], schoolId: number) {
  return memo.get({ schoolId }, `school:${schoolId}`, async () => {
    const school = await findSchool(db, schoolId);
    if (!school) throw notFound();
    return school;
  });
}

export function planContext(platform: Platform) {
  const db = platform.database.db;
  return {
    db,
    async school(schoolId: number) {
      const school = await findSchool(db, schoolId);
      if (!school) throw notFound();
      return school;
    },
    plan: (schoolId: number) => findPlan(db, schoolId, platform.programme.id),
    canEdit: (req: FastifyRequest, school: { id: number; parent_id: number | null }) =>
      decide(req.principal, planEditors, { id: school.id, kind: 'school', parentId: school.parent_id }) ===
      'allow',
    who: (req: FastifyRequest) => ({ personId: req.principal?.personId ?? null, now: platform.now() }),
    /** Records a refused write (the audit net requires one row per write, done or not). */
    refused: (
      req: FastifyRequest,
      action: string,
      schoolId: number,
      details: Record<string, string | number | null>,
      objectType: string,
      objectId?: number,
    ) =>
      audit(req, db, { action, result: 'mislukt', objectType, objectId, organisationId: schoolId, details }),
  };
}

export type PlanContext = ReturnType<typeof planContext>;
