// Aggregated results of a monitoring instrument per group: entered one at a time or pasted or
// uploaded as a small CSV (all or nothing); a team member only for their own groups.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, params, query, text, z } from '../../../platform/http/schemas.ts';
import * as scans from '../repository/scans.ts';
import * as repo from '../repository/wellbeing.ts';
import {
  maxMonitorChars,
  monitorTooLarge,
  parseMonitorCsv,
  type MonitorCsvOutcome,
  readMonitorResult,
} from '../services/wellbeing.ts';
import { gradesNotOwn, saveMonitorResults } from '../services/wellbeing-commands.ts';
import { yearBase } from '../views/wellbeing.tsx';
import { MonitorPage, type MonitorImportReport } from '../views/wellbeing-monitor.tsx';
import type { FormState } from '../../../ui/components.tsx';
import { monitorExample, monitorDeleteExample, monitorImportExample, yearExample } from './examples.ts';
import { staff } from './scan.tsx';
import { readUpload } from './lvs.tsx';
import { decodeText } from '../../../platform/input/text-file.ts';

import { wellbeingContext, yearParams } from './wellbeing-context.ts';

const monitorBody = form({
  groep: text(20),
  instrument: text(300),
  maat: text(300),
  aantal: text(20),
  waarde: text(30),
});

export function registerMonitorRoutes(app: App, platform: Platform) {
  const { db, load, isLeader, personOf } = wellbeingContext(platform);

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
