// The redactie's menu home: starting and discarding a draft, its differences, and publishing it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../platform/audit/audit.ts';
import type { FormState } from '../../../ui/components.tsx';
import {
  deleteDraft,
  draftVersion,
  latestValidFrom,
  publishedVersions,
  type VersionRow,
} from '../repository/versions.ts';
import { itemsWithStatus } from '../repository/kennisplein.ts';
import { loadMenu, todayIn } from '../services/menu.ts';
import { ensureDraft } from '../services/entry-editing.ts';
import { diffBetween } from '../services/version-diff.ts';
import { publishDraft, validatePublish } from '../services/publishing.ts';
import { type MenuRouteContext, redactie, draftOnly, draftOrRedirect, readForm } from './support.ts';
import { DraftDiffPage, PublishPage } from '../views/draft-form-pages.tsx';
import { EditorHome } from '../views/editor-home-page.tsx';

/** The draft lifecycle for the redactie. */
export function registerRedactieDraftRoutes({ app, platform, db, state, invalidate }: MenuRouteContext) {
  const editorHome = async (req: FastifyRequest, reply: FastifyReply, message?: string) => {
    const inForce = await state.inForce();
    const draft = await draftVersion(db);
    const menu = draft ? await loadMenu(db, draft) : null;
    const pending = (await itemsWithStatus(db, ['ingediend'])).length;
    return reply.page(
      <EditorHome
        ctx={reply.ctx()}
        inForce={inForce}
        draft={draft}
        categories={menu?.categories ?? []}
        interventions={menu?.interventions ?? []}
        versions={await publishedVersions(db)}
        pending={pending}
        message={message}
      />,
    );
  };

  app.get('/redactie/menukaart', { config: { access: redactie, page: true } }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const messages: Record<string, string> = {
      opgeslagen: 'Het concept is opgeslagen.',
      gepubliceerd: 'De nieuwe versie is gepubliceerd.',
      weggegooid: 'Het concept is weggegooid.',
      begonnen: 'Er is een concept gemaakt.',
    };
    return editorHome(req, reply, typeof q.melding === 'string' ? messages[q.melding] : undefined);
  });

  app.post(
    '/redactie/menukaart/concept',
    { config: { access: redactie, examples: { body: {} } } },
    async (req, reply) => {
      try {
        await db.transaction().execute(async (trx) => {
          const { id, created } = await ensureDraft(trx, platform.now(), req.principal?.personId ?? null);
          if (created)
            await audit(req, trx, {
              action: 'menukaart.concept.begin',
              objectType: 'menukaart_version',
              objectId: id,
            });
        });
      } catch (err) {
        // Another editor started a draft at the same moment: theirs is the draft.
        if ((err as { code?: string }).code !== '23505') throw err;
      }
      return reply.redirect('/redactie/menukaart?melding=begonnen', 303);
    },
  );

  app.post(
    '/redactie/menukaart/concept/verwijderen',
    { config: { access: redactie, examples: { body: {} } } },
    async (req, reply) => {
      await db.transaction().execute(async (trx) => {
        const draft = await draftVersion(trx);
        if (draft) {
          await deleteDraft(trx, draft.id);
          await audit(req, trx, {
            action: 'menukaart.concept.weggooien',
            objectType: 'menukaart_version',
            objectId: draft.id,
          });
        }
      });
      return reply.redirect('/redactie/menukaart?melding=weggegooid', 303);
    },
  );

  app.get(
    '/redactie/menukaart/concept/verschil',
    { config: { access: redactie, page: true, examples: draftOnly } },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, reply);
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
      const draft = await draftOrRedirect(db, reply);
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
        examples: {
          ...draftOnly,
          body: { titel: 'Menukaart proef', geldigVanaf: '2023-09-01', toelichting: 'Proefversie.' },
        },
      },
    },
    async (req, reply) => {
      const draft = await draftOrRedirect(db, reply);
      if (!draft) return reply;
      const { values } = readForm(req);
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
