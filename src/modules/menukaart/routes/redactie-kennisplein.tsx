// The redactie and the kennisplein: the moderation queue, decisions on examples, and research summaries.
import { notFound } from '../../../platform/http/not-found.ts';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { choice, form, id, params, query } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import {
  itemById,
  itemInterventions,
  itemsWithStatus,
  moderateItem,
  publishedItems,
} from '../repository/kennisplein.ts';
import { interventionChoices } from '../services/menu.ts';
import { publishResearch, validateItem, validateModeration } from '../services/kennisplein.ts';
import { ItemPage } from '../views/kennisplein.tsx';
import { type MenuRouteContext, redactie, codeList, exampleItem, formText } from './support.ts';
import { ModerationQueuePage, ResearchFormPage, ModerationFormPage } from '../views/moderation-pages.tsx';

const researchForm = form({
  titel: formText(1000),
  interventies: codeList,
  watGedaan: formText(40_000),
  bron: formText(2000),
});

/** A decision; without a choice (or with a reason that is too long) the rules answer in Dutch. */
const moderationForm = form({
  actie: choice(['goedkeuren', 'wijzigingen', 'afwijzen']),
  reden: formText(20_000),
});

const itemParams = params({ itemId: id });

/** Moderation and research summaries. */
export function registerRedactieKennispleinRoutes({ app, db, state, invalidate }: MenuRouteContext) {
  app.get(
    '/redactie/kennisplein',
    {
      config: { access: redactie, page: true },
      schema: {
        querystring: query({ melding: choice(['besluit', 'onderzoek', 'ingetrokken']).catch(undefined) }),
      },
    },
    async (req, reply) => {
      const { melding } = req.query;
      const message =
        melding === 'besluit'
          ? 'Het besluit is opgeslagen.'
          : melding === 'onderzoek'
            ? 'De samenvatting is gepubliceerd.'
            : melding === 'ingetrokken'
              ? 'Het is ingetrokken: het staat niet meer in de lijsten en de zoekresultaten.'
              : undefined;
      return reply.page(
        <ModerationQueuePage
          ctx={reply.ctx()}
          items={await itemsWithStatus(db, ['ingediend'])}
          published={await publishedItems(db, { limit: 1000 })}
          message={message}
        />,
      );
    },
  );

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
    async (_req, reply) => renderResearch(reply, { values: {}, errors: {} }, []),
  );

  app.post(
    '/redactie/kennisplein/onderzoek',
    {
      config: {
        access: redactie,
        audit: 'kennisplein.onderzoek.publiceren',
        examples: {
          body: {
            titel: 'Feedback in de praktijk',
            interventies: 'B6',
            watGedaan: 'Samenvatting.',
            bron: 'https://onderwijskennis.nl/',
          },
        },
      },
      schema: { body: researchForm },
    },
    async (req, reply) => {
      const { interventies: chosen, ...values } = req.body;
      const choices = await interventionChoices(db, await state.inForce());
      const result = validateItem(
        { values, interventions: chosen },
        { interventionCodes: choices.map((c) => c.code), kind: 'onderzoek' },
      );
      if (!result.ok) return renderResearch(reply, { values, errors: result.errors }, chosen, 422);
      const done = '/redactie/kennisplein?melding=onderzoek';
      // Published once per form, however often it is posted (double click, two tabs).
      const outcome = await db.transaction().execute(async (trx) =>
        createOnce(trx, req, req.body, async () => {
          const itemId = await publishResearch(trx, {
            authorPersonId: req.principal?.personId ?? null,
            values: result.values,
            codes: result.codes,
          });
          await audit(req, trx, {
            action: 'kennisplein.onderzoek.publiceren',
            objectType: 'kennisplein_item',
            objectId: itemId,
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

  app.get(
    '/redactie/kennisplein/:itemId',
    { config: { access: redactie, page: true, examples: pendingExample }, schema: { params: itemParams } },
    async (req, reply) => {
      const item = await itemById(db, req.params.itemId);
      if (!item || item.kind !== 'voorbeeld') throw notFound();
      return reply.page(
        <ModerationFormPage ctx={reply.ctx()} item={item} form={{ values: {}, errors: {} }} />,
      );
    },
  );

  app.get(
    '/redactie/kennisplein/:itemId/voorbeeld',
    { config: { access: redactie, page: true, examples: pendingExample }, schema: { params: itemParams } },
    async (req, reply) => {
      const item = await itemById(db, req.params.itemId);
      if (!item) throw notFound();
      const links = await itemInterventions(db, [item.id], (await state.inForce()).id);
      return reply.page(<ItemPage ctx={reply.ctx()} item={item} links={links} preview />);
    },
  );

  app.post(
    '/redactie/kennisplein/:itemId',
    {
      config: {
        access: redactie,
        audit: 'kennisplein.besluit',
        examples: { ...pendingExample, body: { actie: 'goedkeuren' } },
      },
      schema: { params: itemParams, body: moderationForm },
    },
    async (req, reply) => {
      const item = await itemById(db, req.params.itemId);
      if (!item || item.kind !== 'voorbeeld') throw notFound();
      const values = req.body;
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
