// The redactie's menu home: starting and discarding a draft, its differences, and publishing it.
import type { FastifyReply } from 'fastify';
import { audit } from '../../../platform/audit/audit.ts';
import { choice, form, query } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import { latestValidFrom, type VersionRow } from '../repository/versions.ts';
import { todayIn } from '../services/menu.ts';
import { discardDraft, editorOverview, ensureDraft } from '../services/entry-editing.ts';
import { diffBetween } from '../services/version-diff.ts';
import { publishDraft, validatePublish } from '../services/publishing.ts';
import { type MenuRouteContext, redactie, draftOnly, draftOrRedirect, formText, onDraft } from './support.ts';
import { DraftDiffPage, PublishPage } from '../views/draft-form-pages.tsx';
import { EditorHome } from '../views/editor-home-page.tsx';
import { DiscardDraftPage } from '../views/discard-draft-page.tsx';

const messages = {
  opgeslagen: 'Het concept is opgeslagen.',
  gepubliceerd: 'De nieuwe versie is gepubliceerd.',
  weggegooid: 'Het concept is weggegooid.',
  begonnen: 'Er is een concept gemaakt.',
};

/** The publish form; the rules (title, a date from the newest version on, a note) are in the service. */
const publishForm = form({
  titel: formText(1000),
  geldigVanaf: formText(100),
  toelichting: formText(20_000),
  bron: formText(2000),
});

/** The draft lifecycle for the redactie. */
export function registerRedactieDraftRoutes({ app, platform, db, state, invalidate }: MenuRouteContext) {
  const editorHome = async (reply: FastifyReply, message?: string) => {
    const [inForce, overview] = await Promise.all([state.inForce(), editorOverview(db)]);
    return reply.page(<EditorHome ctx={reply.ctx()} inForce={inForce} {...overview} message={message} />);
  };

  app.get(
    '/redactie/menukaart',
    {
      config: { access: redactie, page: true },
      schema: {
        querystring: query({
          melding: choice(['opgeslagen', 'gepubliceerd', 'weggegooid', 'begonnen']).catch(undefined),
        }),
      },
    },
    async (req, reply) => editorHome(reply, req.query.melding && messages[req.query.melding]),
  );

  app.post(
    '/redactie/menukaart/concept',
    {
      config: { access: redactie, audit: 'menukaart.concept.begin', examples: { body: {} } },
      schema: { body: form({}) },
    },
    async (req, reply) => {
      const personId = req.principal?.personId ?? null;
      try {
        await db.transaction().execute(async (trx) => {
          const { id, created } = await ensureDraft(trx, platform.now(), personId);
          await audit(req, trx, {
            action: 'menukaart.concept.begin',
            objectType: 'menukaart_version',
            objectId: id,
            ...(created ? {} : { details: { bestond: true } }),
          });
        });
      } catch (err) {
        // Another editor started a draft at the same moment: theirs is the draft.
        if ((err as { code?: string }).code !== '23505') throw err;
        await audit(req, db, {
          action: 'menukaart.concept.begin',
          objectType: 'menukaart_version',
          details: { bestond: true },
        });
      }
      return reply.redirect('/redactie/menukaart?melding=begonnen', 303);
    },
  );

  // Discarding asks first: this page says what is lost and posts to the route below.
  app.get(
    '/redactie/menukaart/concept/verwijderen',
    { config: { access: redactie, page: true, examples: draftOnly } },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply);
      if (!draft) return reply;
      const diff = await diffBetween(db, await state.inForce(), draft);
      return reply.page(<DiscardDraftPage ctx={reply.ctx()} changes={diff.changes.length} />);
    },
  );

  app.post(
    '/redactie/menukaart/concept/verwijderen',
    {
      config: {
        access: redactie,
        audit: 'menukaart.concept.weggooien',
        examples: onDraft({}),
      },
      schema: { body: form({}) },
    },
    async (req, reply) => {
      await db.transaction().execute(async (trx) => {
        const discarded = await discardDraft(trx);
        // Nothing to discard (another editor published or discarded it): recorded as such.
        await audit(req, trx, {
          action: 'menukaart.concept.weggooien',
          objectType: 'menukaart_version',
          ...(discarded === null
            ? { result: 'mislukt' as const, details: { reden: 'geen concept' } }
            : { objectId: discarded }),
        });
      });
      return reply.redirect('/redactie/menukaart?melding=weggegooid', 303);
    },
  );

  app.get(
    '/redactie/menukaart/concept/verschil',
    { config: { access: redactie, page: true, examples: draftOnly } },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply);
      if (!draft) return reply;
      const inForce = await state.inForce();
      return reply.page(
        <DraftDiffPage ctx={reply.ctx()} inForce={inForce} diff={await diffBetween(db, inForce, draft)} />,
      );
    },
  );

  const renderPublish = async (reply: FastifyReply, draft: VersionRow, form: FormState, status = 200) => {
    const diff = await diffBetween(db, await state.inForce(), draft);
    return reply.page(<PublishPage ctx={reply.ctx()} form={form} diffCount={diff.changes.length} />, status);
  };

  app.get(
    '/redactie/menukaart/concept/publiceren',
    { config: { access: redactie, page: true, examples: draftOnly } },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply);
      if (!draft) return reply;
      return renderPublish(reply, draft, {
        values: { geldigVanaf: todayIn(platform.now()) },
        errors: {},
      });
    },
  );

  app.post(
    '/redactie/menukaart/concept/publiceren',
    {
      config: {
        access: redactie,
        audit: 'menukaart.publiceren',
        examples: onDraft({
          titel: 'Menukaart proef',
          geldigVanaf: '2023-09-01',
          toelichting: 'Proefversie.',
        }),
      },
      schema: { body: publishForm },
    },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, req, reply, 'menukaart.publiceren');
      if (!draft) return reply;
      const values = req.body;
      const result = validatePublish(values, await latestValidFrom(db));
      if (!result.ok) return renderPublish(reply, draft, { values, errors: result.errors }, 422);
      await db.transaction().execute(async (trx) => {
        const label = await publishDraft(trx, draft, result, req.principal?.personId ?? null);
        await audit(req, trx, {
          action: 'menukaart.publiceren',
          objectType: 'menukaart_version',
          objectId: draft.id,
          details: { label, geldigVanaf: result.validFrom },
        });
      });
      invalidate();
      return reply.redirect('/redactie/menukaart?melding=gepubliceerd', 303);
    },
  );
}
