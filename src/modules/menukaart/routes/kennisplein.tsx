// The public kennisplein: the list of published examples and research summaries, and one item.
import { itemById } from '../repository/kennisplein.ts';
import { publishedItemWithLinks, publishedWithLinks } from '../services/kennisplein.ts';
import { ItemPage, KennispleinPage } from '../views/kennisplein.tsx';
import { cachePrefix } from '../services/page-caches.ts';
import { cachedPageOr404 } from '../../../platform/http/cached-page.ts';
import { id, params } from '../../../platform/http/schemas.ts';
import { type MenuRouteContext, publicPage, publishedExampleItem } from './support.ts';
import { WithdrawnItemPage } from '../views/withdraw-pages.tsx';

/** The kennisplein's public pages (cached for visitors). */
export function registerKennispleinRoutes({ app, platform, db, state }: MenuRouteContext) {
  app.get('/kennisplein', { config: publicPage }, async (req, reply) => {
    const version = await state.inForce();
    return cachedPageOr404(platform.pageCache, `${cachePrefix}kp:list`, req, reply, async () => {
      const { items, links } = await publishedWithLinks(db, version.id);
      return <KennispleinPage ctx={reply.ctx()} items={items} links={links} />;
    });
  });

  app.get(
    '/kennisplein/:itemId',
    {
      config: {
        ...publicPage,
        examples: {
          params: async ({ schoolId, db: d }) => ({ itemId: await publishedExampleItem(d, schoolId) }),
        },
      },
      schema: { params: params({ itemId: id }) },
    },
    async (req, reply) => {
      const { itemId } = req.params;
      const version = await state.inForce();
      const key = `${cachePrefix}kp:${itemId}`;
      // Withdrawing empties the page cache, so a cached page is always a published item; only
      // without one can the item be withdrawn, and then the page says so (410 Gone).
      if (req.principal || !platform.pageCache.get(`${key}|${req.locale}`)) {
        const item = await itemById(db, itemId);
        if (item?.status === 'ingetrokken')
          return reply.page(<WithdrawnItemPage ctx={reply.ctx()} item={item} />, 410);
      }
      return cachedPageOr404(platform.pageCache, key, req, reply, async () => {
        const found = await publishedItemWithLinks(db, itemId, version.id);
        return found ? <ItemPage ctx={reply.ctx()} item={found.item} links={found.links} /> : null;
      });
    },
  );
}
