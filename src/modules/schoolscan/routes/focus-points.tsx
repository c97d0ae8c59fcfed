// The focus points (aandachtspunten) of a scan: the list, removing one after a confirmation page,
// and moving one up or down. Adding and changing one are in focus-point-form.tsx; what both share
// is in focus-context.tsx. The school's staff may change them while the scan is in concept; a
// completed scan's focus points are read-only.
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, query, z, choice } from '../../../platform/http/schemas.ts';
import * as repo from '../repository/focus-points.ts';
import { moveFocusPoint, removeFocusPoint } from '../services/focus-points.ts';
import { DeleteFocusPointPage, focusBase, FocusPointsPage } from '../views/focus-points.tsx';
import {
  focusPointExample,
  moveFocusPointExample,
  removeFocusPointExample,
  yearExample,
} from './examples.ts';
import { staff } from './scan.tsx';
import {
  completedMessage,
  focusContext,
  noticeKeys,
  notices,
  pointParams,
  yearParams,
} from './focus-context.tsx';
import { registerFocusPointFormRoutes } from './focus-point-form.tsx';

export function registerFocusPointRoutes(app: App, platform: Platform) {
  const { db, load, loadPoint, who, refused } = focusContext(platform);
  registerFocusPointFormRoutes(app, platform);

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
