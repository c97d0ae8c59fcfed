// The focus points (aandachtspunten) of a scan: the list, adding one (also prefilled from a
// comparison on the analysis page), changing one (without overwriting a colleague's change),
// removing one after a confirmation page, and moving one up or down. The school's staff may
// change them while the scan is in concept; a completed scan's focus points are read-only.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, many, params, query, text, z, choice } from '../../../platform/http/schemas.ts';
import type { FocusLink } from '../tables.ts';
import * as scans from '../repository/scans.ts';
import * as repo from '../repository/focus-points.ts';
import { createAnalysisSource } from '../services/school-analysis.ts';
import { focusDomains } from '../services/focus-domains.ts';
import {
  addFocusPoint,
  changeFocusPoint,
  checkFocusPoint,
  comparisonHref,
  evidenceLink,
  maxEvidenceLength,
  maxGoalLength,
  moveFocusPoint,
  parseComparisonAnchor,
  pupilsHint,
  removeFocusPoint,
  type FocusPointForm,
} from '../services/focus-points.ts';
import { DeleteFocusPointPage, focusBase, FocusPointsPage } from '../views/focus-points.tsx';
import { emptyFocusForm, FocusPointFormPage, type FocusFormState } from '../views/focus-point-form.tsx';
import { verdictText } from '../views/format.ts';
import {
  addFocusPointExample,
  changeFocusPointExample,
  focusPointExample,
  moveFocusPointExample,
  newFocusPointExample,
  removeFocusPointExample,
  yearExample,
} from './examples.ts';
import { staff } from './scan.tsx';

const yearParams = params({ schoolId: id, schoolYearId: id });
const pointParams = params({ schoolId: id, schoolYearId: id, focusPointId: id });

/** The form as posted; a little above the rules' limits, so the rules (not the schema) answer. */
const focusForm = form({
  domein: text(100),
  groepen: many(10, 20),
  leerlingen: text(20),
  ernst: text(20),
  onderbouwing: text(maxEvidenceLength + 2000),
  links: many(300, 100),
  doel: text(maxGoalLength + 2000),
  versie: z.string().max(12).default('0'),
});

const notices = {
  toegevoegd: 'Het aandachtspunt is toegevoegd.',
  opgeslagen: 'Het aandachtspunt is opgeslagen.',
  verwijderd: 'Het aandachtspunt is verwijderd.',
  verplaatst: 'De volgorde is aangepast.',
} as const;
const noticeKeys = Object.keys(notices) as [keyof typeof notices, ...(keyof typeof notices)[]];

const completedMessage =
  'De schoolscan is afgerond; aandachtspunten kunnen niet meer worden gewijzigd. Vraag de schoolleider de scan opnieuw te openen.';

