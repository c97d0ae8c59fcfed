// The public summary for parents: read by the plan's readers, written, published and withdrawn by
// the school leader (optimistic locking on the plan's revision). Publishing changes the public
// school page of the funding module, so its page cache is emptied.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { decide } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, params, query, text, z } from '../../../platform/http/schemas.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import type { FormState } from '../../../ui/components.tsx';
import { ConfirmPage } from '../../../ui/confirm-page.tsx';
import { findPlan, findSchool } from '../repository/plans.ts';
import { saveSummary, schoolCode, withdrawSummary } from '../repository/summary.ts';
import { summaryMaxLength } from '../services/consent.ts';
import { SummaryPage, type SummaryNotice } from '../views/summary.tsx';
import { consentCrumbs } from '../views/snapshot-view.tsx';
import { planBase } from '../views/base.ts';
import { planEditors, planReaders } from './access.ts';
import { schoolExample, summaryExample, withdrawSummaryExample } from './consent-examples.ts';

export const summaryAuditAction = 'schoolprogramma.samenvatting-opgeslagen';
export const withdrawAuditAction = 'schoolprogramma.samenvatting-ingetrokken';
const path = '/scholen/:schoolId/schoolprogramma/samenvatting';
const schoolParams = params({ schoolId: id });

export function registerSummaryRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const load = async (schoolId: number) => {
    const school = await findSchool(db, schoolId);
    if (!school) throw notFound();
    const code = await schoolCode(db, schoolId);
    const plan = await findPlan(db, schoolId, (await loadProgramme(db)).id);
    return { school, code, plan };
  };

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schoolId: number,
    extra: { notice?: SummaryNotice; form?: FormState; stale?: boolean; status?: number } = {},
  ) => {
    const { school, code, plan } = await load(schoolId);
    return reply.page(
      <SummaryPage
        ctx={reply.ctx()}
        school={school}
        publicHref={code ? `/bedragen/scholen/${encodeURIComponent(code)}` : '/bedragen'}
        text={plan?.public_summary ?? ''}
        publishedAt={plan?.public_summary_published_at ?? null}
        revision={plan?.revision ?? 0}
        canEdit={
          !!plan &&
          decide(req.principal, planEditors, {
            id: school.id,
            kind: 'school',
            parentId: school.parent_id,
          }) === 'allow'
        }
        notice={extra.notice}
        form={extra.form}
        stale={extra.stale}
      />,
      extra.status,
    );
  };

  app.get(
    path,
    {
      config: { access: planReaders, page: true, examples: schoolExample },
      schema: {
        params: schoolParams,
        querystring: query({
          klaar: z.enum(['opgeslagen', 'gepubliceerd', 'ingetrokken']).optional().catch(undefined),
        }),
      },
    },
    async (req, reply) => render(req, reply, req.params.schoolId, { notice: req.query.klaar }),
  );

  app.post(
    path,
    {
      config: { access: planEditors, audit: summaryAuditAction, examples: summaryExample },
      schema: {
        params: schoolParams,
        body: form({
          samenvatting: text(summaryMaxLength * 4),
          revisie: z.string().max(20).default(''),
          actie: choice(['opslaan', 'publiceren']),
        }),
      },
    },
    async (req, reply) => {
      const { schoolId } = req.params;
      const { plan } = await load(schoolId);
      if (!plan) throw notFound();
      const value = req.body.samenvatting.trim();
      const publish = req.body.actie === 'publiceren';
      const values = { samenvatting: req.body.samenvatting };
      const fail = async (reason: string) =>
        audit(req, db, {
          action: summaryAuditAction,
          result: 'mislukt',
          objectType: 'schoolprogramma',
          objectId: plan.id,
          organisationId: schoolId,
          details: { reden: reason },
        });
      const error =
        value.length > summaryMaxLength
          ? `De samenvatting is te lang: maximaal ${summaryMaxLength} tekens (nu ${value.length}).`
          : (publish || plan.public_summary_published_at) && !value
            ? 'Schrijf eerst een samenvatting; een lege tekst kan niet op de openbare pagina staan.'
            : null;
      if (error) {
        await fail('ongeldige-invoer');
        return render(req, reply, schoolId, {
          form: { values, errors: { samenvatting: error } },
          status: 400,
        });
      }
      const now = platform.now();
      const saved = await db.transaction().execute(async (trx) => {
        const revision = await saveSummary(trx, {
          planId: plan.id,
          revision: Number(req.body.revisie),
          text: value,
          publishedAt: publish ? (plan.public_summary_published_at ?? now) : undefined,
          personId: req.principal?.personId ?? null,
          now,
        });
        if (revision === null) return false;
        await audit(req, trx, {
          action: summaryAuditAction,
          objectType: 'schoolprogramma',
          objectId: plan.id,
          organisationId: schoolId,
          details: { gepubliceerd: publish || !!plan.public_summary_published_at, tekens: value.length },
        });
        return true;
      });
      if (!saved) {
        await fail('verouderd');
        return render(req, reply, schoolId, { form: { values, errors: {} }, stale: true, status: 409 });
      }
      if (publish || plan.public_summary_published_at) platform.caches.invalidate('funding');
      return reply.redirect(
        `${planBase(schoolId)}/samenvatting?klaar=${publish ? 'gepubliceerd' : 'opgeslagen'}`,
        303,
      );
    },
  );

  app.get(
    `${path}/intrekken`,
    {
      config: { access: planEditors, page: true, examples: schoolExample },
      schema: { params: schoolParams },
    },
    async (req, reply) => {
      const { school } = await load(req.params.schoolId);
      const back = `${planBase(school.id)}/samenvatting`;
      return reply.page(
        <ConfirmPage
          ctx={reply.ctx()}
          title="Publicatie van de samenvatting intrekken?"
          breadcrumbs={consentCrumbs(school, [
            { href: back, label: 'Samenvatting voor ouders' },
            { label: 'Intrekken' },
          ])}
          action={`${back}/intrekken`}
          confirmLabel="Publicatie intrekken"
          back={{ href: back, label: 'Terug, niets intrekken' }}
        >
          <p class="nl-paragraph">
            De samenvatting verdwijnt van de openbare pagina van de school. De tekst blijft bewaard; u kunt
            hem later opnieuw publiceren.
          </p>
        </ConfirmPage>,
      );
    },
  );

  app.post(
    `${path}/intrekken`,
    {
      config: { access: planEditors, audit: withdrawAuditAction, examples: withdrawSummaryExample },
      schema: { params: schoolParams, body: form({}) },
    },
    async (req, reply) => {
      const { schoolId } = req.params;
      const { plan } = await load(schoolId);
      if (!plan) throw notFound();
      await db.transaction().execute(async (trx) => {
        // Withdrawing wins over any edit in between: no revision check, only the state changes.
        await withdrawSummary(trx, plan.id, req.principal?.personId ?? null, platform.now());
        await audit(req, trx, {
          action: withdrawAuditAction,
          objectType: 'schoolprogramma',
          objectId: plan.id,
          organisationId: schoolId,
          details: { was_gepubliceerd: !!plan.public_summary_published_at },
        });
      });
      platform.caches.invalidate('funding');
      return reply.redirect(`${planBase(schoolId)}/samenvatting?klaar=ingetrokken`, 303);
    },
  );
}
