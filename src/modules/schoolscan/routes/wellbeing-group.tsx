// Step 3 and 4 of the scan: the assessment of one group. Every staff member reads it; the school
// leader saves every group, a team member only the groups assigned to them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { choice, form, id, params, query, text, z } from '../../../platform/http/schemas.ts';
import type { AssessedStep } from '../tables.ts';
import * as scans from '../repository/scans.ts';
import * as repo from '../repository/wellbeing.ts';
import {
  assessedSteps,
  assessmentItems,
  gradeParams,
  groupNoteField,
  maxGroupNoteLength,
  maxItemNoteLength,
  noteField,
  readAssessment,
  scoreField,
} from '../services/wellbeing.ts';
import { maySaveGroup, saveAssessment } from '../services/wellbeing-commands.ts';
import { groupUrl } from '../views/wellbeing.tsx';
import { GroupAssessmentPage, type AssessmentForm } from '../views/wellbeing-group.tsx';
import { assessmentExample } from './examples.ts';
import { staff } from './scan.tsx';

import { wellbeingContext } from './wellbeing-context.ts';

const groupParams = params({
  schoolId: id,
  schoolYearId: id,
  stap: z.enum(assessedSteps),
  groep: z.enum(gradeParams),
});

/** Every item field of both steps: the schema is fixed, the rule reads the step's own items. */
const assessmentBody = form({
  versie: z.string().max(12).default('0'),
  [groupNoteField]: text(maxGroupNoteLength + 2000),
  ...Object.fromEntries(
    assessedSteps.flatMap((step) =>
      assessmentItems[step].flatMap((i) => [
        [scoreField(i.key), text(5)],
        [noteField(i.key), text(maxItemNoteLength + 1000)],
      ]),
    ),
  ),
});

export function registerGroupAssessmentRoutes(app: App, platform: Platform) {
  const { db, load, isLeader, personOf } = wellbeingContext(platform);

  const renderGroup = async (
    req: FastifyRequest,
    reply: FastifyReply,
    v: { schoolId: number; schoolYearId: number; step: AssessedStep; grade: number },
    extra: { form?: AssessmentForm; notice?: string; refusal?: string; status?: number } = {},
  ) => {
    const { school, year } = await load(v.schoolId, v.schoolYearId);
    const scan = await scans.findScan(db, school.id, year.id);
    const row = scan
      ? (await repo.assessmentsOf(db, scan.id, v.step)).find((a) => a.grade === v.grade)
      : undefined;
    const assigned = (await repo.assignments(db, school.id, year.id)).filter((a) => a.grade === v.grade);
    const canSave =
      !extra.refusal &&
      (await maySaveGroup(db, {
        schoolId: school.id,
        schoolYearId: year.id,
        grade: v.grade,
        personId: personOf(req),
        isLeader: isLeader(req, school),
      }));
    return reply.page(
      <GroupAssessmentPage
        ctx={reply.ctx()}
        school={school}
        year={year}
        step={v.step}
        grade={v.grade}
        row={row}
        form={extra.form}
        teachers={assigned.map((a) => a.name).join(', ') || 'Nog niemand toegewezen'}
        canSave={canSave}
        scanDone={scan?.status === 'afgerond'}
        notice={extra.notice}
        refusal={extra.refusal}
      />,
      extra.status,
    );
  };

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/stappen/:stap/groepen/:groep',
    {
      config: { access: staff, page: true, examples: assessmentExample },
      schema: { params: groupParams, querystring: query({ opgeslagen: choice(['ja']).catch(undefined) }) },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId, stap, groep } = req.params;
      const grade = Number(groep);
      return renderGroup(
        req,
        reply,
        { schoolId, schoolYearId, step: stap, grade },
        { notice: req.query.opgeslagen ? `De beoordeling van groep ${grade} is opgeslagen.` : undefined },
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/stappen/:stap/groepen/:groep',
    {
      config: { access: staff, audit: 'schoolscan.groep-beoordeeld', examples: assessmentExample },
      schema: { params: groupParams, body: assessmentBody },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId, stap, groep } = req.params;
      const grade = Number(groep);
      const { school, year } = await load(schoolId, schoolYearId);
      const where = { schoolId, schoolYearId, step: stap, grade };
      const body = req.body as Record<string, string | undefined>;
      const auditFail = (result: 'geweigerd' | 'mislukt', reden: string) =>
        audit(req, db, {
          action: 'schoolscan.groep-beoordeeld',
          result,
          objectType: 'schoolscan',
          organisationId: schoolId,
          details: { stap, groep: grade, reden },
        });
      const version = /^\d{1,9}$/.test(req.body.versie) ? Number(req.body.versie) : 0;
      const values = Object.fromEntries(
        assessmentItems[stap].flatMap((i) => [
          [scoreField(i.key), body[scoreField(i.key)] ?? ''],
          [noteField(i.key), body[noteField(i.key)] ?? ''],
        ]),
      );
      values[groupNoteField] = body[groupNoteField] ?? '';
      // A team member saves only the groups the school leader assigned to them.
      const allowed = await maySaveGroup(db, {
        schoolId: school.id,
        schoolYearId: year.id,
        grade,
        personId: personOf(req),
        isLeader: isLeader(req, school),
      });
      if (!allowed) {
        await auditFail('geweigerd', 'niet-eigen-groep');
        return renderGroup(req, reply, where, {
          form: { values, errors: {}, version },
          refusal: `U kunt de beoordeling van groep ${grade} niet opslaan: u bent niet aan deze groep gekoppeld. Er is niets opgeslagen. Is dit uw groep? Vraag de schoolleider u aan groep ${grade} te koppelen.`,
          status: 403,
        });
      }
      const read = readAssessment(stap, body);
      if (!read.ok) {
        await auditFail('mislukt', 'invoer');
        return renderGroup(req, reply, where, {
          form: { values, errors: read.errors, version },
          status: 400,
        });
      }
      const outcome = await db.transaction().execute(async (trx) => {
        const r = await saveAssessment(trx, {
          ...where,
          assessment: read.value,
          version,
          personId: personOf(req),
          now: platform.now(),
        });
        if (r.ok)
          await audit(req, trx, {
            action: 'schoolscan.groep-beoordeeld',
            objectType: 'schoolscan',
            objectId: r.scanId,
            organisationId: schoolId,
            details: { stap, groep: grade, versie: r.version },
          });
        return r;
      });
      if (outcome.ok)
        return reply.redirect(`${groupUrl(schoolId, schoolYearId, stap, grade)}?opgeslagen=ja`, 303);
      await auditFail('mislukt', outcome.reason);
      const error =
        outcome.reason === 'afgerond'
          ? 'De schoolscan is intussen afgerond; uw beoordeling is niet opgeslagen. Vraag de schoolleider de scan opnieuw te openen.'
          : `Iemand anders${outcome.theirs?.updated_by_name ? ` (${outcome.theirs.updated_by_name})` : ''} heeft de beoordeling van deze groep opgeslagen terwijl u die invulde. Uw keuzes staan nog in het formulier; wat intussen is opgeslagen staat erboven. Vergelijk ze en sla opnieuw op.`;
      const firstField = scoreField(assessmentItems[stap][0]!.key);
      return renderGroup(req, reply, where, {
        form: {
          values,
          errors: { [firstField]: error },
          version: outcome.reason === 'tegelijk' ? (outcome.theirs?.version ?? 0) : version,
          theirs: outcome.reason === 'tegelijk' ? outcome.theirs : undefined,
        },
        status: 409,
      });
    },
  );
}
