// What the focus-point routes share: the school, year and scan of a path (404 otherwise), the form
// page with the analysis's comparisons offered as evidence, and the audit of a refused change.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, many, params, text, z } from '../../../platform/http/schemas.ts';
import type { FocusLink } from '../tables.ts';
import * as scans from '../repository/scans.ts';
import * as repo from '../repository/focus-points.ts';
import { createAnalysisSource } from '../services/school-analysis.ts';
import { focusDomains } from '../services/focus-domains.ts';
import {
  comparisonHref,
  evidenceLink,
  maxEvidenceLength,
  maxGoalLength,
  type FocusPointForm,
} from '../services/focus-points.ts';
import { FocusPointFormPage, type FocusFormState } from '../views/focus-point-form.tsx';
import { verdictText } from '../views/format.ts';

export const yearParams = params({ schoolId: id, schoolYearId: id });
export const pointParams = params({ schoolId: id, schoolYearId: id, focusPointId: id });

/** The form as posted; a little above the rules' limits, so the rules (not the schema) answer. */
export const focusForm = form({
  domein: text(100),
  groepen: many(10, 20),
  leerlingen: text(20),
  ernst: text(20),
  onderbouwing: text(maxEvidenceLength + 2000),
  links: many(300, 100),
  doel: text(maxGoalLength + 2000),
  versie: z.string().max(12).default('0'),
});

export const notices = {
  toegevoegd: 'Het aandachtspunt is toegevoegd.',
  opgeslagen: 'Het aandachtspunt is opgeslagen.',
  verwijderd: 'Het aandachtspunt is verwijderd.',
  verplaatst: 'De volgorde is aangepast.',
} as const;
export const noticeKeys = Object.keys(notices) as [keyof typeof notices, ...(keyof typeof notices)[]];

export const completedMessage =
  'De schoolscan is afgerond; aandachtspunten kunnen niet meer worden gewijzigd. Vraag de schoolleider de scan opnieuw te openen.';

export function focusContext(platform: Platform) {
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

  return { db, analysisFor, load, loadPoint, who, renderForm, formOf, refused };
}

export type FocusContext = ReturnType<typeof focusContext>;
