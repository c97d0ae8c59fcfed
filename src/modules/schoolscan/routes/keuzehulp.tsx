// The keuzehulp: per scan and per focus point, the interventions of the menu in force that fit,
// ranked, with their estimated costs against the money the school has left, a suggestion across
// the focus points, and choosing or removing an intervention (school staff; read-only once the
// scan is completed).
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, params, query, text, z } from '../../../platform/http/schemas.ts';
import * as scans from '../repository/scans.ts';
import { findFocusPoint } from '../repository/keuzehulp.ts';
import {
  chooseIntervention,
  keuzehulpOf,
  asKeuzehulpMenu,
  refusalTexts,
  removeIntervention,
  type ChoiceOutcome,
  type MenuInForce,
} from '../services/keuzehulp-choices.ts';
import { menuStateOf } from '../../menukaart/services/menu-state.ts';
import type { Menu } from '../../menukaart/services/menu.ts';
import { FocusKeuzehulpPage, KeuzehulpPage, keuzehulpBase } from '../views/keuzehulp.tsx';
import { chooseExample, focusExample, unchooseExample, yearExample } from './examples.ts';
import { staff } from './scan.tsx';

const yearParams = params({ schoolId: id, schoolYearId: id });
const focusParams = params({ schoolId: id, schoolYearId: id, focusPointId: id });
/** A menu code as the forms send it ('B6'); anything else is not a code the page offered. */
const code = z.string().regex(/^[A-Z]{1,2}\d{0,3}$/);
const noticeQuery = query({
  gekozen: code.optional().catch(undefined),
  verwijderd: code.optional().catch(undefined),
});
const choiceForm = form({ interventie: text(20), terug: choice(['overzicht', 'aandachtspunt']) });

