// Public catalogue pages: the menu list, the scales and API explanations, versions, version differences and one intervention.
import { notFound } from '../../../platform/http/not-found.ts';
import { publishedVersions, versionByLabel } from '../repository/versions.ts';
import { interventionPage, todayIn } from '../services/menu.ts';
import { diffBetween } from '../services/version-diff.ts';
import { applyFilters, parseFilters, sortInterventions, type MenuFilters } from '../services/catalogue.ts';
import { cachePrefix } from '../services/page-caches.ts';
import { cachedPageOr404 } from '../../../platform/http/cached-page.ts';
import { params, query } from '../../../platform/http/schemas.ts';
import { type MenuRouteContext, publicPage, firstOf, interventionCode } from './support.ts';
import { ApiDocsPage } from '../views/api-docs-page.tsx';
import { InterventionPage } from '../views/intervention-page.tsx';
import { MenuPage } from '../views/menu-page.tsx';
import { ScalesPage } from '../views/scales-page.tsx';
import { VersionsPage, VersionDiffPage } from '../views/version-pages.tsx';

/**
 * The menu's filters as links carry them. Values are checked by parseFilters, which names what
 * is allowed in Dutch (a 400 with the whole menu); the schema only bounds them.
 */
export const filterQuerySchema = {
  categorie: firstOf(200),
  sector: firstOf(200),
  kosten: firstOf(200),
  bewijs: firstOf(200),
  sortering: firstOf(200),
  weergave: firstOf(200),
};

/** A published version's label, e.g. 2021-05 (an unknown one is handled per route). */
export const versionLabel = firstOf(100);

/** The menu list, explanation pages, versions and intervention pages (cached for visitors). */
export function registerCatalogueRoutes({ app, platform, db, state }: MenuRouteContext) {
  /** Versions and scores scheduled for a later date are not public yet. */
  const today = () => todayIn(platform.now());
  app.get(
    '/menukaart',
    {
      config: { ...publicPage, examples: { query: '?categorie=B&sortering=effect' } },
      schema: { querystring: query(filterQuerySchema) },
    },
    async (req, reply) => {
      const { version, menu } = await state.menu();
      const parsed = parseFilters(
        req.query,
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
        <VersionsPage
          ctx={reply.ctx()}
          versions={await publishedVersions(db, today())}
          inForceId={version.id}
        />
      ),
    );
  });

  app.get(
    '/menukaart/verschil',
    {
      config: { ...publicPage, examples: { query: '?van=2021-05&naar=2022-04' } },
      schema: { querystring: query({ van: versionLabel, naar: versionLabel }) },
    },
    async (req, reply) => {
      const { van, naar } = req.query;
      const [from, to] = await Promise.all([
        van === undefined ? undefined : versionByLabel(db, van, today()),
        naar === undefined ? undefined : versionByLabel(db, naar, today()),
      ]);
      if (!from || !to) throw notFound();
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
    {
      config: { ...publicPage, examples: { params: () => ({ code: 'B6' }) } },
      schema: { params: params({ code: interventionCode }), querystring: query({ versie: versionLabel }) },
    },
    async (req, reply) => {
      const { code } = req.params;
      const label = req.query.versie;
      const inForce = await state.inForce();
      const version =
        label !== undefined && label !== inForce.label ? await versionByLabel(db, label, today()) : inForce;
      if (!version) throw notFound();
      return cachedPageOr404(
        platform.pageCache,
        `${cachePrefix}v${version.id}:iv:${code}`,
        req,
        reply,
        async () => {
          const found = await interventionPage(db, version, code, today());
          if (!found) return null;
          return (
            <InterventionPage
              ctx={reply.ctx()}
              version={version}
              inForce={version.id === inForce.id}
              i={found.intervention}
              category={found.category}
              ratingHistory={found.ratingHistory}
              versions={found.versions}
              items={found.items}
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