export function registerFocusPointRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const analysisFor = createAnalysisSource(db, 50);

  const load = async (schoolId: number, schoolYearId: number) => {
    const school = await scans.findSchool(db, schoolId);
    if (!school) throw notFound();
    const year = (await scans.schoolYears(db, platform.programme.id)).find((y) => y.id === schoolYearId);
    if (!year) throw notFound();
    const scan = await scans.findScan(db, school.id, year.id);
    return { school, year, scan };
  };
  /** The focus point of this school's scan of this year, or a 404. */
  const loadPoint = async (schoolId: number, schoolYearId: number, focusPointId: number) => {
    const loaded = await load(schoolId, schoolYearId);
    const point = loaded.scan ? await repo.findFocusPoint(db, loaded.scan.id, focusPointId) : undefined;
    if (!point) throw notFound();
    return { ...loaded, point };
  };
  const who = (req: FastifyRequest, schoolId: number, schoolYearId: number) => ({
    schoolId,
    schoolYearId,
    personId: req.principal?.personId ?? null,
    now: platform.now(),
  });

  /** The comparisons of the analysis that fit the chosen domain and groups, as evidence links. */
  const offeredLinks = async (
    schoolId: number,
    year: { id: number; starts_on: string },
    values: FocusPointForm,
    dataYear?: number,
  ): Promise<FocusLink[]> => {
    const domain = focusDomains.find((d) => d.code === values.domein);
    if (!domain?.analysed) return [];
    const analysis = await analysisFor(schoolId, Number(year.starts_on.slice(0, 4)), dataYear);
    if (!analysis) return [];
    const chosen = values.groepen.map(Number);
    return analysis.comparisons
      .filter((c) => c.subject === domain.code && (chosen.length === 0 || chosen.includes(c.grade)))
      .flatMap((c) => {
        const link = evidenceLink(
          comparisonHref(schoolId, year.id, analysis.currentYear, c),
          schoolId,
          year.id,
        );
        return link
          ? [{ href: link.href, label: `${link.label}: ${verdictText[c.verdict].toLowerCase()}` }]
          : [];
      });
  };

  const renderForm = async (
    reply: FastifyReply,
    loaded: Awaited<ReturnType<typeof load>>,
    f: FocusFormState,
    extra: {
      pointId?: number;
      saved?: repo.FocusPointRow;
      error?: string;
      status?: number;
      dataYear?: number;
    },
  ) =>
    reply.page(
      <FocusPointFormPage
        ctx={reply.ctx()}
        school={loaded.school}
        year={loaded.year}
        pointId={extra.pointId}
        form={f}
        offered={await offeredLinks(loaded.school.id, loaded.year, f.values, extra.dataYear)}
        pupilsPerGrade={await repo.pupilsPerGrade(db, loaded.school.id)}
        saved={extra.saved}
        error={extra.error}
      />,
      extra.status,
    );

  const formOf = (p: repo.FocusPointRow): FocusFormState => ({
    values: {
      domein: p.domain,
      groepen: p.grades.map(String),
      leerlingen: String(p.pupils),
      ernst: p.severity,
      onderbouwing: p.evidence,
      links: p.evidence_links.map((l) => l.href),
      doel: p.goal,
    },
    errors: {},
    version: p.version,
  });

  const refused = (
    req: FastifyRequest,
    action: string,
    schoolId: number,
    details: Record<string, string | number | null>,
    objectId?: number,
  ) =>
    audit(req, db, {
      action,
      result: 'mislukt',
      objectType: 'schoolscan_focus_point',
      objectId,
      organisationId: schoolId,
      details,
    });

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/aandachtspunten',
    {
      config: { access: staff, page: true, examples: yearExample },
      schema: { params: yearParams, querystring: query({ gedaan: choice(noticeKeys).catch(undefined) }) },
    },
    async (req, reply) => {
      const { school, year, scan } = await load(req.params.schoolId, req.params.schoolYearId);
      return reply.page(
        <FocusPointsPage
          ctx={reply.ctx()}
          school={school}
          year={year}
          status={scan?.status}
          points={scan ? await repo.focusPointsOfScan(db, scan.id) : []}
          notice={req.query.gedaan ? notices[req.query.gedaan] : undefined}
        />,
      );
    },
  );

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/aandachtspunten/nieuw',
    {
      config: { access: staff, page: true, examples: newFocusPointExample },
      schema: {
        params: yearParams,
        // From the analysis: the comparison and its data year prefill domain, group and link.
        querystring: query({
          vergelijking: z.string().max(100).optional().catch(undefined),
          jaar: z.coerce.number().int().min(2000).max(2099).optional().catch(undefined),
        }),
      },
    },
    async (req, reply) => {
      const loaded = await load(req.params.schoolId, req.params.schoolYearId);
      const { school, year, scan } = loaded;
      if (scan?.status === 'afgerond')
        return reply.page(
          <FocusPointsPage
            ctx={reply.ctx()}
            school={school}
            year={year}
            status={scan.status}
            points={await repo.focusPointsOfScan(db, scan.id)}
          />,
        );
      const f = emptyFocusForm();
      const ref = req.query.vergelijking ? parseComparisonAnchor(req.query.vergelijking) : null;
      if (ref) {
        const analysis = await analysisFor(school.id, Number(year.starts_on.slice(0, 4)), req.query.jaar);
        f.values.domein = ref.subject;
        f.values.groepen = [String(ref.grade)];
        if (analysis) f.values.links = [comparisonHref(school.id, year.id, analysis.currentYear, ref)];
        const hint = pupilsHint(await repo.pupilsPerGrade(db, school.id), [ref.grade]);
        if (hint !== null) f.values.leerlingen = String(hint);
      }
      return renderForm(reply, loaded, f, { dataYear: req.query.jaar });
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/aandachtspunten',
    {
      config: { access: staff, audit: 'schoolscan.aandachtspunt-toegevoegd', examples: addFocusPointExample },
      schema: { params: yearParams, body: focusForm },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId } = req.params;
      const action = 'schoolscan.aandachtspunt-toegevoegd';
      const loaded = await load(schoolId, schoolYearId);
      const values: FocusPointForm = req.body;
      const f: FocusFormState = { values, errors: {}, version: 0, idempotencyKey: req.body._sleutel };
      const checked = checkFocusPoint(values, { schoolId, schoolYearId });
      if (!checked.ok) {
        await refused(req, action, schoolId, {
          reden: checked.foreignLinks ? 'vreemde-link' : 'ongeldig',
          velden: Object.keys(checked.errors).join(','),
        });
        return renderForm(reply, loaded, { ...f, errors: checked.errors }, { status: 400 });
      }
      let failed: { reason: string; scanId?: number } | undefined;
      const created = await db.transaction().execute((trx) =>
        createOnce(trx, req, req.body, async () => {
          const out = await addFocusPoint(trx, who(req, schoolId, schoolYearId), checked.values);
          if (!out.ok) {
            failed = out;
            return null;
          }
          await audit(req, trx, {
            action,
            objectType: 'schoolscan_focus_point',
            objectId: out.focusPointId,
            organisationId: schoolId,
            details: { scan: out.scanId },
          });
          return `${focusBase(schoolId, schoolYearId)}?gedaan=toegevoegd#aandachtspunt-${out.focusPointId}`;
        }),
      );
      if (created.location) return reply.redirect(created.location, 303);
      await refused(req, action, schoolId, {
        reden: failed?.reason ?? 'afgerond',
        scan: failed?.scanId ?? null,
      });
      return renderForm(reply, loaded, f, { status: 409, error: completedMessage });
    },
  );

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/aandachtspunten/:focusPointId',
    { config: { access: staff, page: true, examples: focusPointExample }, schema: { params: pointParams } },
    async (req, reply) => {
      const { point, ...loaded } = await loadPoint(
        req.params.schoolId,
        req.params.schoolYearId,
        req.params.focusPointId,
      );
      if (loaded.scan?.status === 'afgerond')
        return reply.page(
          <FocusPointFormPage
            ctx={reply.ctx()}
            school={loaded.school}
            year={loaded.year}
            pointId={point.id}
            form={formOf(point)}
            offered={[]}
            pupilsPerGrade={[]}
            readOnly={point}
          />,
        );
      return renderForm(reply, loaded, formOf(point), { pointId: point.id, saved: point });
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/aandachtspunten/:focusPointId',
    {
      config: {
        access: staff,
        audit: 'schoolscan.aandachtspunt-gewijzigd',
        examples: changeFocusPointExample,
      },
      schema: { params: pointParams, body: focusForm },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId, focusPointId } = req.params;
      const action = 'schoolscan.aandachtspunt-gewijzigd';
      const loaded = await load(schoolId, schoolYearId);
      const version = /^\d{1,9}$/.test(req.body.versie) ? Number(req.body.versie) : 0;
      const values: FocusPointForm = req.body;
      const checked = checkFocusPoint(values, { schoolId, schoolYearId });
      const saved = loaded.scan ? await repo.findFocusPoint(db, loaded.scan.id, focusPointId) : undefined;
      if (!saved) {
        await refused(req, action, schoolId, { reden: 'onbekend' }, focusPointId);
        throw notFound();
      }
      if (!checked.ok) {
        await refused(
          req,
          action,
          schoolId,
          {
            reden: checked.foreignLinks ? 'vreemde-link' : 'ongeldig',
            velden: Object.keys(checked.errors).join(','),
          },
          focusPointId,
        );
        return renderForm(
          reply,
          loaded,
          { values, errors: checked.errors, version },
          { pointId: focusPointId, saved, status: 400 },
        );
      }
      const out = await db.transaction().execute(async (trx) => {
        const r = await changeFocusPoint(
          trx,
          who(req, schoolId, schoolYearId),
          focusPointId,
          version,
          checked.values,
        );
        if (r.ok)
          await audit(req, trx, {
            action,
            objectType: 'schoolscan_focus_point',
            objectId: focusPointId,
            organisationId: schoolId,
            details: { versie: r.version },
          });
        return r;
      });
      if (out.ok)
        return reply.redirect(
          `${focusBase(schoolId, schoolYearId)}?gedaan=opgeslagen#aandachtspunt-${focusPointId}`,
          303,
        );
      await refused(req, action, schoolId, { reden: out.reason }, focusPointId);
      if (out.reason === 'onbekend') throw notFound();
      if (out.reason === 'afgerond')
        return renderForm(
          reply,
          loaded,
          { values, errors: {}, version },
          { pointId: focusPointId, saved, status: 409, error: completedMessage },
        );
      const theirs = out.reason === 'tegelijk' ? out.theirs : undefined;
      return renderForm(
        reply,
        loaded,
        { values, errors: {}, version: theirs?.version ?? version, theirs },
        {
          pointId: focusPointId,
          saved: theirs,
          status: 409,
          error:
            'Iemand anders heeft dit aandachtspunt gewijzigd terwijl u ermee bezig was. Uw invoer is niet opgeslagen maar staat nog in het formulier.',
        },
      );
    },
  );

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/aandachtspunten/:focusPointId/verwijderen',
    { config: { access: staff, page: true, examples: focusPointExample }, schema: { params: pointParams } },
    async (req, reply) => {
      const { school, year, scan, point } = await loadPoint(
        req.params.schoolId,
        req.params.schoolYearId,
        req.params.focusPointId,
      );
      return reply.page(
        <DeleteFocusPointPage
          ctx={reply.ctx()}
          school={school}
          year={year}
          point={point}
          status={scan?.status}
        />,
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/aandachtspunten/:focusPointId/verwijderen',
    {
      config: {
        access: staff,
        audit: 'schoolscan.aandachtspunt-verwijderd',
        examples: removeFocusPointExample,
      },
      schema: { params: pointParams, body: form({}) },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId, focusPointId } = req.params;
      const action = 'schoolscan.aandachtspunt-verwijderd';
      const out = await db.transaction().execute(async (trx) => {
        const r = await removeFocusPoint(trx, who(req, schoolId, schoolYearId), focusPointId);
        if (r.ok)
          await audit(req, trx, {
            action,
            objectType: 'schoolscan_focus_point',
            objectId: focusPointId,
            organisationId: schoolId,
            details: { scan: r.scanId },
          });
        return r;
      });
      if (out.ok) return reply.redirect(`${focusBase(schoolId, schoolYearId)}?gedaan=verwijderd`, 303);
      await refused(req, action, schoolId, { reden: out.reason }, focusPointId);
      const { school, year, scan, point } = await loadPoint(schoolId, schoolYearId, focusPointId);
      return reply.page(
        <DeleteFocusPointPage
          ctx={reply.ctx()}
          school={school}
          year={year}
          point={point}
          status={scan?.status}
          error={completedMessage}
        />,
        409,
      );
    },
  );

  app.post(
    '/scholen/:schoolId/schoolscan/:schoolYearId/aandachtspunten/:focusPointId/verplaatsen',
    {
      config: {
        access: staff,
        audit: 'schoolscan.aandachtspunt-verplaatst',
        examples: moveFocusPointExample,
      },
      schema: { params: pointParams, body: form({ richting: z.enum(['omhoog', 'omlaag']) }) },
    },
    async (req, reply) => {
      const { schoolId, schoolYearId, focusPointId } = req.params;
      const action = 'schoolscan.aandachtspunt-verplaatst';
      const out = await db.transaction().execute(async (trx) => {
        const r = await moveFocusPoint(
          trx,
          who(req, schoolId, schoolYearId),
          focusPointId,
          req.body.richting,
        );
        if (r.ok)
          await audit(req, trx, {
            action,
            objectType: 'schoolscan_focus_point',
            objectId: focusPointId,
            organisationId: schoolId,
            details: { richting: req.body.richting },
          });
        return r;
      });
      if (out.ok)
        return reply.redirect(
          `${focusBase(schoolId, schoolYearId)}?gedaan=verplaatst#aandachtspunt-${focusPointId}`,
          303,
        );
      await refused(req, action, schoolId, { reden: out.reason }, focusPointId);
      if (out.reason === 'onbekend') throw notFound();
      const { school, year, scan } = await load(schoolId, schoolYearId);
      return reply.page(
        <FocusPointsPage
          ctx={reply.ctx()}
          school={school}
          year={year}
          status={scan?.status}
          points={scan ? await repo.focusPointsOfScan(db, scan.id) : []}
          error={completedMessage}
        />,
        409,
      );
    },
  );
}
