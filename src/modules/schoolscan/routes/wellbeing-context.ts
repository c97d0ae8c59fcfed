// What every well-being route needs: the school and school year (404 when either is unknown),
// whether the sender is the school leader, and who writes.
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { access, decide } from '../../../platform/auth/access.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params } from '../../../platform/http/schemas.ts';
import * as scans from '../repository/scans.ts';

export const leader = access.school(['schoolleider']);
export const yearParams = params({ schoolId: id, schoolYearId: id });

export function wellbeingContext(platform: Platform) {
  const db = platform.database.db;

  const load = async (schoolId: number, schoolYearId: number) => {
    const school = await scans.findSchool(db, schoolId);
    if (!school) throw notFound();
    const year = (await scans.schoolYears(db, platform.programme.id)).find((y) => y.id === schoolYearId);
    if (!year) throw notFound();
    return { school, year };
  };
  const isLeader = (req: FastifyRequest, school: { id: number; parent_id: number | null }) =>
    decide(req.principal, leader, { id: school.id, kind: 'school', parentId: school.parent_id }) === 'allow';
  const personOf = (req: FastifyRequest) => req.principal?.personId ?? null;
  return { db, load, isLeader, personOf };
}
