// Public funding pages "Bedragen per school": lookup, one school, municipalities and boards.
// They are cached for visitors; every cache key holds the current runs.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import * as repo from '../repository.ts';
import { provisionalBoardName } from '../../duo-import/services/importer.ts';
import { LookupPage } from '../views/public-lookup.tsx';
import { openDataLoadStatus } from '../services/open-data-load.ts';
import { SchoolPage } from '../views/public-school.tsx';
import { GroupPage, MunicipalitiesPage } from '../views/public-groups.tsx';
import type { YearWithRun } from '../views/format.tsx';
import { singleFlightPage } from './single-flight.ts';
import { currentRunIds, notFound, pickYear, publicPage, runKey, str, yearsWithRuns } from './shared.ts';

/** The code of an organisation (for the route examples). */
async function codeOf(db: Kysely<DB>, id: number): Promise<string> {
  const o = await db.selectFrom('organisation').select('code').where('id', '=', id).executeTakeFirstOrThrow();
  return o.code!;
}

/** A group's schools' allocations in every year with a run, and the group's totals per year. */
async function groupAmounts(
  db: Kysely<DB>,
  years: YearWithRun[],
  schools: repo.SchoolListRow[],
  filter: { boardId?: number; municipalityCode?: string },
) {
  const runYears = years.filter((y) => y.currentRunId);
  const allocations = await repo.allocationsFor(
    db,
    runYears.map((y) => y.currentRunId!),
    schools.map((s) => s.id),
  );
  const totals = await Promise.all(
    runYears.map(async (y) => ({
      year: y.label,
      totals: await repo.runTotals(db, y.currentRunId!, filter),
    })),
  );
  return { allocations, totals };
}

export function registerPublicRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;

  app.get(
    '/bedragen',
    { config: { ...publicPage, examples: { query: '?q=school' } } },
    async (req, reply) => {
      const q = str((req.query as Record<string, unknown>).q, 100).trim();
      const years = await yearsWithRuns(db, programmeId);
      return singleFlightPage(
        platform.pageCache,
        `funding:lookup:${runKey(years)}:${q}`,
        req,
        reply,
        async () => {
          const tooShort = q.length === 1;
          const found = q.length >= 2 ? await repo.searchSchools(db, q, 51) : null;
          const results = found ? found.slice(0, 50) : null;
          const allocations = results
            ? await repo.allocationsFor(
                db,
                currentRunIds(years),
                results.map((s) => s.id),
              )
            : [];
          const rates = await repo.listRates(
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
    },
    async (req, reply) => {
      const code = str((req.params as Record<string, unknown>).code, 50);
      const years = await repo.listFundingYears(db, programmeId);
      return singleFlightPage(
        platform.pageCache,
        `funding:school:${runKey(years)}:${code}`,
        req,
        reply,
        async () => {
          const school = await repo.findSchoolByCode(db, code);
          if (!school) throw notFound();
          const allocations = await repo.allocationsFor(db, currentRunIds(years), [school.id], true);
          return <SchoolPage ctx={reply.ctx()} school={school} years={years} allocations={allocations} />;
        },
      );
    },
  );

  app.get('/bedragen/gemeenten', { config: publicPage }, async (req, reply) => {
    const label = str((req.query as Record<string, unknown>).schooljaar, 20);
    const years = await repo.listFundingYears(db, programmeId);
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
        const rows = await repo.municipalities(db, year?.currentRunId ?? null);
        return <MunicipalitiesPage ctx={reply.ctx()} year={year} years={years} rows={rows} />;
      },
    );
  });

  app.get(
    '/bedragen/gemeenten/:code',
    {
      config: {
        ...publicPage,
        examples: {
          params: async ({ schoolId, db }) => {
            const s = await db
              .selectFrom('organisation')
              .select('municipality_code')
              .where('id', '=', schoolId)
              .executeTakeFirstOrThrow();
            if (s.municipality_code) return { code: s.municipality_code };
            await db
              .updateTable('organisation')
              .set({ municipality_code: '0363', municipality_name: 'Amsterdam' })
              .where('id', '=', schoolId)
              .execute();
            return { code: '0363' };
          },
        },
      },
    },
    async (req, reply) => {
      const code = str((req.params as Record<string, unknown>).code, 10);
      if (!/^\d{4}$/.test(code)) throw notFound();
      const years = await yearsWithRuns(db, programmeId);
      return singleFlightPage(
        platform.pageCache,
        `funding:gemeente:${runKey(years)}:${code}`,
        req,
        reply,
        async () => {
          const name = await repo.municipalityName(db, code);
          if (name === undefined) throw notFound();
          const schools = await repo.schoolsOfMunicipality(db, code);
          const { allocations, totals } = await groupAmounts(db, years, schools, { municipalityCode: code });
          return (
            <GroupPage
              ctx={reply.ctx()}
              group={{ kind: 'gemeente', code, name: name ?? code }}
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
    },
    async (req, reply) => {
      const code = str((req.params as Record<string, unknown>).code, 50);
      const years = await yearsWithRuns(db, programmeId);
      return singleFlightPage(
        platform.pageCache,
        `funding:bestuur:${runKey(years)}:${code}`,
        req,
        reply,
        async () => {
          const board = await repo.findBoardByCode(db, code);
          if (!board) throw notFound();
          const schools = await repo.schoolsOfBoard(db, board.id);
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
