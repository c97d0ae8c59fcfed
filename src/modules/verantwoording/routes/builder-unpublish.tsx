// Taking a published questionnaire back to concept, while no school or board has started
// answering it. The check and the change are one transaction under the questionnaire's row lock
// (builder-context.ts save): a first answer saved at this moment either commits before the lock
// (then the check sees it and refuses) or waits and is refused by the trigger of migration 0650,
// so no working copy is ever left on a concept.
import type { App, Platform } from '../../../platform/platform.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, params, id, z } from '../../../platform/http/schemas.ts';
import { UnpublishPage } from '../views/builder-confirm.tsx';
import { builderBase, questionnaireHref, staleMessage } from '../views/builder-parts.tsx';
import { analists } from './access.ts';
import { builderContext, parseRevision, type Change } from './builder-context.ts';
import { publishedExample, publishedRevisionExample } from './builder-examples.ts';

export const unpublishAction = 'vragenlijst.teruggezet-naar-concept';

const answeredMessage =
  'Er is intussen een school of bestuur begonnen met invullen. De vragenlijst blijft daarom gepubliceerd.';

export function registerBuilderUnpublishRoutes(app: App, platform: Platform) {
  const c = builderContext(platform);
  const qParams = params({ questionnaireId: id });

  app.get(
    `${builderBase}/:questionnaireId/terugzetten`,
    { config: { access: analists, page: true, examples: publishedExample }, schema: { params: qParams } },
    async (req, reply) => {
      const q = await c.load(req.params.questionnaireId);
      if (q.status !== 'gepubliceerd') return reply.redirect(questionnaireHref(q.id), 303);
      return reply.page(<UnpublishPage ctx={reply.ctx()} q={q} />);
    },
  );

  app.post(
    `${builderBase}/:questionnaireId/terugzetten`,
    {
      config: { access: analists, audit: unpublishAction, examples: publishedRevisionExample },
      schema: { params: qParams, body: form({ revisie: z.string().max(12).default('0') }) },
    },
    async (req, reply) => {
      const qid = req.params.questionnaireId;
      const change: Change = (row, answered) => {
        // The guard of this route: a working copy exists (saved or submitted), so it stays published.
        const refusal =
          row.status !== 'gepubliceerd'
            ? 'Deze vragenlijst is al een concept.'
            : answered
              ? answeredMessage
              : undefined;
        return refusal
          ? { ok: false, errors: { status: refusal } }
          : { ok: true, patch: { unpublish: true } };
      };
      const out = await c.save(req, qid, parseRevision(req.body.revisie), unpublishAction, change);
      if (out.kind === 'ok') return reply.redirect(`${questionnaireHref(qid)}?gedaan=teruggezet`, 303);
      if (out.kind === 'onbekend') throw notFound();
      const q = await c.load(qid);
      if (q.status !== 'gepubliceerd') return reply.redirect(questionnaireHref(qid), 303);
      return reply.page(
        <UnpublishPage
          ctx={reply.ctx()}
          q={q}
          error={out.kind === 'verouderd' ? staleMessage : Object.values(out.errors)[0]}
        />,
        out.kind === 'verouderd' ? 409 : 400,
      );
    },
  );
}
