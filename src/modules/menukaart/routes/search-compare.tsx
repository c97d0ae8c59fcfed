// Public search (interventions and kennisplein) and comparing interventions side by side.
import { maxQueryLength, searchTerms } from '../services/search.ts';
import { compareSelection } from '../services/catalogue.ts';
import { query, z } from '../../../platform/http/schemas.ts';
import { type MenuRouteContext, cachedMenuPage, firstOf, publicPage } from './support.ts';
import { ComparePage } from '../views/compare-page.tsx';
import { SearchPage } from '../views/search-page.tsx';

/** Search results (in their own page cache) and the comparison page. */
export function registerSearchCompareRoutes({ app, state, searchPages }: MenuRouteContext) {
  app.get(
    '/menukaart/zoeken',
    {
      config: { ...publicPage, examples: { query: '?q=lezen' } },
      // A long query is searched on its first 100 characters with a notice (searchTerms), so
      // the schema lets it through; only a repeated q is cut to its first value.
      schema: { querystring: query({ q: firstOf(20_000) }) },
    },
    async (req, reply) => {
      const version = await state.inForce();
      const raw = req.query.q;
      const shown = raw === undefined ? '' : raw.slice(0, maxQueryLength);
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
            suggestion={null}
          />,
          shown.trim() ? 400 : 200,
        );
      }
      return cachedMenuPage(searchPages, `v${version.id}:${shown}`, req, reply, async () => {
        const found = (await state.searchIndex()).search(terms.text);
        return (
          <SearchPage
            ctx={reply.ctx()}
            q={shown}
            notice={terms.notice}
            problem={null}
            interventions={found.interventions}
            items={found.items}
            suggestion={found.suggestion}
          />
        );
      });
    },
  );

  app.get(
    '/menukaart/vergelijken',
    {
      config: { ...publicPage, examples: { query: '?code=B6&code=D1' } },
      // Codes may come one per parameter or comma-separated; parseCompare keeps the valid ones.
      schema: {
        querystring: query({
          code: z.union([z.string().max(200), z.array(z.string().max(200)).max(100)]).optional(),
        }),
      },
    },
    async (req, reply) => {
      const { menu } = await state.menu();
      const { chosen, unknown, tooMany } = compareSelection(menu.interventions, req.query.code);
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
