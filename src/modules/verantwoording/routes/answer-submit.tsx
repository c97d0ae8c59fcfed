// Checking and submitting a questionnaire, and the receipt of each submission as a tagged PDF. A
// submit makes the next numbered submission and replaces the organisation's monitoring rows in
// one transaction with its audit row and the receipt mails. Registered once per audience.
import type { App, Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, id, params, z } from '../../../platform/http/schemas.ts';
import * as responses from '../repository/responses.ts';
import { isShown } from '../services/answer-rows.ts';
import { openRequired } from '../services/answers.ts';
import { answerLines } from '../services/answer-text.ts';
import type { Question } from '../services/definition.ts';
import { receiptMail } from '../services/receipt-mail.ts';
import { renderReceiptPdf, type ReceiptMeta } from '../services/receipt-pdf.ts';
import { submitResponse } from '../services/submit.ts';
import type { Answers, Audience } from '../tables.ts';
import { AnswerCheckPage, type CheckModel } from '../views/answer-check.tsx';
import { questionnaireBase } from '../views/answer-parts.tsx';
import { answerContext, audiencePrefix } from './answer-context.ts';
import { answerExamples } from './answer-examples.ts';
import { orgIdOf, orgParams } from './answer.tsx';

export const submitAction = 'verantwoording.ingediend';

export function registerAnswerSubmitRoutes(audience: Audience) {
  return (app: App, platform: Platform) => {
    const c = answerContext(platform, audience);
    const ex = answerExamples(audience);
    const prefix = audiencePrefix(audience);
    const qParams = params({ ...orgParams(audience), questionnaireId: id });

    async function checkModel(orgId: number, questionnaireId: number, refused?: CheckModel['refused']) {
      const org = await c.org(orgId);
      const q = await c.questionnaire(questionnaireId);
      const { response, current } = await c.answers(org, q);
      const menu = await c.menu();
      const lines = (x: Question) => answerLines(x, current[x.key], menu.names);
      const m: CheckModel = {
        questionnaire: q,
        window: q.window,
        sections: q.definition.sections
          .map((s) => ({ section: s, questions: s.questions.filter((x) => isShown(x, current)) }))
          .filter((s) => s.questions.length),
        lines,
        missing: openRequired(q.definition, current).flatMap((s) =>
          s.missing.map((question) => ({ section: s.section, question })),
        ),
        revision: response?.revision ?? 0,
        refused,
      };
      return { org, q, m };
    }

    app.get(
      `${prefix}/:questionnaireId/controleren`,
      { config: { access: c.access, page: true, examples: ex.questionnaire }, schema: { params: qParams } },
      async (req, reply) => {
        const { org, m } = await checkModel(orgIdOf(audience, req.params), req.params.questionnaireId);
        return reply.page(<AnswerCheckPage ctx={reply.ctx()} org={org} m={m} />);
      },
    );

    app.post(
      `${prefix}/:questionnaireId/indienen`,
      {
        config: { access: c.access, audit: submitAction, examples: ex.submit },
        schema: { params: qParams, body: form({ revisie: z.string().max(12).default('0') }) },
      },
      async (req, reply) => {
        const org = await c.org(orgIdOf(audience, req.params));
        const q = await c.questionnaire(req.params.questionnaireId);
        const revision = /^\d{1,9}$/.test(req.body.revisie) ? Number(req.body.revisie) : -1;
        const who = c.who(req);
        const mailTo = await responses.respondents(c.db, org.id, audience);
        const base = questionnaireBase(org, q.id);
        const out = await c.db.transaction().execute(async (trx) => {
          const r = await submitResponse(trx, {
            questionnaire: q,
            orgId: org.id,
            revision,
            ...who,
            today: c.today(),
          });
          if (!r.ok) return r;
          await audit(req, trx, {
            action: submitAction,
            objectType: 'questionnaire_submission',
            objectId: r.submissionId,
            organisationId: org.id,
            details: { vragenlijst: q.id, inzending: r.number },
          });
          const meta: ReceiptMeta = {
            questionnaireTitle: q.title,
            yearLabel: q.yearLabel,
            orgName: org.name,
            number: r.number,
            submittedAt: r.submittedAt,
            submittedBy: req.principal?.name ?? null,
          };
          for (const p of mailTo)
            await platform.mailer.send(receiptMail(platform.config.baseUrl, p, base, meta), { trx });
          return r;
        });
        if (out.ok) return reply.redirect(`${base}?gedaan=ingediend`, 303);
        await c.refused(req, submitAction, org.id, { reden: out.reason }, q.id);
        const { m } = await checkModel(org.id, q.id, out.reason);
        return reply.page(
          <AnswerCheckPage ctx={reply.ctx()} org={org} m={m} />,
          out.reason === 'verouderd' ? 409 : 400,
        );
      },
    );

    app.get(
      `${prefix}/:questionnaireId/inzendingen/:number.pdf`,
      {
        config: { access: c.readers, examples: ex.receipt },
        schema: { params: params({ ...orgParams(audience), questionnaireId: id, number: id }) },
      },
      async (req, reply) => {
        const org = await c.org(orgIdOf(audience, req.params));
        const q = await c.questionnaire(req.params.questionnaireId);
        const s = await responses.findSubmission(c.db, q.id, org.id, req.params.number);
        if (!s) throw notFound();
        const menu = await c.menu();
        const pdf = await renderReceiptPdf(q.definition, s.answers as Answers, menu.names, {
          questionnaireTitle: q.title,
          yearLabel: q.yearLabel,
          orgName: org.name,
          number: s.number,
          submittedAt: s.submitted_at,
          submittedBy: s.submittedByName,
        });
        const name = `vragenlijst-${q.slug}-${org.id}-inzending-${s.number}.pdf`;
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${name}"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );
  };
}
