// Public catalogue pages: the menu list, the scales and API explanations, versions, version differences and one intervention.
import { publishedVersions, versionByLabel } from '../repository/versions.ts';
import { categories, entryByCode, ratings, versionsOfIntervention } from '../repository/entries.ts';
import { publishedItems } from '../repository/kennisplein.ts';
import { diffBetween } from '../services/version-diff.ts';
import { toCategory, toIntervention } from '../services/menu.ts';
import { applyFilters, parseFilters, sortInterventions, type MenuFilters } from '../services/catalogue.ts';
import { cachePrefix } from '../services/page-caches.ts';
import { cachedPageOr404 } from '../../../platform/http/cached-page.ts';
import { type MenuRouteContext, publicPage, codeParam } from './support.ts';
import { ApiDocsPage } from '../views/api-docs-page.tsx';
import { InterventionPage } from '../views/intervention-page.tsx';
import { MenuPage } from '../views/menu-page.tsx';
import { ScalesPage } from '../views/scales-page.tsx';
import { VersionsPage, VersionDiffPage } from '../views/version-pages.tsx';

/** The menu list, explanation pages, versions and intervention pages (cached for visitors). */
export function registerCatalogueRoutes({ app, platform, db, state }: MenuRouteContext) {
  app.get(
    '/menukaart',
    { config: { ...publicPage, examples: { query: '?categorie=B&sortering=effect' } } },
    async (req, reply) => {
      const { version, menu } = await state.menu();
      const parsed = parseFilters(
        req.query as Record<string, unknown>,
        menu.categories.map((c) => c.code),
      );
      const render = () => {
        const rows = sortInterventions(
          applyFilters(menu.interventions, parsed.filters),
          parsed.filters.sortering,
        );
        return (
          <MenuPage
            ctx={reply.ctx()}
            version={version}
            categories={menu.categories}
            interventions={rows}
            total={menu.interventions.length}
            filters={parsed.filters}
            errors={parsed.ok ? [] : parsed.errors}
          />
        );
      };
      if (!parsed.ok) return reply.page(render(), 400);
      const key = `${cachePrefix}v${version.id}:list${filterQueryKey(parsed.filters)}`;
      return cachedPageOr404(platform.pageCache, key, req, reply, render);
    },
  );

  app.get('/menukaart/uitleg', { config: publicPage }, async (req, reply) =>
    cachedPageOr404(platform.pageCache, `${cachePrefix}uitleg`, req, reply, () => (
      <ScalesPage ctx={reply.ctx()} />
    )),
  );

  app.get('/menukaart/api', { config: publicPage }, async (req, reply) =>
    cachedPageOr404(platform.pageCache, `${cachePrefix}api`, req, reply, () => (
      <ApiDocsPage ctx={reply.ctx()} />
    )),
  );

  app.get('/menukaart/versies', { config: publicPage }, async (req, reply) => {
    const version = await state.inForce();
    return cachedPageOr404(
      platform.pageCache,
      `${cachePrefix}v${version.id}:versies`,
      req,
      reply,
      async () => (
        <VersionsPage ctx={reply.ctx()} versions={await publishedVersions(db)} inForceId={version.id} />
      ),
    );
  });

  app.get(
    '/menukaart/verschil',
    { config: { ...publicPage, examples: { query: '?van=2021-05&naar=2022-04' } } },
    async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      const [from, to] = await Promise.all([
        typeof q.van === 'string' ? versionByLabel(db, q.van) : undefined,
        typeof q.naar === 'string' ? versionByLabel(db, q.naar) : undefined,
      ]);
      if (!from || !to) return reply.callNotFound();
      return cachedPageOr404(
        platform.pageCache,
        `${cachePrefix}diff:${from.id}:${to.id}`,
        req,
        reply,
        async () => (
          <VersionDiffPage ctx={reply.ctx()} from={from} to={to} diff={await diffBetween(db, from, to)} />
        ),
      );
    },
  );

  app.get(
    '/menukaart/:code',
    { config: { ...publicPage, examples: { params: () => ({ code: 'B6' }) } } },
    async (req, reply) => {
      const code = codeParam(req);
      const inForce = await state.inForce();
      const label = (req.query as Record<string, unknown>).versie;
      const version =
        typeof label === 'string' && label !== inForce.label ? await versionByLabel(db, label) : inForce;
      if (!version || !/^[A-Z]\d{1,2}$/.test(code)) return reply.callNotFound();
      return cachedPageOr404(
        platform.pageCache,
        `${cachePrefix}v${version.id}:iv:${code}`,
        req,
        reply,
        async () => {
          const entry = await entryByCode(db, version.id, code);
          if (!entry) return null;
          const i = toIntervention(entry);
          const [cats, history, versions, items] = await Promise.all([
            categories(db, version.id),
            ratings(db, i.id),
            versionsOfIntervention(db, i.id),
            publishedItems(db, { interventionId: i.id }),
          ]);
          const c = cats.find((x) => x.code === i.categoryCode);
          const category = c ? toCategory(c) : undefined;
          return (
            <InterventionPage
              ctx={reply.ctx()}
              version={version}
              inForce={version.id === inForce.id}
              i={i}
              category={category}
              ratingHistory={history}
              versions={versions}
              items={items}
            />
          );
        },
      );
    },
  );
}

function filterQueryKey(f: MenuFilters) {
  return [f.categorie ?? '', f.sector ?? '', f.kosten ?? '', f.bewijs ?? '', f.sortering, f.weergave].join(
    '|',
  );
}
