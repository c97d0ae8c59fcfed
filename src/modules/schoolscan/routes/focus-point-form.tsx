// Adding a focus point (also prefilled from a comparison on the analysis page) and changing one
// without overwriting a colleague's change. The school's staff may, while the scan is in concept.
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { query, z } from '../../../platform/http/schemas.ts';
import * as repo from '../repository/focus-points.ts';
import {
  addFocusPoint,
  changeFocusPoint,
  checkFocusPoint,
  comparisonHref,
  parseComparisonAnchor,
  pupilsHint,
  type FocusPointForm,
} from '../services/focus-points.ts';
import { focusBase, FocusPointsPage } from '../views/focus-points.tsx';
import { emptyFocusForm, FocusPointFormPage, type FocusFormState } from '../views/focus-point-form.tsx';
import {
  addFocusPointExample,
  changeFocusPointExample,
  focusPointExample,
  newFocusPointExample,
} from './examples.ts';
import { staff } from './scan.tsx';
import { completedMessage, focusContext, focusForm, pointParams, yearParams } from './focus-context.tsx';

export function registerFocusPointFormRoutes(app: App, platform: Platform) {
  const { db, load, loadPoint, who, renderForm, formOf, refused, analysisFor } = focusContext(platform);

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
}
