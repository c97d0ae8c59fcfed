// Steps 3 and 4 of the scan: the assessment of one group (every staff member reads it; the school
// leader saves every group, a team member only the groups assigned to them), the assignment of
// team members to groups (school leader), and aggregated monitoring results per group (entered
// one at a time or pasted as a small CSV; all or nothing).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { access, decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, many, params, query, text, z } from '../../../platform/http/schemas.ts';
import type { AssessedStep } from '../tables.ts';
import * as scans from '../repository/scans.ts';
import * as repo from '../repository/wellbeing.ts';
import {
  assessedSteps,
  assessmentItems,
  gradeParams,
  grades,
  groupNoteField,
  maxGroupNoteLength,
  maxItemNoteLength,
  maxMonitorChars,
  monitorTooLarge,
  noteField,
  parseMonitorCsv,
  type MonitorCsvOutcome,
  readAssessment,
  readMonitorResult,
  scoreField,
} from '../services/wellbeing.ts';
import {
  assignGroups,
  gradesNotOwn,
  maySaveGroup,
  saveAssessment,
  saveMonitorResults,
} from '../services/wellbeing-commands.ts';
import { groupUrl, yearBase } from '../views/wellbeing.tsx';
import { GroupAssessmentPage, type AssessmentForm } from '../views/wellbeing-group.tsx';
import { GroupsPage } from '../views/wellbeing-groups.tsx';
import { MonitorPage, type MonitorImportReport } from '../views/wellbeing-monitor.tsx';
import type { FormState } from '../../../ui/components.tsx';
import {
  assessmentExample,
  assignmentExample,
  monitorExample,
  monitorDeleteExample,
  monitorImportExample,
  yearExample,
} from './examples.ts';
import { staff } from './scan.tsx';
import { readUpload } from './lvs.tsx';
import { decodeText } from '../services/parse/lvs-parse.ts';

const leader = access.school(['schoolleider']);
const yearParams = params({ schoolId: id, schoolYearId: id });
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

const assignmentBody = form(Object.fromEntries(grades.map((g) => [`groep-${g}`, many(12, 500)])));

const monitorBody = form({
  groep: text(20),
  instrument: text(300),
  maat: text(300),
  aantal: text(20),
  waarde: text(30),
});

