// Submitting the draft to the MR: the page shows what will be frozen; the post freezes it as the
// next numbered version, in one transaction with the MR's mails and the audit row.
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, params, text, z } from '../../../platform/http/schemas.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import type { FormState } from '../../../ui/components.tsx';
import { findPlan, findSchool } from '../repository/plans.ts';
import * as versions from '../repository/versions.ts';
import { consentState, noteMaxLength } from '../services/consent.ts';
import { fingerprint } from '../services/consent-state.ts';
import { newVersionMail } from '../services/consent-mail.ts';
import { buildSnapshot } from '../services/snapshot.ts';
import { SubmitPage } from '../views/submit.tsx';
import { planBase } from '../views/base.ts';
import { planEditors } from './access.ts';
import { schoolExample, submitExample } from './consent-examples.ts';

export const submitAuditAction = 'schoolprogramma.versie-ingediend';
const schoolParams = params({ schoolId: id });

type Refusal = { status: number; message: string; href: string; label: string; reason: string };

export function registerSubmitRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  /** Why the plan cannot be submitted now, or null. */
  const refusal = async (
    d: typeof db,
    schoolId: number,
    planId: number | undefined,
  ): Promise<Refusal | null> => {
    const plan = planBase(schoolId);
    if (!planId || (await versions.countInterventions(d, planId)) === 0)
      return {
        status: 409,
        reason: 'geen-interventies',
        message:
          'Het plan heeft nog geen interventies. Kies eerst ten minste één interventie van de menukaart; daarna kunt u het plan indienen.',
        href: plan,
        label: 'Naar het schoolprogramma',
      };
    const list = await versions.listVersions(d, planId);
    const { pending } = consentState(list);
    if (pending)
      return {
        status: 409,
        reason: 'wacht-op-besluit',
        message: `Versie ${pending.number} wacht nog op het besluit van de MR. U kunt pas een nieuwe versie indienen als de MR over versie ${pending.number} heeft besloten.`,
        href: `${plan}/versies/${pending.number}`,
        label: `Versie ${pending.number} bekijken`,
      };
    return null;
  };

  const render = async (
    reply: FastifyReply,
    schoolId: number,
    extra: { form?: FormState; stale?: boolean; status?: number } = {},
  ) => {
    const school = await findSchool(db, schoolId);
    if (!school) throw notFound();
    const programme = await loadProgramme(db);
    const plan = await findPlan(db, schoolId, programme.id);
    const blocked = await refusal(db, schoolId, plan?.id);
    const snapshot = plan ? await buildSnapshot(db, plan.id, platform.now()) : null;
    return reply.page(
      <SubmitPage
        ctx={reply.ctx()}
        school={school}
        snapshot={snapshot}
        blocked={blocked}
        nextNumber={plan ? (await versions.latestNumber(db, plan.id)) + 1 : 1}
        fingerprint={snapshot ? fingerprint(snapshot) : ''}
        form={extra.form}
        stale={extra.stale}
      />,
      extra.status,
    );
  };

  app.get(
    '/scholen/:schoolId/schoolprogramma/indienen',
    {
      config: { access: planEditors, page: true, examples: schoolExample },
      schema: { params: schoolParams },
    },
    async (req, reply) => render(reply, req.params.schoolId),
  );

  app.post(
    '/scholen/:schoolId/schoolprogramma/indienen',
    {
      config: { access: planEditors, audit: submitAuditAction, examples: submitExample },
      schema: {
        params: schoolParams,
        body: form({ toelichting: text(noteMaxLength * 2), inhoud: z.string().max(100).default('') }),
      },
    },
    async (req, reply) => {
      const { schoolId } = req.params;
      const school = await findSchool(db, schoolId);
      if (!school) throw notFound();
      const programme = await loadProgramme(db);
      const plan = await findPlan(db, schoolId, programme.id);
      const note = req.body.toelichting.trim();
      const values = { toelichting: req.body.toelichting };
      const refuse = async (reason: string) =>
        audit(req, db, {
          action: submitAuditAction,
          result: 'mislukt',
          objectType: 'schoolprogramma',
          objectId: plan?.id ?? schoolId,
          organisationId: schoolId,
          details: { reden: reason },
        });
      if (note.length > noteMaxLength) {
        await refuse('toelichting-te-lang');
        const errors = { toelichting: `De toelichting is te lang: maximaal ${noteMaxLength} tekens.` };
        return render(reply, schoolId, { form: { values, errors }, status: 400 });
      }
      const now = platform.now();
      const outcome = await db.transaction().execute(async (trx) => {
        if (!plan) return { refused: await refusal(trx, schoolId, undefined) };
        // One submit at a time per plan: the number and the "nothing pending" rule hold.
        await versions.lockPlan(trx, plan.id);
        const refused = await refusal(trx, schoolId, plan.id);
        if (refused) return { refused };
        const snapshot = await buildSnapshot(trx, plan.id, now);
        if (fingerprint(snapshot) !== req.body.inhoud) return { stale: true as const };
        const number = (await versions.latestNumber(trx, plan.id)) + 1;
        const version = await versions.insertVersion(trx, {
          planId: plan.id,
          number,
          snapshot,
          note,
          personId: req.principal?.personId ?? null,
          now,
        });
        const mr = await versions.recipients(trx, schoolId, ['mr-lid']);
        for (const p of mr)
          await platform.mailer.send(
            newVersionMail(platform.config.baseUrl, {
              to: p.email,
              name: p.name,
              schoolId,
              schoolName: school.name,
              number,
              note,
            }),
            { trx },
          );
        await audit(req, trx, {
          action: submitAuditAction,
          objectType: 'schoolprogramma-versie',
          objectId: version.id,
          organisationId: schoolId,
          details: { versie: number, interventies: snapshot.interventions.length, mails: mr.length },
        });
        return { number };
      });
      if ('refused' in outcome && outcome.refused) {
        await refuse(outcome.refused.reason);
        return render(reply, schoolId, { status: outcome.refused.status });
      }
      if ('stale' in outcome) {
        await refuse('concept-gewijzigd');
        return render(reply, schoolId, { form: { values, errors: {} }, stale: true, status: 409 });
      }
      return reply.redirect(
        `${planBase(schoolId)}/versies/${(outcome as { number: number }).number}?ingediend=1`,
        303,
      );
    },
  );
}
