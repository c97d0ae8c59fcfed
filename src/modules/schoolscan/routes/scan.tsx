// The scan pages of a school: the years, one scan with its steps (saved one at a time, by any
// staff member), completing and reopening (school leader), the analysis, and the conclusions
// page that the MR reads.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { access, decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, params, query, text, z } from '../../../platform/http/schemas.ts';
import type { SectionName } from '../tables.ts';
import * as scans from '../repository/scans.ts';
import * as lvs from '../repository/lvs.ts';
import { schoolFacts } from '../repository/platform-data.ts';
import { summarise } from '../services/analysis.ts';
import { createAnalysisSource } from '../services/school-analysis.ts';
import {
  completeScan,
  maxSectionLength,
  reopenScan,
  saveSection,
  sectionNames,
  sectionTexts,
} from '../services/scan.ts';
import { ConclusionsPage, ScanOverviewPage, ScanPage, scanBase, type SectionForm } from '../views/scan.tsx';
import { AnalysisPage, subjectKey } from '../views/analysis.tsx';
import { AnalysisSubjectPage } from '../views/analysis-subject.tsx';
import { sendPageBytes } from '../../../platform/http/rendered-once.tsx';
import { loadWellbeingData } from '../services/wellbeing-commands.ts';
import { focusPointsOfScans } from '../repository/focus-points.ts';
import { ConclusionFocusPoints } from '../views/focus-points.tsx';
import {
  completeExample,
  reopenExample,
  schoolExample,
  stepExample,
  subjectExample,
  yearExample,
} from './examples.ts';

/** The school's own staff: they see the scan and pupil-level data. */
export const staff = access.school(['schoolleider', 'teamlid']);
const leader = access.school(['schoolleider']);
const withMr = access.school(['schoolleider', 'teamlid', 'mr-lid']);

const schoolParams = params({ schoolId: id });
const yearParams = params({ schoolId: id, schoolYearId: id });

