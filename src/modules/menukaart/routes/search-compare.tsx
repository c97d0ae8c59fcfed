// Public search (interventions and kennisplein) and comparing interventions side by side.
import { maxQueryLength, search, searchTerms } from '../services/search.ts';
import type { Intervention } from '../services/menu.ts';
import { parseCompare } from '../services/catalogue.ts';
import { cachedMenuPage } from '../services/page-caches.ts';
import { type MenuRouteContext, publicPage } from './support.ts';
import { ComparePage } from '../views/compare-page.tsx';
import { SearchPage } from '../views/search-page.tsx';

/** Search results (in their own page cache) and the comparison page. */
export function registerSearchCompareRoutes({ app, db, state, searchPages }: MenuRouteContext) {
  app.get(
    '/menukaart/zoeken',
    { config: { ...publicPage, examples: { query: '?q=lezen' } } },
    async (req, reply) => {
      const version = await state.inForce();
      const q = (req.query as Record<string, unknown>).q;
      const raw = Array.isArray(q) ? q[0] : q;
      const shown = typeof raw === 'string' ? raw.slice(0, maxQueryLength) : '';
      const terms = searchTerms(raw);
      if (!terms) {
        const problem = shown.trim()
          ? 'Uw zoekvraag bevat geen letters of cijfers waarop we kunnen zoeken. Typ een of meer woorden, bijvoorbeeld "lezen" of "feedback".'
          : 'Typ een of meer woorden om te zoeken, bijvoorbeeld "lezen" of "feedback".';
        return reply.page(
          <SearchPage
            ctx={reply.ctx()}
            q={shown}
            notice={null}
            problem={problem}
            interventions={[]}
            items={[]}
          />,
          shown.trim() ? 400 : 200,
        );
      }
      return cachedMenuPage(searchPages, `v${version.id}:${shown}`, req, reply, async () => {
        const found = await search(db, version.id, terms);
        return (
          <SearchPage
            ctx={reply.ctx()}
            q={shown}
            notice={terms.notice}
            problem={null}
            interventions={found.interventions}
            items={found.items}
          />
        );
      });
    },
  );

  app.get(
    '/menukaart/vergelijken',
    { config: { ...publicPage, examples: { query: '?code=B6&code=D1' } } },
    async (req, reply) => {
      const { menu } = await state.menu();
      const raw = (req.query as Record<string, unknown>).code;
      const { codes, tooMany } = parseCompare(raw);
      const chosen = codes
        .map((c) => menu.interventions.find((i) => i.code === c))
        .filter((i): i is Intervention => Boolean(i));
      const unknown = codes.filter((c) => !menu.interventions.some((i) => i.code === c));
      return reply.page(
        <ComparePage
          ctx={reply.ctx()}
          chosen={chosen}
          all={menu.interventions}
          tooMany={tooMany}
          unknown={unknown}
        />,
        tooMany || unknown.length ? 400 : 200,
      );
    },
  );
}