export function registerKeuzehulpRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  // The menu in force from the menukaart's own in-memory state (forgotten on publish and each
  // new day), mapped once per loaded menu: no menu queries per view.
  const menus = menuStateOf(platform);
  const mapped = new WeakMap<Menu, MenuInForce>();
  const menuInForce = async () => {
    const { version, menu } = await menus.menu();
    let m = mapped.get(menu);
    if (!m) mapped.set(menu, (m = asKeuzehulpMenu(version, menu)));
    return m;
  };

  const load = async (schoolId: number, schoolYearId: number) => {
    const school = await scans.findSchool(db, schoolId);
    if (!school) throw notFound();
    const year = (await scans.schoolYears(db, platform.programme.id)).find((y) => y.id === schoolYearId);
    if (!year) throw notFound();
    return { school, year, scan: await scans.findScan(db, school.id, year.id) };
  };

  const noticeOf = (q: { gekozen?: string; verwijderd?: string }) =>
    q.gekozen
      ? `${q.gekozen} is gekozen. De keuze gaat later mee naar het schoolprogramma.`
      : q.verwijderd
        ? `${q.verwijderd} is verwijderd.`
        : undefined;

  const renderScanPage = async (
    reply: FastifyReply,
    schoolId: number,
    schoolYearId: number,
    extra: { notice?: string; error?: string; status?: number } = {},
  ) => {
    const { school, year, scan } = await load(schoolId, schoolYearId);
    const menu = await menuInForce();
    const view = scan
      ? await keuzehulpOf(db, { scanId: scan.id, schoolId, schoolYearId, sector: school.sector, menu })
      : null;
    return reply.page(
      <KeuzehulpPage
        ctx={reply.ctx()}
        school={school}
        sector={school.sector}
        year={year}
        done={scan?.status === 'afgerond'}
        menu={menu}
        view={view}
        notice={extra.notice}
        error={extra.error}
      />,
      extra.status,
    );
  };

  const renderFocusPage = async (
    reply: FastifyReply,
    schoolId: number,
    schoolYearId: number,
    focusPointId: number,
    extra: { notice?: string; error?: string; status?: number } = {},
  ) => {
    const { school, year, scan } = await load(schoolId, schoolYearId);
    const found = await findFocusPoint(db, school.id, year.id, focusPointId);
    if (!found || !scan) throw notFound();
    const menu = await menuInForce();
    const view = await keuzehulpOf(db, {
      scanId: scan.id,
      schoolId,
      schoolYearId,
      sector: school.sector,
      menu,
    });
    const fp = view.points.find((p) => p.id === found.id)!;
    return reply.page(
      <FocusKeuzehulpPage
        ctx={reply.ctx()}
        school={school}
        sector={school.sector}
        year={year}
        done={scan.status === 'afgerond'}
        menu={menu}
        fp={fp}
        ranking={view.rankings.find((r) => r.focusPoint.id === fp.id)!}
        choices={view.choices}
        budget={view.budget}
        notice={extra.notice}
        error={extra.error}
      />,
      extra.status,
    );
  };

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/keuzehulp',
    {
      config: { access: staff, page: true, examples: yearExample },
      schema: { params: yearParams, querystring: noticeQuery },
    },
    async (req, reply) =>
      renderScanPage(reply, req.params.schoolId, req.params.schoolYearId, { notice: noticeOf(req.query) }),
  );

  app.get(
    '/scholen/:schoolId/schoolscan/:schoolYearId/keuzehulp/:focusPointId',
    {
      config: { access: staff, page: true, examples: focusExample },
      schema: { params: focusParams, querystring: noticeQuery },
    },
    async (req, reply) =>
      renderFocusPage(reply, req.params.schoolId, req.params.schoolYearId, req.params.focusPointId, {
        notice: noticeOf(req.query),
      }),
  );

  /** Choosing and removing: the same route shape, with its own command and audit action. */
  const choiceRoute = (
    path: 'kiezen' | 'verwijderen',
    action: 'schoolscan.interventie-gekozen' | 'schoolscan.interventie-verwijderd',
    command: typeof chooseIntervention,
    examples: typeof chooseExample,
  ) =>
    app.post(
      `/scholen/:schoolId/schoolscan/:schoolYearId/keuzehulp/:focusPointId/${path}`,
      {
        config: { access: staff, audit: action, examples },
        schema: { params: focusParams, body: choiceForm },
      },
      async (req, reply) => {
        const { schoolId, schoolYearId, focusPointId } = req.params;
        const { school } = await load(schoolId, schoolYearId);
        const menu = await menuInForce();
        const wanted = req.body.interventie.trim().toUpperCase();
        const input = {
          schoolId,
          schoolYearId,
          focusPointId,
          code: wanted,
          sector: school.sector,
          menu,
          personId: req.principal?.personId ?? null,
        };
        const outcome: ChoiceOutcome = await db.transaction().execute(async (trx) => {
          const r = await command(trx, input);
          if (r.ok)
            await audit(req, trx, {
              action,
              objectType: 'schoolscan_focus_point',
              objectId: focusPointId,
              organisationId: schoolId,
              details: { interventie: r.code, gewijzigd: r.changed },
            });
          return r;
        });
        if (outcome.ok) {
          const q = `${path === 'kiezen' ? 'gekozen' : 'verwijderd'}=${encodeURIComponent(outcome.code)}`;
          const base = keuzehulpBase(schoolId, schoolYearId);
          return reply.redirect(
            req.body.terug === 'overzicht'
              ? `${base}?${q}#ap-${focusPointId}`
              : `${base}/${focusPointId}?${q}`,
            303,
          );
        }
        await audit(req, db, {
          action,
          result: 'mislukt',
          objectType: 'schoolscan_focus_point',
          objectId: focusPointId,
          organisationId: schoolId,
          details: { interventie: wanted.slice(0, 20), reden: outcome.reason },
        });
        if (outcome.reason === 'niet-gevonden') throw notFound();
        const error = refusalTexts[outcome.reason];
        const status = outcome.reason === 'afgerond' ? 409 : 400;
        return req.body.terug === 'overzicht'
          ? renderScanPage(reply, schoolId, schoolYearId, { error, status })
          : renderFocusPage(reply, schoolId, schoolYearId, focusPointId, { error, status });
      },
    );
  choiceRoute('kiezen', 'schoolscan.interventie-gekozen', chooseIntervention, chooseExample);
  choiceRoute('verwijderen', 'schoolscan.interventie-verwijderd', removeIntervention, unchooseExample);
}