export function registerWellbeingRoutes(app: App, platform: Platform) {
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

  // ---- the assessment of one group ----------------------------------------------------------

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

  // ---- groups and their team members --------------------------------------------------------

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

  // ---- monitoring results -------------------------------------------------------------------

  const renderMonitor = async (
    reply: FastifyReply,
    schoolId: number,
    schoolYearId: number,
    extra: {
      form?: FormState;
      csv?: string;
      report?: MonitorImportReport;
      notice?: string;
      status?: number;
    } = {},
  ) => {
    const { school, year } = await load(schoolId, schoolYearId);
    const scan = await scans.findScan(db, school.id, year.id);
    const req = reply.request;
    const personId = personOf(req);
    return reply.page(
      <MonitorPage
        ctx={reply.ctx()}
        school={school}
        year={year}
        myGrades={
          isLeader(req, school) || personId === null
            ? null
            : await repo.gradesOf(db, school.id, year.id, personId)
        }
        results={scan ? await repo.monitorResults(db, scan.id) : []}
        scanDone={scan?.status === 'afgerond'}
        form={extra.form}
        csv={extra.csv}
        report={extra.report}
        notice={extra.notice}
      />,
      extra.status,
    );
  };

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/volginstrument',
    {
      config: { access: staff, page: true, examples: yearExample },
      schema: {
        params: yearParams,
        querystring: query({
          opgeslagen: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
          verwijderd: choice(['ja']).catch(undefined),
        }),
      },
    },
    async (req, reply) => {
      const n = req.query.opgeslagen;
      return renderMonitor(reply, req.params.schoolId, req.params.schoolYearId, {
        notice: n
          ? n === 1
            ? 'De uitkomst is opgeslagen.'
            : `${n} uitkomsten zijn opgeslagen.`
          : req.query.verwijderd
            ? 'De uitkomst is verwijderd.'
            : undefined,
      });
    },
  );

  /** Stores checked results, or says the scan was completed meanwhile. */
  const store = async (
    req: FastifyRequest,
    action: 'schoolscan.volginstrument-opgeslagen' | 'schoolscan.volginstrument-geimporteerd',
    schoolId: number,
    schoolYearId: number,
    results: Parameters<typeof saveMonitorResults>[1]['results'],
  ) =>
    db.transaction().execute(async (trx) => {
      const out = await saveMonitorResults(trx, {
        schoolId,
        schoolYearId,
        results,
        personId: personOf(req),
        now: platform.now(),
      });
      await audit(req, trx, {
        action,
        result: out.ok ? 'ok' : 'mislukt',
        objectType: 'schoolscan',
        objectId: out.scanId,
        organisationId: schoolId,
        details: out.ok ? { uitkomsten: out.stored } : { reden: out.reason },
      });
      return out;
    });

  const completedMessage =
    'De schoolscan is intussen afgerond; er is niets opgeslagen. Vraag de schoolleider de scan opnieuw te openen.';

  /** Groups among `grades` the sender may not enter results for (the leader: none). */
  const notOwn = async (req: FastifyRequest, schoolId: number, schoolYearId: number, grades: number[]) => {
    const { school } = await load(schoolId, schoolYearId);
    return gradesNotOwn(
      db,
      { schoolId, schoolYearId, personId: personOf(req), isLeader: isLeader(req, school) },
      grades,
    );
  };
  const notOwnMessage = (grades: number[]) =>
    `U bent niet gekoppeld aan ${grades.length === 1 ? 'groep' : 'groepen'} ${grades.join(', ')}; er is niets opgeslagen. Een teamlid zet alleen uitkomsten van de eigen groepen in de scan. Is dit uw groep? Vraag de schoolleider u eraan te koppelen.`;
  const auditRefusal = (
    req: FastifyRequest,
    action:
      | 'schoolscan.volginstrument-opgeslagen'
      | 'schoolscan.volginstrument-geimporteerd'
      | 'schoolscan.volginstrument-verwijderd',
    schoolId: number,
    grades: number[],
  ) =>
    audit(req, db, {
      action,
      result: 'geweigerd',
      objectType: 'school',
      objectId: schoolId,
      organisationId: schoolId,
      details: { reden: 'niet-eigen-groep', groepen: grades.join(',') },
    });

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/volginstrument',
    {
      config: { access: staff, audit: 'schoolscan.volginstrument-opgeslagen', examples: monitorExample },
      schema: { params: yearParams, body: monitorBody },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId } = req.params;
      await load(schoolId, schoolYearId);
      const { groep, instrument, maat, aantal, waarde } = req.body;
      const values = { groep, instrument, maat, aantal, waarde };
      const read = readMonitorResult(values);
      if (!read.ok) {
        await audit(req, db, {
          action: 'schoolscan.volginstrument-opgeslagen',
          result: 'mislukt',
          objectType: 'school',
          objectId: schoolId,
          organisationId: schoolId,
          details: { reden: 'invoer' },
        });
        return renderMonitor(reply, schoolId, schoolYearId, {
          form: { values, errors: read.errors },
          status: 400,
        });
      }
      const refused = await notOwn(req, schoolId, schoolYearId, [read.value.grade]);
      if (refused.length) {
        await auditRefusal(req, 'schoolscan.volginstrument-opgeslagen', schoolId, refused);
        return renderMonitor(reply, schoolId, schoolYearId, {
          form: { values, errors: { groep: notOwnMessage(refused) } },
          status: 403,
        });
      }
      const out = await store(req, 'schoolscan.volginstrument-opgeslagen', schoolId, schoolYearId, [
        read.value,
      ]);
      if (out.ok)
        return reply.redirect(`${yearBase(schoolId, schoolYearId)}/volginstrument?opgeslagen=1`, 303);
      return renderMonitor(reply, schoolId, schoolYearId, {
        form: { values, errors: { groep: completedMessage } },
        status: 409,
      });
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/volginstrument/importeren',
    {
      // A CSV file (multipart) or pasted lines (field `regels`): no body schema, the parts are
      // read in the handler with a size limit and the CSRF token is checked after reading them
      // (as the LVS upload, routes/lvs.tsx).
      config: {
        access: staff,
        csrf: false,
        audit: 'schoolscan.volginstrument-geimporteerd',
        examples: monitorImportExample,
      },
      schema: { params: yearParams },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId } = req.params;
      await load(schoolId, schoolYearId);
      // At most four bytes a character: the rule (in characters) says when it is too large.
      const upload = await readUpload(req, { maxBytes: maxMonitorChars * 4, pasteField: 'regels' });
      req.body = upload.fields;
      let csrfOk = false;
      app.csrfProtection(req, reply, () => {
        csrfOk = true;
      });
      if (!csrfOk) return reply;
      // Pasted lines are shown again to be corrected; a file's content is not.
      const csv = upload.file && upload.fields.regels?.trim() ? upload.fields.regels : undefined;
      const parsed: MonitorCsvOutcome = upload.tooLarge
        ? { ok: false, fileProblem: monitorTooLarge, problems: [] }
        : parseMonitorCsv(upload.file ? decodeText(upload.file.data).text : '');
      if (!parsed.ok) {
        await audit(req, db, {
          action: 'schoolscan.volginstrument-geimporteerd',
          result: 'mislukt',
          objectType: 'school',
          objectId: schoolId,
          organisationId: schoolId,
          details: { regels_fout: parsed.problems.length, bestandsfout: parsed.fileProblem !== null },
        });
        return renderMonitor(reply, schoolId, schoolYearId, {
          csv,
          report: { fileProblem: parsed.fileProblem, problems: parsed.problems },
          status: upload.tooLarge ? 413 : 400,
        });
      }
      const refused = await notOwn(
        req,
        schoolId,
        schoolYearId,
        parsed.results.map((r) => r.grade),
      );
      if (refused.length) {
        await auditRefusal(req, 'schoolscan.volginstrument-geimporteerd', schoolId, refused);
        return renderMonitor(reply, schoolId, schoolYearId, {
          csv,
          report: { fileProblem: notOwnMessage(refused), problems: [] },
          status: 403,
        });
      }
      const out = await store(
        req,
        'schoolscan.volginstrument-geimporteerd',
        schoolId,
        schoolYearId,
        parsed.results,
      );
      if (out.ok)
        return reply.redirect(
          `${yearBase(schoolId, schoolYearId)}/volginstrument?opgeslagen=${parsed.results.length}`,
          303,
        );
      return renderMonitor(reply, schoolId, schoolYearId, {
        csv,
        report: { fileProblem: completedMessage, problems: [] },
        status: 409,
      });
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/volginstrument/:resultId/verwijderen',
    {
      config: {
        access: staff,
        audit: 'schoolscan.volginstrument-verwijderd',
        examples: monitorDeleteExample,
      },
      schema: { params: params({ schoolId: id, schoolYearId: id, resultId: id }), body: form({}) },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId, resultId } = req.params;
      const { school } = await load(schoolId, schoolYearId);
      const who = { schoolId, schoolYearId, personId: personOf(req), isLeader: isLeader(req, school) };
      const out = await db.transaction().execute(async (trx) => {
        const scan = await scans.lockScan(trx, schoolId, schoolYearId);
        // Only a result of this school's scan of this year: another one is "not found".
        if (!scan) return { ok: false as const, reason: 'niet-gevonden' as const };
        if (scan.status === 'afgerond')
          return { ok: false as const, reason: 'afgerond' as const, scanId: scan.id };
        const grade = await repo.monitorResultGrade(trx, scan.id, resultId);
        if (grade === undefined) return { ok: false as const, reason: 'niet-gevonden' as const };
        const refused = await gradesNotOwn(trx, who, [grade]);
        if (refused.length) return { ok: false as const, reason: 'niet-eigen-groep' as const, refused };
        if (!(await repo.deleteMonitorResult(trx, scan.id, resultId)))
          return { ok: false as const, reason: 'niet-gevonden' as const };
        await audit(req, trx, {
          action: 'schoolscan.volginstrument-verwijderd',
          objectType: 'schoolscan_monitor_result',
          objectId: resultId,
          organisationId: schoolId,
        });
        return { ok: true as const };
      });
      if (out.ok)
        return reply.redirect(`${yearBase(schoolId, schoolYearId)}/volginstrument?verwijderd=ja`, 303);
      if (out.reason === 'niet-eigen-groep') {
        await auditRefusal(req, 'schoolscan.volginstrument-verwijderd', schoolId, out.refused);
        return renderMonitor(reply, schoolId, schoolYearId, {
          report: {
            fileProblem: notOwnMessage(out.refused).replace('opgeslagen', 'verwijderd'),
            problems: [],
          },
          status: 403,
        });
      }
      await audit(req, db, {
        action: 'schoolscan.volginstrument-verwijderd',
        result: 'mislukt',
        objectType: 'schoolscan_monitor_result',
        objectId: resultId,
        organisationId: schoolId,
        details: { reden: out.reason },
      });
      if (out.reason === 'niet-gevonden') throw notFound();
      return renderMonitor(reply, schoolId, schoolYearId, {
        report: { fileProblem: completedMessage, problems: [] },
        status: 409,
      });
    },
  );
}
