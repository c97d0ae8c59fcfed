// The assignment of team members to groups (school leader only).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { choice, form, many, query } from '../../../platform/http/schemas.ts';
import * as repo from '../repository/wellbeing.ts';
import { grades } from '../services/wellbeing.ts';
import { assignGroups } from '../services/wellbeing-commands.ts';
import { yearBase } from '../views/wellbeing.tsx';
import { GroupsPage } from '../views/wellbeing-groups.tsx';
import type { FormState } from '../../../ui/components.tsx';
import { assignmentExample, yearExample } from './examples.ts';
import { staff } from './scan.tsx';

import { leader, wellbeingContext, yearParams } from './wellbeing-context.ts';

const assignmentBody = form(Object.fromEntries(grades.map((g) => [`groep-${g}`, many(12, 500)])));

export function registerGroupAssignmentRoutes(app: App, platform: Platform) {
  const { db, load, isLeader, personOf } = wellbeingContext(platform);

  const renderGroups = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schoolId: number,
    schoolYearId: number,
    extra: { form?: FormState & { chosen: Record<number, string[]> }; notice?: string; status?: number } = {},
  ) => {
    const { school, year } = await load(schoolId, schoolYearId);
    return reply.page(
      <GroupsPage
        ctx={reply.ctx()}
        school={school}
        year={year}
        team={await repo.teamMembers(db, school.id)}
        assignments={await repo.assignments(db, school.id, year.id)}
        isLeader={isLeader(req, school)}
        form={extra.form}
        notice={extra.notice}
      />,
      extra.status,
    );
  };

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/groepen',
    {
      config: { access: staff, page: true, examples: yearExample },
      schema: { params: yearParams, querystring: query({ opgeslagen: choice(['ja']).catch(undefined) }) },
    },
    async (req, reply) =>
      renderGroups(req, reply, req.params.schoolId, req.params.schoolYearId, {
        notice: req.query.opgeslagen ? 'De koppeling van teamleden aan groepen is opgeslagen.' : undefined,
      }),
  );

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/groepen',
    {
      config: { access: leader, audit: 'schoolscan.groepen-gekoppeld', examples: assignmentExample },
      schema: { params: yearParams, body: assignmentBody },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId } = req.params;
      await load(schoolId, schoolYearId);
      const body = req.body as Record<string, string[] | undefined>;
      const chosen = Object.fromEntries(grades.map((g) => [g, body[`groep-${g}`] ?? []])) as Record<
        number,
        string[]
      >;
      const r = await db.transaction().execute(async (trx) => {
        const out = await assignGroups(trx, { schoolId, schoolYearId, chosen, by: personOf(req) });
        if (out.ok)
          await audit(req, trx, {
            action: 'schoolscan.groepen-gekoppeld',
            objectType: 'school',
            objectId: schoolId,
            organisationId: schoolId,
            details: { schooljaar: schoolYearId, koppelingen: out.pairs },
          });
        return out;
      });
      if (r.ok) return reply.redirect(`${yearBase(schoolId, schoolYearId)}/groepen?opgeslagen=ja`, 303);
      await audit(req, db, {
        action: 'schoolscan.groepen-gekoppeld',
        result: 'mislukt',
        objectType: 'school',
        objectId: schoolId,
        organisationId: schoolId,
        details: { schooljaar: schoolYearId, reden: 'geen-teamlid' },
      });
      return renderGroups(req, reply, schoolId, schoolYearId, {
        form: { values: {}, errors: r.errors, chosen },
        status: 400,
      });
    },
  );
}
