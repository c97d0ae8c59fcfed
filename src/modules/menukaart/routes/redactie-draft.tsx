// The redactie's menu home: starting and discarding a draft and its differences (publishing: redactie-publish.tsx).
import type { FastifyReply } from 'fastify';
import { audit } from '../../../platform/audit/audit.ts';
import { choice, form, query } from '../../../platform/http/schemas.ts';
import { scheduledVersions } from '../repository/versions.ts';
import { todayIn } from '../services/menu.ts';
import { discardDraft, editorOverview, ensureDraft } from '../services/entry-editing.ts';
import { diffBetween } from '../services/version-diff.ts';
import { type MenuRouteContext, redactie, draftOnly, draftOrRedirect, onDraft } from './support.ts';
import { DraftDiffPage } from '../views/draft-form-pages.tsx';
import { EditorHome } from '../views/editor-home-page.tsx';
import { DiscardDraftPage } from '../views/discard-draft-page.tsx';

const messages = {
  opgeslagen: 'Het concept is opgeslagen.',
  gepubliceerd: 'De nieuwe versie is gepubliceerd en geldt vanaf vandaag.',
  gepland: 'De nieuwe versie is gepubliceerd en gepland: zij geldt vanaf de gekozen datum.',
  geannuleerd: 'De planning is geannuleerd. De versie is weer het concept.',
  weggegooid: 'Het concept is weggegooid.',
  begonnen: 'Er is een concept gemaakt.',
};

/** The draft lifecycle for the redactie. */
export function registerRedactieDraftRoutes({ app, platform, db, state }: MenuRouteContext) {
  const editorHome = async (reply: FastifyReply, message?: string) => {
    const [inForce, overview, scheduled] = await Promise.all([
      state.inForce(),
      editorOverview(db),
      scheduledVersions(db, todayIn(platform.now())),
    ]);
    return reply.page(
      <EditorHome
        ctx={reply.ctx()}
        inForce={inForce}
        {...overview}
        scheduled={scheduled}
        message={message}
      />,
    );
  };

  app.get(
    '/redactie/menukaart',
    {
      config: { access: redactie, page: true },
      schema: {
        querystring: query({
          melding: choice([
            'opgeslagen',
            'gepubliceerd',
            'gepland',
            'geannuleerd',
            'weggegooid',
            'begonnen',
          ]).catch(undefined),
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
}
