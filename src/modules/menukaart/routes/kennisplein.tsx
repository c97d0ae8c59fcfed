// The public kennisplein: the list of published examples and research summaries, and one item.
import { itemById, itemInterventions, moderateItem, publishedItems } from '../repository/kennisplein.ts';
import { ItemPage, KennispleinPage } from '../views/kennisplein.tsx';
import { cachePrefix } from '../services/page-caches.ts';
import { cachedPageOr404 } from '../../../platform/http/cached-page.ts';
import { type MenuRouteContext, publicPage, exampleItem, positiveInt } from './support.ts';

/** The kennisplein's public pages (cached for visitors). */
export function registerKennispleinRoutes({ app, platform, db, state }: MenuRouteContext) {
  app.get('/kennisplein', { config: publicPage }, async (req, reply) => {
    const version = await state.inForce();
    return cachedPageOr404(platform.pageCache, `${cachePrefix}kp:list`, req, reply, async () => {
      const items = await publishedItems(db);
      const links = await itemInterventions(
        db,
        items.map((i) => i.id),
        version.id,
      );
      return <KennispleinPage ctx={reply.ctx()} items={items} links={links} />;
    });
  });

  app.get(
    '/kennisplein/:itemId',
    {
      config: {
        ...publicPage,
        examples: {
          params: async ({ schoolId, db: d }) => {
            const id = await exampleItem(d, schoolId, 'ingediend');
            await moderateItem(d, id, { status: 'gepubliceerd', note: null, personId: null });
            return { itemId: id };
          },
        },
      },
    },
    async (req, reply) => {
      const id = positiveInt((req.params as { itemId: string }).itemId);
      if (id === null) return reply.callNotFound();
      const version = await state.inForce();
      return cachedPageOr404(platform.pageCache, `${cachePrefix}kp:${id}`, req, reply, async () => {
        const item = await itemById(db, id);
        if (!item || item.status !== 'gepubliceerd') return null;
        const links = await itemInterventions(db, [id], version.id);
        return <ItemPage ctx={reply.ctx()} item={item} links={links} />;
      });
    },
  );
}
