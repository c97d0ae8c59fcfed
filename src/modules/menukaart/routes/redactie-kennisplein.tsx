// The redactie and the kennisplein: the moderation queue, decisions on examples, and research summaries.
import { createOnce } from '../../../platform/http/idempotency.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { audit } from '../../../platform/audit/audit.ts';
import type { FormState } from '../../../ui/components.tsx';
import {
  insertItem,
  itemById,
  itemInterventions,
  itemsWithStatus,
  moderateItem,
  setItemInterventions,
} from '../repository/kennisplein.ts';
import { interventionIds } from '../repository/entries.ts';
import { validateItem, validateModeration } from '../services/kennisplein.ts';
import { ItemPage } from '../views/kennisplein.tsx';
import {
  type MenuRouteContext,
  redactie,
  interventionChoices,
  readForm,
  exampleItem,
  positiveInt,
} from './support.ts';
import { ModerationQueuePage, ResearchFormPage, ModerationFormPage } from '../views/moderation-pages.tsx';

/** Moderation and research summaries. */
export function registerRedactieKennispleinRoutes({ app, db, state, invalidate }: MenuRouteContext) {
  app.get('/redactie/kennisplein', { config: { access: redactie, page: true } }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const message =
      q.melding === 'besluit'
        ? 'Het besluit is opgeslagen.'
        : q.melding === 'onderzoek'
          ? 'De samenvatting is gepubliceerd.'
          : undefined;
    return reply.page(
      <ModerationQueuePage
        ctx={reply.ctx()}
        items={await itemsWithStatus(db, ['ingediend'])}
        message={message}
      />,
    );
  });

  const renderResearch = async (reply: FastifyReply, form: FormState, chosen: string[], status = 200) => {
    const choices = await interventionChoices(db, await state.inForce());
    return reply.page(
      <ResearchFormPage ctx={reply.ctx()} form={form} chosen={chosen} choices={choices} />,
      status,
    );
  };

  app.get(
    '/redactie/kennisplein/onderzoek',
    { config: { access: redactie, page: true } },
    async (req, reply) => renderResearch(reply, { values: {}, errors: {} }, []),
  );

  app.post(
    '/redactie/kennisplein/onderzoek',
    {
      config: {
        access: redactie,
        examples: {
          body: {
            titel: 'Feedback in de praktijk',
            interventies: 'B6',
            watGedaan: 'Samenvatting.',
            bron: 'https://onderwijskennis.nl/',
          },
        },
      },
    },
    async (req, reply) => {
      const { values, list } = readForm(req);
      const chosen = list('interventies');
      const choices = await interventionChoices(db, await state.inForce());
      const result = validateItem(
        { values, interventions: chosen },
        { interventionCodes: choices.map((c) => c.code), kind: 'onderzoek' },
      );
      if (!result.ok) return renderResearch(reply, { values, errors: result.errors }, chosen, 422);
      const ids = await interventionIds(db, result.codes);
      const done = '/redactie/kennisplein?melding=onderzoek';
      // Published once per form, however often it is posted (double click, two tabs).
      const outcome = await db.transaction().execute(async (trx) =>
        createOnce(trx, req, (req.body ?? {}) as Record<string, unknown>, async () => {
          const id = await insertItem(trx, {
            ...result.values,
            kind: 'onderzoek',
            school_id: null,
            author_person_id: req.principal?.personId ?? null,
            status: 'gepubliceerd',
          });
          await setItemInterventions(trx, id, ids);
          await audit(req, trx, {
            action: 'kennisplein.onderzoek.publiceren',
            objectType: 'kennisplein_item',
            objectId: id,
          });
          return done;
        }),
      );
      invalidate();
      return reply.redirect(outcome.location ?? done, 303);
    },
  );

  const pendingExample = {
    params: async ({ schoolId, db: d }: { schoolId: number; db: Kysely<DB> }) => ({
      itemId: await exampleItem(d, schoolId, 'ingediend'),
    }),
  };
  const itemFor = async (req: FastifyRequest) => {
    const id = positiveInt((req.params as { itemId: string }).itemId);
    return id === null ? undefined : itemById(db, id);
  };

  app.get(
    '/redactie/kennisplein/:itemId',
    { config: { access: redactie, page: true, examples: pendingExample } },
    async (req, reply) => {
      const item = await itemFor(req);
      if (!item || item.kind !== 'voorbeeld') return reply.callNotFound();
      return reply.page(
        <ModerationFormPage ctx={reply.ctx()} item={item} form={{ values: {}, errors: {} }} />,
      );
    },
  );

  app.get(
    '/redactie/kennisplein/:itemId/voorbeeld',
    { config: { access: redactie, page: true, examples: pendingExample } },
    async (req, reply) => {
      const item = await itemFor(req);
      if (!item) return reply.callNotFound();
      const links = await itemInterventions(db, [item.id], (await state.inForce()).id);
      return reply.page(<ItemPage ctx={reply.ctx()} item={item} links={links} preview />);
    },
  );

  app.post(
    '/redactie/kennisplein/:itemId',
    { config: { access: redactie, examples: { ...pendingExample, body: { actie: 'goedkeuren' } } } },
    async (req, reply) => {
      const item = await itemFor(req);
      if (!item || item.kind !== 'voorbeeld') return reply.callNotFound();
      const { values } = readForm(req);
      const result = validateModeration(item.status, values);
      if (!result.ok)
        return reply.page(
          <ModerationFormPage ctx={reply.ctx()} item={item} form={{ values, errors: result.errors }} />,
          422,
        );
      await db.transaction().execute(async (trx) => {
        await moderateItem(trx, item.id, {
          status: result.status,
          note: result.note,
          personId: req.principal?.personId ?? null,
        });
        await audit(req, trx, {
          action: 'kennisplein.besluit',
          objectType: 'kennisplein_item',
          objectId: item.id,
          organisationId: item.school_id,
          details: { besluit: result.status },
        });
      });
      invalidate();
      return reply.redirect('/redactie/kennisplein?melding=besluit', 303);
    },
  );
}
