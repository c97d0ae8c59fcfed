// The MR's part: comments on a version (the MR and the school leader) and the decision (MR
// members only; one per version, only on the newest version, audited in the same transaction).
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { choice, form, text } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import * as versions from '../repository/versions.ts';
import { checkComment, checkDecision, commentMaxLength, reasonsMaxLength } from '../services/consent.ts';
import { DecisionPage } from '../views/decision.tsx';
import { planBase } from '../views/base.ts';
import { mrMembers, versionDiscussants } from './access.ts';
import { commentExample, decisionExample, pendingExample } from './consent-examples.ts';
import { loadVersion, renderVersion, versionParams } from './consent-versions.tsx';

export const commentAuditAction = 'schoolprogramma.reactie-geplaatst';
export const decisionAuditAction = 'schoolprogramma.besluit-vastgelegd';
const base = '/scholen/:schoolId/schoolprogramma/versies/:number';

const alreadyDecided = (n: number) =>
  `Over versie ${n} is al een besluit vastgelegd. Een besluit kan niet worden gewijzigd of vervangen; is er iets mis, dan dient de school een nieuwe versie in.`;
const notLatest = (n: number, latest: number) =>
  `Versie ${n} is niet de nieuwste versie: dat is versie ${latest}. De MR beslist alleen over de nieuwste versie.`;

export function registerDecisionRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.post(
    `${base}/reacties`,
    {
      config: { access: versionDiscussants, audit: commentAuditAction, examples: commentExample },
      schema: { params: versionParams, body: form({ reactie: text(commentMaxLength * 4) }) },
    },
    async (req, reply) => {
      const { school, version } = await loadVersion(db, req.params.schoolId, req.params.number);
      const body = req.body.reactie;
      const problem = checkComment(body);
      if (problem) {
        await audit(req, db, {
          action: commentAuditAction,
          result: 'mislukt',
          objectType: 'schoolprogramma-versie',
          objectId: version.id,
          organisationId: school.id,
          details: { reden: body.trim() ? 'te-lang' : 'leeg' },
        });
        const f: FormState = { values: { reactie: body }, errors: { reactie: problem } };
        return renderVersion(platform, req, reply, req.params, { form: f, status: 400 });
      }
      await db.transaction().execute(async (trx) => {
        const c = await versions.insertComment(trx, {
          versionId: version.id,
          personId: req.principal?.personId ?? null,
          body: body.trim(),
          now: platform.now(),
        });
        await audit(req, trx, {
          action: commentAuditAction,
          objectType: 'schoolprogramma-reactie',
          objectId: c.id,
          organisationId: school.id,
          details: { versie: version.number },
        });
      });
      return reply.redirect(`${planBase(school.id)}/versies/${version.number}?reactie=1#reacties`, 303);
    },
  );

  /** Why no decision can be recorded on this version now, or null. */
  const refusalFor = async (planId: number, v: { number: number; decision: string | null }) => {
    if (v.decision) return alreadyDecided(v.number);
    const latest = await versions.latestNumber(db, planId);
    return latest !== v.number ? notLatest(v.number, latest) : null;
  };

  const page = (
    reply: FastifyReply,
    school: { id: number; name: string },
    v: { number: number; submitted_at: Date },
    refusal: { message: string; failed: boolean } | null,
    f?: FormState,
    status?: number,
  ) =>
    reply.page(
      <DecisionPage
        ctx={reply.ctx()}
        school={school}
        number={v.number}
        submittedAt={v.submitted_at}
        refusal={refusal}
        form={f}
      />,
      status,
    );

  app.get(
    `${base}/besluit`,
    {
      config: { access: mrMembers, page: true, examples: pendingExample },
      schema: { params: versionParams },
    },
    async (req, reply) => {
      const { school, plan, version } = await loadVersion(db, req.params.schoolId, req.params.number);
      const refusal = await refusalFor(plan.id, version);
      return page(reply, school, version, refusal ? { message: refusal, failed: false } : null);
    },
  );

  app.post(
    `${base}/besluit`,
    {
      config: { access: mrMembers, audit: decisionAuditAction, examples: decisionExample },
      schema: {
        params: versionParams,
        body: form({
          besluit: choice(['instemming', 'geen-instemming']),
          redenen: text(reasonsMaxLength * 4),
          vergaderdatum: text(40),
        }),
      },
    },
    async (req, reply) => {
      const { school, plan, version } = await loadVersion(db, req.params.schoolId, req.params.number);
      const values = {
        besluit: req.body.besluit,
        redenen: req.body.redenen,
        vergaderdatum: req.body.vergaderdatum,
      };
      const refuse = (reason: string) =>
        audit(req, db, {
          action: decisionAuditAction,
          result: 'mislukt',
          objectType: 'schoolprogramma-versie',
          objectId: version.id,
          organisationId: school.id,
          details: { reden: reason, versie: version.number },
        });
      const check = checkDecision(values, version.submitted_at, platform.now());
      if (!check.ok) {
        await refuse('ongeldige-invoer');
        return page(reply, school, version, null, { values, errors: check.errors }, 400);
      }
      const outcome = await db.transaction().execute(async (trx) => {
        // The newest version is checked under the plan's lock, so a submit cannot slip in between.
        await versions.lockPlan(trx, plan.id);
        const latest = await versions.latestNumber(trx, plan.id);
        if (latest !== version.number) return notLatest(version.number, latest);
        const inserted = await versions.insertDecision(trx, {
          versionId: version.id,
          decision: check.decision,
          reasons: check.reasons,
          meetingOn: check.meetingOn,
          personId: req.principal?.personId ?? null,
          now: platform.now(),
        });
        if (!inserted) return alreadyDecided(version.number);
        await audit(req, trx, {
          action: decisionAuditAction,
          objectType: 'schoolprogramma-versie',
          objectId: version.id,
          organisationId: school.id,
          details: { versie: version.number, besluit: check.decision, vergadering: check.meetingOn },
        });
        return null;
      });
      if (outcome) {
        await refuse(outcome.startsWith('Over versie') ? 'al-besloten' : 'niet-de-nieuwste');
        return page(reply, school, version, { message: outcome, failed: true }, undefined, 409);
      }
      return reply.redirect(`${planBase(school.id)}/versies/${version.number}?besluit=1`, 303);
    },
  );
}
