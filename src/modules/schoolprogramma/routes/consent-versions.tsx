// Reading versions: the list, one version (from its snapshot, never the live tables), the diff
// with the previous version, and the tagged PDF.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params, query, z } from '../../../platform/http/schemas.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import type { FormState } from '../../../ui/components.tsx';
import { findPlan, findSchool, type PlanSchool } from '../repository/plans.ts';
import * as versions from '../repository/versions.ts';
import { statusOf, versionStatusLabels } from '../services/consent.ts';
import { consentStatusOf } from '../services/consent-state.ts';
import { diffSnapshots } from '../services/diff.ts';
import { renderVersionPdf } from '../services/pdf.ts';
import { parseSnapshot } from '../services/snapshot.ts';
import { VersionsPage } from '../views/versions-list.tsx';
import { VersionPage, type VersionNotice } from '../views/version-page.tsx';
import { VersionDiffPage } from '../views/version-diff.tsx';
import { mrMembers, planEditors, planReaders, versionDiscussants } from './access.ts';
import { schoolExample, versionExample } from './consent-examples.ts';

export const versionParams = params({ schoolId: id, number: id });
const base = '/scholen/:schoolId/schoolprogramma/versies';

const may = (req: FastifyRequest, a: typeof planReaders, school: PlanSchool) =>
  decide(req.principal, a, { id: school.id, kind: 'school', parentId: school.parent_id }) === 'allow';

/** The school, its plan and one of its versions; 404 when any is missing. */
export async function loadVersion(db: Platform['database']['db'], schoolId: number, number: number) {
  const school = await findSchool(db, schoolId);
  if (!school) throw notFound();
  const plan = await findPlan(db, schoolId, (await loadProgramme(db)).id);
  if (!plan) throw notFound();
  const version = await versions.findVersion(db, plan.id, number);
  if (!version) throw notFound();
  return { school, plan, version };
}

/** The version page, also after a refused comment (with the values and errors). */
export async function renderVersion(
  platform: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  ids: { schoolId: number; number: number },
  extra: { notice?: VersionNotice; form?: FormState; status?: number } = {},
) {
  const db = platform.database.db;
  const { school, plan, version } = await loadVersion(db, ids.schoolId, ids.number);
  const latest = await versions.latestNumber(db, plan.id);
  return reply.page(
    <VersionPage
      ctx={reply.ctx()}
      school={school}
      version={version}
      snapshot={parseSnapshot(version.snapshot)}
      isLatest={latest === version.number}
      comments={await versions.commentsOf(db, version.id)}
      canComment={may(req, versionDiscussants, school)}
      canDecide={may(req, mrMembers, school)}
      notice={extra.notice}
      form={extra.form}
    />,
    extra.status,
  );
}

const noticeQuery = query({
  ingediend: z.literal('1').optional().catch(undefined),
  reactie: z.literal('1').optional().catch(undefined),
  besluit: z.literal('1').optional().catch(undefined),
});

export function registerVersionRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get(
    base,
    {
      config: { access: planReaders, page: true, examples: schoolExample },
      schema: { params: params({ schoolId: id }) },
    },
    async (req, reply) => {
      const school = await findSchool(db, req.params.schoolId);
      if (!school) throw notFound();
      const plan = await findPlan(db, school.id, (await loadProgramme(db)).id);
      const status = plan ? await consentStatusOf(db, plan.id, platform.now()) : null;
      return reply.page(
        <VersionsPage
          ctx={reply.ctx()}
          school={school}
          versions={status?.versions ?? []}
          adoptedNumber={status?.adopted?.number ?? null}
          sentence={status?.sentence ?? 'Het schoolprogramma is nog niet ingediend bij de MR.'}
          canSubmit={may(req, planEditors, school) && !!plan && !status?.pending}
        />,
      );
    },
  );

  app.get(
    `${base}/:number`,
    {
      config: { access: planReaders, page: true, examples: versionExample },
      schema: { params: versionParams, querystring: noticeQuery },
    },
    async (req, reply) => {
      const q = req.query;
      const notice = q.ingediend ? 'ingediend' : q.reactie ? 'reactie' : q.besluit ? 'besluit' : undefined;
      return renderVersion(platform, req, reply, req.params, { notice });
    },
  );

  app.get(
    `${base}/:number/verschil`,
    {
      config: { access: planReaders, page: true, examples: versionExample },
      schema: { params: versionParams },
    },
    async (req, reply) => {
      const { school, plan, version } = await loadVersion(db, req.params.schoolId, req.params.number);
      const previous =
        version.number > 1 ? await versions.findVersion(db, plan.id, version.number - 1) : undefined;
      const diff = diffSnapshots(
        previous ? parseSnapshot(previous.snapshot) : null,
        parseSnapshot(version.snapshot),
      );
      return reply.page(
        <VersionDiffPage ctx={reply.ctx()} school={school} number={version.number} diff={diff} />,
      );
    },
  );

  app.get(
    `${base}/:number/pdf`,
    { config: { access: planReaders, examples: versionExample }, schema: { params: versionParams } },
    async (req, reply) => {
      const { school, version } = await loadVersion(db, req.params.schoolId, req.params.number);
      const pdf = await renderVersionPdf(parseSnapshot(version.snapshot), {
        number: version.number,
        submittedAt: version.submitted_at,
        status: versionStatusLabels[statusOf(version.decision)].toLowerCase(),
      });
      const name = `schoolprogramma-${school.id}-versie-${version.number}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
