// The redactie withdraws a published kennisplein item (issue 11, item 11): a confirmation page
// with the reason (no JavaScript needed), then the withdrawal, audited; the caches are emptied
// so the item leaves the lists and the search at once.
import { notFound } from '../../../platform/http/not-found.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { form, id, params } from '../../../platform/http/schemas.ts';
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import { itemById, withdrawItem } from '../repository/kennisplein.ts';
import { validateWithdrawal } from '../services/kennisplein.ts';
import { type MenuRouteContext, redactie, publishedExampleItem, formText } from './support.ts';
import { WithdrawItemPage } from '../views/withdraw-pages.tsx';

const itemParams = params({ itemId: id });

/** Route-check example: a published example of the tenant's school. */
const publishedExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({ itemId: await publishedExampleItem(db, schoolId) }),
};

export function registerRedactieWithdrawRoutes({ app, platform, db, invalidate }: MenuRouteContext) {
  const publishedItem = async (itemId: number) => {
    const item = await itemById(db, itemId);
    // Only a published item can be withdrawn; anything else is not there to withdraw.
    if (!item || item.status !== 'gepubliceerd') throw notFound();
    return item;
  };

  app.get(
    '/redactie/kennisplein/:itemId/intrekken',
    { config: { access: redactie, page: true, examples: publishedExample }, schema: { params: itemParams } },
    async (req, reply) => {
      const item = await publishedItem(req.params.itemId);
      return reply.page(<WithdrawItemPage ctx={reply.ctx()} item={item} form={{ values: {}, errors: {} }} />);
    },
  );

  app.post(
    '/redactie/kennisplein/:itemId/intrekken',
    {
      config: {
        access: redactie,
        audit: 'kennisplein.intrekken',
        examples: { ...publishedExample, body: { reden: 'De school vroeg het voorbeeld terug te trekken.' } },
      },
      schema: { params: itemParams, body: form({ reden: formText(20_000) }) },
    },
    async (req, reply) => {
      const item = await publishedItem(req.params.itemId);
      const values = req.body;
      const result = validateWithdrawal(values);
      if (!result.ok)
        return reply.page(
          <WithdrawItemPage ctx={reply.ctx()} item={item} form={{ values, errors: result.errors }} />,
          422,
        );
      const done = await db.transaction().execute(async (trx) => {
        const withdrawn = await withdrawItem(trx, item.id, {
          reason: result.reason,
          personId: req.principal?.personId ?? null,
          at: platform.now(),
        });
        await audit(req, trx, {
          action: 'kennisplein.intrekken',
          objectType: 'kennisplein_item',
          objectId: item.id,
          organisationId: item.school_id,
          ...(withdrawn ? {} : { result: 'mislukt' as const, details: { reden: 'niet meer gepubliceerd' } }),
        });
        return withdrawn;
      });
      if (!done) throw notFound();
      invalidate();
      return reply.redirect('/redactie/kennisplein?melding=ingetrokken', 303);
    },
  );
}
