// Public funding pages "Bedragen per school": lookup, one school, municipalities and boards.
// They are cached for visitors; every cache key holds the current runs.
import type { App, Platform } from '../../../platform/platform.ts';
import { placeName } from '../../../platform/search/place-names.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { optionalText, params, query, text, z } from '../../../platform/http/schemas.ts';
import { provisionalBoardName } from '../../duo-import/services/organisation-writes.ts';
import { allocationsFor, municipalities, municipalityName } from '../repository/allocations.ts';
import { listRates } from '../repository/rates.ts';
import {
  codeOf,
  exampleMunicipalityCode,
  findBoardByCode,
  findSchoolByCode,
  schoolsOfBoard,
  schoolsOfMunicipality,
  searchSchools,
} from '../repository/schools.ts';
import { listFundingYears } from '../repository/years.ts';
import { openDataLoadStatus } from '../services/open-data-load.ts';
import { groupAmounts } from '../services/public-pages.ts';
import { currentRunIds, pickYear, runKey, yearsWithRuns } from '../services/years.ts';
import { LookupPage } from '../views/public-lookup.tsx';
import { SchoolPage } from '../views/public-school.tsx';
import { GroupPage, MunicipalitiesPage } from '../views/public-groups.tsx';
import { singleFlightPage } from './single-flight.ts';
import { publishedSummary } from '../repository/plan-summary.ts';
import { publicPage } from './shared.ts';

const codeParams = params({ code: z.string().max(100) });

export function registerPublicRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;

  app.get(
    '/bedragen',
    {
      config: { ...publicPage, examples: { query: '?q=school' } },
      // A long search term is cut to 100 characters rather than refused.
      schema: { querystring: query({ q: text(1000).transform((q) => q.slice(0, 100).trim()) }) },
    },
    async (req, reply) => {
      const { q } = req.query;
      const years = await yearsWithRuns(db, programmeId);
      return singleFlightPage(
        platform.pageCache,
        `funding:lookup:${runKey(years)}:${q}`,
        req,
        reply,
        async () => {
          const tooShort = q.length === 1;
          const found = q.length >= 2 ? await searchSchools(db, q, 51) : null;
          const results = found ? found.slice(0, 50) : null;
          const allocations = results
            ? await allocationsFor(
                db,
                currentRunIds(years),
                results.map((s) => s.id),
              )
            : [];
          const rates = await listRates(
            db,
            years.map((y) => y.schoolYearId),
          );
          const loading = await openDataLoadStatus(db);
          return (
            <LookupPage
              ctx={reply.ctx()}
              loading={loading}
              q={q}
              tooShort={tooShort}
              results={results}
              more={(found?.length ?? 0) > 50}
              years={years}
              allocations={allocations}
              rates={rates}
            />
          );
        },
      );
    },
  );

  app.get(
    '/bedragen/scholen/:code',
    {
      config: {
        ...publicPage,
        examples: { params: async ({ schoolId, db }) => ({ code: await codeOf(db, schoolId) }) },
      },
      schema: { params: codeParams },
    },
    async (req, reply) => {
      const { code } = req.params;
      const years = await listFundingYears(db, programmeId);
      return singleFlightPage(
        platform.pageCache,
        `funding:school:${runKey(years)}:${code}`,
        req,
        reply,
        async () => {
          const school = await findSchoolByCode(db, code);
          if (!school) throw notFound();
          const allocations = await allocationsFor(db, currentRunIds(years), [school.id], true);
          const planSummary = await publishedSummary(db, school.id);
          return (
            <SchoolPage
              ctx={reply.ctx()}
              school={school}
              years={years}
              allocations={allocations}
              planSummary={planSummary}
            />
          );
        },
      );
    },
  );

  app.get(
    '/bedragen/gemeenten',
    {
      config: publicPage,
      // An unknown year shows the first year with amounts.
      schema: { querystring: query({ schooljaar: optionalText(20).catch(undefined) }) },
    },
    async (req, reply) => {
      const label = req.query.schooljaar ?? '';
      const years = await listFundingYears(db, programmeId);
      return singleFlightPage(
        platform.pageCache,
        `funding:gemeenten:${runKey(years)}:${label}`,
        req,
        reply,
        async () => {
          const year = pickYear(
            years.filter((y) => y.currentRunId),
            label,
          );
          const rows = await municipalities(db, year?.currentRunId ?? null);
          return <MunicipalitiesPage ctx={reply.ctx()} year={year} years={years} rows={rows} />;
        },
      );
    },
  );

  app.get(
    '/bedragen/gemeenten/:code',
    {
      config: {
        ...publicPage,
        examples: {
          params: async ({ schoolId, db }) => ({ code: await exampleMunicipalityCode(db, schoolId) }),
        },
      },
      schema: { params: codeParams },
    },
    async (req, reply) => {
      const { code } = req.params;
      if (!/^\d{4}$/.test(code)) throw notFound();
      const years = await yearsWithRuns(db, programmeId);
      return singleFlightPage(
        platform.pageCache,
        `funding:gemeente:${runKey(years)}:${code}`,
        req,
        reply,
        async () => {
          const name = await municipalityName(db, code);
          if (name === undefined) throw notFound();
          const schools = await schoolsOfMunicipality(db, code);
          const { allocations, totals } = await groupAmounts(db, years, schools, { municipalityCode: code });
          return (
            <GroupPage
              ctx={reply.ctx()}
              group={{ kind: 'gemeente', code, name: placeName(name) ?? code }}
              schools={schools}
              years={years}
              allocations={allocations}
              totals={totals}
            />
          );
        },
      );
    },
  );

  app.get(
    '/bedragen/besturen/:code',
    {
      config: {
        ...publicPage,
        examples: { params: async ({ boardId, db }) => ({ code: await codeOf(db, boardId) }) },
      },
      schema: { params: codeParams },
    },
    async (req, reply) => {
      const { code } = req.params;
      const years = await yearsWithRuns(db, programmeId);
      return singleFlightPage(
        platform.pageCache,
        `funding:bestuur:${runKey(years)}:${code}`,
        req,
        reply,
        async () => {
          const board = await findBoardByCode(db, code);
          if (!board) throw notFound();
          const schools = await schoolsOfBoard(db, board.id);
          const { allocations, totals } = await groupAmounts(db, years, schools, { boardId: board.id });
          return (
            <GroupPage
              ctx={reply.ctx()}
              group={{
                kind: 'bestuur',
                code: board.code ?? '',
                name: board.name,
                provisional: board.name_provisional && board.name === provisionalBoardName(board.code ?? ''),
              }}
              schools={schools}
              years={years}
              allocations={allocations}
              totals={totals}
            />
          );
        },
      );
    },
  );
}