export function registerScanRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const loadSchool = async (schoolId: number) => {
    const school = await scans.findSchool(db, schoolId);
    if (!school) throw notFound();
    return school;
  };
  const loadYear = async (schoolYearId: number) => {
    const year = (await scans.schoolYears(db, platform.programme.id)).find((y) => y.id === schoolYearId);
    if (!year) throw notFound();
    return year;
  };
  const isLeader = (req: FastifyRequest, school: { id: number; parent_id: number | null }) =>
    decide(req.principal, leader, { id: school.id, kind: 'school', parentId: school.parent_id }) === 'allow';

  /** The analysis of a school's results for one data year (default: the newest not after the scan's year). */
  const analysisFor = createAnalysisSource(db);

  app.get(
    '/scholen/:schoolId/schoolscan',
    { config: { access: staff, page: true, examples: schoolExample }, schema: { params: schoolParams } },
    async (req, reply) => {
      const school = await loadSchool(req.params.schoolId);
      const years = await scans.schoolYears(db, platform.programme.id);
      const own = await scans.scansOfSchool(db, school.id);
      return reply.page(
        <ScanOverviewPage
          ctx={reply.ctx()}
          school={school}
          years={years.map((year) => ({ year, scan: own.find((s) => s.school_year_id === year.id) }))}
          dataYears={await lvs.yearsOfSchool(db, school.id)}
        />,
      );
    },
  );

  const renderScan = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schoolId: number,
    schoolYearId: number,
    extra: {
      forms?: Partial<Record<SectionName, SectionForm>>;
      notice?: string;
      completeError?: string;
      status?: number;
    },
  ) => {
    const school = await loadSchool(schoolId);
    const year = await loadYear(schoolYearId);
    const scan = await scans.findScan(db, school.id, year.id);
    const yearStart = Number(year.starts_on.slice(0, 4));
    const analysis = await analysisFor(school.id, yearStart);
    const dataYears = await lvs.yearsOfSchool(db, school.id);
    const dataYear = analysis?.currentYear ?? null;
    const leads = isLeader(req, school);
    const wellbeing = await loadWellbeingData(db, {
      schoolId: school.id,
      schoolYearId: year.id,
      scanId: scan?.id,
      personId: req.principal?.personId ?? null,
      isLeader: leads,
    });
    return reply.page(
      <ScanPage
        ctx={reply.ctx()}
        school={school}
        year={year}
        scan={scan}
        sections={scan ? await scans.sectionsOf(db, scan.id) : []}
        forms={extra.forms ?? {}}
        facts={await schoolFacts(db, school.id, year.teldatum ?? year.starts_on)}
        lvsPupils={dataYears.find((d) => d.yearStart === dataYear)?.pupils ?? null}
        dataYear={dataYear}
        summary={analysis ? summarise(analysis) : []}
        wellbeing={wellbeing}
        isLeader={leads}
        notice={extra.notice}
        completeError={extra.completeError}
      />,
      extra.status,
    );
  };

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId',
    {
      config: { access: staff, page: true, examples: yearExample },
      schema: {
        params: yearParams,
        querystring: query({
          opgeslagen: choice(sectionNames).catch(undefined),
          stand: choice(['afgerond', 'heropend']).catch(undefined),
        }),
      },
    },
    async (req, reply) => {
      const { opgeslagen, stand } = req.query;
      const notice = opgeslagen
        ? `${sectionTexts[opgeslagen].title} is opgeslagen.`
        : stand === 'afgerond'
          ? 'De schoolscan is afgerond. De medezeggenschapsraad kan nu de conclusies lezen.'
          : stand === 'heropend'
            ? 'De schoolscan is weer geopend; het team kan de stappen aanpassen.'
            : undefined;
      return renderScan(req, reply, req.params.schoolId, req.params.schoolYearId, { notice });
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/stappen/:stap',
    {
      config: { access: staff, audit: 'schoolscan.stap-opgeslagen', examples: stepExample },
      schema: {
        params: params({ schoolId: id, schoolYearId: id, stap: z.enum(sectionNames) }),
        // A little above the rule's limit, so the rule (not the schema) says it is too long.
        body: form({ tekst: text(maxSectionLength + 5000), versie: z.string().max(12).default('0') }),
      },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId, stap } = req.params;
      await loadSchool(schoolId);
      await loadYear(schoolYearId);
      const version = /^\d{1,9}$/.test(req.body.versie) ? Number(req.body.versie) : 0;
      const outcome = await db.transaction().execute(async (trx) => {
        const r = await saveSection(trx, {
          schoolId,
          schoolYearId,
          section: stap,
          body: req.body.tekst,
          version,
          personId: req.principal?.personId ?? null,
          now: platform.now(),
        });
        if (r.ok)
          await audit(req, trx, {
            action: 'schoolscan.stap-opgeslagen',
            objectType: 'schoolscan',
            objectId: r.scanId,
            organisationId: schoolId,
            details: { stap, versie: r.version },
          });
        return r;
      });
      if (outcome.ok)
        return reply.redirect(`${scanBase(schoolId)}/${schoolYearId}?opgeslagen=${stap}#stap-${stap}`, 303);
      await audit(req, db, {
        action: 'schoolscan.stap-opgeslagen',
        result: 'mislukt',
        objectType: 'schoolscan',
        objectId: outcome.scanId,
        organisationId: schoolId,
        details: { stap, reden: outcome.reason },
      });
      const mine = { tekst: req.body.tekst };
      const f: SectionForm =
        outcome.reason === 'te-lang'
          ? {
              values: mine,
              errors: {
                tekst: `De tekst is te lang: hoogstens ${maxSectionLength.toLocaleString('nl-NL')} tekens. Maak hem korter.`,
              },
              version,
            }
          : outcome.reason === 'afgerond'
            ? {
                values: mine,
                errors: {
                  tekst:
                    'De schoolscan is intussen afgerond; uw tekst is niet opgeslagen. Vraag de schoolleider de scan opnieuw te openen.',
                },
                version,
              }
            : {
                values: mine,
                errors: {
                  tekst: `Iemand anders${outcome.theirs?.updated_by_name ? ` (${outcome.theirs.updated_by_name})` : ''} heeft deze stap opgeslagen terwijl u schreef. Uw tekst staat nog in het veld; de opgeslagen tekst staat erboven. Voeg ze samen en sla opnieuw op.`,
                },
                version: outcome.theirs?.version ?? 0,
                theirs: outcome.theirs?.body ?? '',
              };
      return renderScan(req, reply, schoolId, schoolYearId, {
        forms: { [stap]: f },
        status: outcome.reason === 'te-lang' ? 422 : 409,
      });
    },
  );

  /** Completing and reopening: the same route shape, with its own command, action and notice. */
  const statusRoute = (
    path: 'afronden' | 'heropenen',
    action: 'schoolscan.afgerond' | 'schoolscan.heropend',
    command: typeof completeScan,
    stand: 'afgerond' | 'heropend',
    examples: typeof completeExample,
  ) =>
    app.post(
      `/scholen/:schoolId/schoolscan/:schoolYearId/${path}`,
      {
        config: { access: leader, audit: action, examples },
        schema: { params: yearParams, body: form({}) },
      },
      async (req, reply) => {
        const { schoolId, schoolYearId } = req.params;
        await loadSchool(schoolId);
        await loadYear(schoolYearId);
        const who = {
          schoolId,
          schoolYearId,
          personId: req.principal?.personId ?? null,
          now: platform.now(),
        };
        const r = await db.transaction().execute(async (trx) => {
          const out = await command(trx, who);
          if (out.ok)
            await audit(req, trx, {
              action,
              objectType: 'schoolscan',
              objectId: out.scanId,
              organisationId: schoolId,
            });
          return out;
        });
        if (r.ok) return reply.redirect(`${scanBase(schoolId)}/${schoolYearId}?stand=${stand}`, 303);
        await audit(req, db, {
          action,
          result: 'mislukt',
          objectType: 'schoolscan',
          objectId: r.scanId,
          organisationId: schoolId,
        });
        return renderScan(req, reply, schoolId, schoolYearId, { completeError: r.message, status: 409 });
      },
    );
  statusRoute('afronden', 'schoolscan.afgerond', completeScan, 'afgerond', completeExample);
  statusRoute('heropenen', 'schoolscan.heropend', reopenScan, 'heropend', reopenExample);

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/analyse',
    {
      config: { access: staff, page: true, examples: yearExample },
      schema: {
        params: yearParams,
        // A year that is not in the data falls back to the default year.
        querystring: query({ jaar: z.coerce.number().int().min(2000).max(2099).optional().catch(undefined) }),
      },
    },
    async (req, reply) => {
      const school = await loadSchool(req.params.schoolId);
      const year = await loadYear(req.params.schoolYearId);
      const analysis = await analysisFor(school.id, Number(year.starts_on.slice(0, 4)), req.query.jaar);
      return sendPageBytes(
        reply,
        <AnalysisPage ctx={reply.ctx()} school={school} year={year} analysis={analysis} />,
      );
    },
  );

  // One subject's levels and growth (kept off the overview for its size).
  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/analyse/:vak',
    {
      config: { access: staff, page: true, examples: subjectExample },
      schema: {
        params: params({ schoolId: id, schoolYearId: id, vak: z.string().regex(/^[a-z0-9-]{1,80}$/) }),
        querystring: query({ jaar: z.coerce.number().int().min(2000).max(2099).optional().catch(undefined) }),
      },
    },
    async (req, reply) => {
      const school = await loadSchool(req.params.schoolId);
      const year = await loadYear(req.params.schoolYearId);
      const analysis = await analysisFor(school.id, Number(year.starts_on.slice(0, 4)), req.query.jaar);
      const rows = (analysis?.comparisons ?? []).filter((c) => subjectKey(c) === req.params.vak);
      // A school without results sees how to import them; an unknown subject is not found.
      if (analysis && rows.length === 0) throw notFound();
      return sendPageBytes(
        reply,
        <AnalysisSubjectPage ctx={reply.ctx()} school={school} year={year} analysis={analysis} rows={rows} />,
      );
    },
  );

  app.get(
    '/scholen/:schoolId/schoolscan/conclusies',
    { config: { access: withMr, page: true, examples: schoolExample }, schema: { params: schoolParams } },
    async (req, reply) => {
      const school = await loadSchool(req.params.schoolId);
      const completed = await scans.completedConclusions(db, school.id);
      const points = await focusPointsOfScans(
        db,
        completed.map((s) => s.id),
      );
      return reply.page(
        <ConclusionsPage
          ctx={reply.ctx()}
          school={school}
          scans={completed}
          focusPoints={(scanId) => <ConclusionFocusPoints scanId={scanId} points={points} />}
        />,
      );
    },
  );
}
