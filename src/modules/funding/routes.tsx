// Routes of the funding module: public lookup "Bedragen per school" (cached for visitors),
// open-data CSV, the board's overview with reservations, and the analist's rates.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { sql, type Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Platform } from '../../app.ts';
import type { PlatformModule } from '../module.ts';
import type { DB } from '../../platform/db/schema.ts';
import { access } from '../../platform/auth/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { cachedPage } from '../site/routes.tsx';
import { renderDocument } from '../../platform/http/render.ts';
import type { PageCache } from '../../platform/http/page-cache.ts';
import { emptyForm, type FormState } from '../../ui/components.tsx';
import * as repo from './repository.ts';
import { checkReservation, recomputeYear, validateRateChange } from './service.ts';
import { provisionalBoardName } from '../duo-import/importer.ts';
import { centsToDecimal, parseEuroToCents } from './money.ts';
import {
  BoardFundingPage,
  DifferencesPage,
  GroupPage,
  LookupPage,
  MunicipalitiesPage,
  RateEditPage,
  RatesAdminPage,
  SchoolPage,
  type BoardSchoolRow,
  type YearWithRun,
} from './views.tsx';

const publicPage = { access: access.public(), page: true } as const;

/**
 * cachedPage() with one render per key at a time: visitors who ask for the same uncached page
 * at the same moment wait for the first render instead of each rendering it again.
 */
const inflight = new Map<string, Promise<void>>();
async function singleFlightPage(
  cache: PageCache,
  key: string,
  req: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<VNode>,
) {
  if (!req.principal) {
    const fullKey = `${key}|${req.locale}`;
    if (!cache.get(fullKey)) {
      let running = inflight.get(fullKey);
      if (!running) {
        running = (async () => {
          cache.set(fullKey, renderDocument(await render()));
        })().finally(() => inflight.delete(fullKey));
        inflight.set(fullKey, running);
      }
      await running;
    }
  }
  return cachedPage(cache, key, req, reply, render);
}

export const recomputeQueue = 'bekostiging-herberekenen';

function notFound(): Error {
  return Object.assign(new Error('Niet gevonden'), { statusCode: 404 });
}

function str(v: unknown, max = 200): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

function formOf(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf') out[k] = typeof v === 'string' ? v : '';
  return out;
}

/** Funding years with the summary of their current run, in two queries. */
export async function yearsWithRuns(db: Kysely<DB>, programmeId: number): Promise<YearWithRun[]> {
  const years = await repo.listFundingYears(db, programmeId);
  const ids = years.map((y) => y.currentRunId).filter((x): x is number => x !== null);
  const runs = ids.length
    ? await db
        .selectFrom('allocation_run')
        .select(['id', 'school_count', 'total_cents', 'created_at'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(runs.map((r) => [r.id, r]));
  return years.map((y) => {
    const r = y.currentRunId ? byId.get(y.currentRunId) : undefined;
    return {
      ...y,
      runTotal: r ? { schools: r.school_count, totalCents: r.total_cents, createdAt: r.created_at } : null,
    };
  });
}

/** Part of every cache key: a new run (after an import or a rate change) gives new pages. */
const runKey = (years: repo.FundingYear[]) => years.map((y) => y.currentRunId ?? 0).join('-');

function pickYear(years: repo.FundingYear[], label: string | undefined) {
  return (
    years.find((y) => y.label === label) ??
    years.find((y) => y.currentRunId) ??
    years.find((y) => y.status !== 'geen-toekenning')
  );
}

/**
 * Starts a recompute of a school year: as a job that exists only if the transaction commits,
 * or (without a job queue, e.g. in the CLI and some tests) right after the commit.
 */
export async function requestRecompute(
  platform: Platform,
  trx: Kysely<DB>,
  data: { schoolYearId: number; reason: string; personId: number | null },
): Promise<(() => Promise<void>) | null> {
  if (platform.jobs) {
    await platform.jobs.send(recomputeQueue, data, { trx, retryLimit: 3 });
    return null;
  }
  return async () => {
    await recomputeYear(platform.database.db, data.schoolYearId, data.reason, data.personId);
    platform.pageCache.invalidate('funding:');
  };
}

export const fundingModule: PlatformModule = {
  name: 'funding',
  nav: [{ href: '/bedragen', label: { nl: 'Bedragen per school', en: 'Amounts per school' } }],
  register(app, platform) {
    const db = platform.database.db;
    const programmeId = platform.programme.id;
    const csvCache = new Map<string, string>();

    // Another process (the CLI on a shared PostgreSQL server) may make new runs; this process's
    // page cache then learns of it within half a minute.
    let seenRuns: string | null = null;
    const watch = setInterval(() => {
      repo
        .listFundingYears(db, programmeId)
        .then((years) => {
          const key = runKey(years);
          if (seenRuns !== null && key !== seenRuns) platform.pageCache.invalidate('funding:');
          seenRuns = key;
        })
        .catch(() => {}); // the database may be briefly unreachable; the next tick tries again
    }, 30_000);
    watch.unref();
    app.addHook('onClose', async () => clearInterval(watch));

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
            const runIds = years.map((y) => y.currentRunId).filter((x): x is number => x !== null);
            const allocations = results
              ? await repo.allocationsFor(
                  db,
                  runIds,
                  results.map((s) => s.id),
                )
              : [];
            const rates = await repo.listRates(
              db,
              years.map((y) => y.schoolYearId),
            );
            return (
              <LookupPage
                ctx={reply.ctx()}
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
          examples: {
            params: async ({ schoolId, db }) => {
              const s = await db
                .selectFrom('organisation')
                .select('code')
                .where('id', '=', schoolId)
                .executeTakeFirstOrThrow();
              return { code: s.code! };
            },
          },
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
            const runIds = years.map((y) => y.currentRunId).filter((x): x is number => x !== null);
            const allocations = await repo.allocationsFor(db, runIds, [school.id], true);
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
            const runYears = years.filter((y) => y.currentRunId);
            const allocations = await repo.allocationsFor(
              db,
              runYears.map((y) => y.currentRunId!),
              schools.map((s) => s.id),
            );
            const totals = await Promise.all(
              runYears.map(async (y) => ({
                year: y.label,
                totals: await repo.runTotals(db, y.currentRunId!, { municipalityCode: code }),
              })),
            );
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
          examples: {
            params: async ({ boardId, db }) => {
              const b = await db
                .selectFrom('organisation')
                .select('code')
                .where('id', '=', boardId)
                .executeTakeFirstOrThrow();
              return { code: b.code! };
            },
          },
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
            const runYears = years.filter((y) => y.currentRunId);
            const allocations = await repo.allocationsFor(
              db,
              runYears.map((y) => y.currentRunId!),
              schools.map((s) => s.id),
            );
            const totals = await Promise.all(
              runYears.map(async (y) => ({
                year: y.label,
                totals: await repo.runTotals(db, y.currentRunId!, { boardId: board.id }),
              })),
            );
            return (
              <GroupPage
                ctx={reply.ctx()}
                group={{
                  kind: 'bestuur',
                  code: board.code ?? '',
                  name: board.name,
                  provisional:
                    board.name_provisional && board.name === provisionalBoardName(board.code ?? ''),
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

    app.get('/bedragen/open-data.csv', { config: { access: access.public() } }, async (req, reply) => {
      const label = str((req.query as Record<string, unknown>).schooljaar, 20);
      const years = (await repo.listFundingYears(db, programmeId)).filter(
        (y) => y.currentRunId && (!label || y.label === label),
      );
      if (label && years.length === 0) throw notFound();
      const key = `${label}|${runKey(years)}`;
      let body = csvCache.get(key);
      if (body === undefined) {
        const rows = await sql<{
          label: string;
          code: string;
          name: string;
          place: string | null;
          municipality_code: string | null;
          municipality_name: string | null;
          board_code: string | null;
          sector: string | null;
          status: string;
          pupils: number | null;
          base_cents: number | null;
          supplement_cents: number;
          total_cents: number | null;
        }>`select y.label, o.code, o.name, o.place, o.municipality_code, o.municipality_name, b.code as board_code, o.sector,
                  a.status, a.pupils, a.base_cents, a.supplement_cents, a.total_cents
           from allocation a
           join allocation_run r on r.id = a.run_id
           join school_year y on y.id = r.school_year_id
           join organisation o on o.id = a.school_id
           left join organisation b on b.id = a.board_id
           where a.run_id = any(${years.map((y) => y.currentRunId!)}::int[])
           order by y.starts_on, o.code`.execute(db);
        const money = (c: number | null) => (c === null ? '' : centsToDecimal(c));
        body =
          '\ufeff' +
          stringify(
            rows.rows.map((r) => [
              r.label,
              r.code,
              r.name,
              r.place ?? '',
              r.municipality_code ?? '',
              r.municipality_name ?? '',
              r.board_code ?? '',
              r.sector ?? '',
              r.status,
              r.pupils ?? '',
              money(r.base_cents),
              money(r.supplement_cents),
              money(r.total_cents),
            ]),
            {
              delimiter: ';',
              header: true,
              columns: [
                'schooljaar',
                'vestigingscode',
                'naam',
                'plaats',
                'gemeentecode',
                'gemeente',
                'bevoegd_gezag_nummer',
                'soort',
                'status',
                'leerlingen',
                'basisbedrag_euro',
                'toeslagen_euro',
                'totaal_euro',
              ],
              record_delimiter: 'windows',
            },
          );
        if (csvCache.size > 20) csvCache.clear();
        csvCache.set(key, body);
      }
      // An export, so it is audited (open data: no person is identified by it).
      await audit(req, db, {
        action: 'export.bedragen-per-school',
        objectType: 'open-data',
        objectId: label || 'alle-jaren',
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="npo-bedragen-per-school${label ? `-${label}` : ''}.csv"`,
        )
        .header('cache-control', 'public, max-age=60')
        .send(body);
    });

    // --- board ---------------------------------------------------------------------------

    const boardPage = async (
      req: FastifyRequest,
      boardId: number,
      label: string | undefined,
      form: FormState,
      saved?: string,
    ) => {
      const board = await repo.findBoard(db, boardId);
      if (!board) throw notFound();
      const years = await repo.listFundingYears(db, programmeId);
      const year = pickYear(years, label);
      if (!year) throw notFound();
      const schools = await repo.schoolsOfBoard(db, boardId);
      const runIds = [year.currentRunId, year.previousRunId].filter((x): x is number => x !== null);
      const allocs = await repo.allocationsFor(
        db,
        runIds,
        schools.map((s) => s.id),
      );
      const reserved = await repo.reservedPerSchool(db, boardId, year.schoolYearId);
      const rows: BoardSchoolRow[] = schools.map((s) => ({
        school: s,
        current: allocs.find((a) => a.runId === year.currentRunId && a.schoolId === s.id),
        previous: year.previousRunId
          ? allocs.find((a) => a.runId === year.previousRunId && a.schoolId === s.id)
          : undefined,
        reserved: reserved.get(s.id) ?? 0,
      }));
      const reservations = await repo.reservationsOfBoard(db, boardId, year.schoolYearId);
      return { board, years, year, rows, reservations, form, saved };
    };

    const boardExamples = { params: ({ boardId }: { boardId: number }) => ({ boardId }) };

    app.get(
      '/besturen/:boardId/bekostiging',
      { config: { access: access.board(['bestuur']), page: true, examples: boardExamples } },
      async (req, reply) => {
        const boardId = Number((req.params as Record<string, string>).boardId);
        const q = req.query as Record<string, unknown>;
        const saved =
          q.opgeslagen === 'reservering'
            ? 'De reservering is vastgelegd.'
            : q.opgeslagen === 'ingetrokken'
              ? 'De reservering is ingetrokken.'
              : undefined;
        const data = await boardPage(req, boardId, str(q.schooljaar, 20), emptyForm, saved);
        return reply.page(<BoardFundingPage ctx={reply.ctx()} {...data} />);
      },
    );

    app.post(
      '/besturen/:boardId/bekostiging/reserveringen',
      {
        config: {
          access: access.board(['bestuur']),
          examples: {
            ...boardExamples,
            body: {
              schooljaar: '2021-2022',
              school: '0',
              bedrag: '100,00',
              doel: 'Bovenschoolse taalklas',
              mrInstemming: '2021-06-01',
            },
          },
        },
      },
      async (req, reply) => {
        const boardId = Number((req.params as Record<string, string>).boardId);
        const f = formOf(req);
        const years = await repo.listFundingYears(db, programmeId);
        const year = pickYear(years, f.schooljaar);
        if (!year) throw notFound();
        const input = {
          schoolId: Number(f.school) || 0,
          amountCents: parseEuroToCents(f.bedrag ?? ''),
          purpose: (f.doel ?? '').trim(),
          mrConsentOn: (f.mrInstemming ?? '').trim(),
        };
        const today = platform.now().toISOString().slice(0, 10);
        let errors: Record<string, string> = {};
        let id: number | null = null;
        await db.transaction().execute(async (trx) => {
          // Lock the school so two reservations at once cannot both take the last euro.
          await trx
            .selectFrom('organisation')
            .select('id')
            .where('id', '=', input.schoolId)
            .forUpdate()
            .execute();
          errors = await checkReservation(trx, boardId, year, input, today);
          if (Object.keys(errors).length) return;
          const row = await trx
            .insertInto('board_reservation')
            .values({
              board_id: boardId,
              school_id: input.schoolId,
              school_year_id: year.schoolYearId,
              amount_cents: input.amountCents!,
              purpose: input.purpose,
              mr_consent_on: input.mrConsentOn,
              created_by: req.principal?.personId ?? null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          id = row.id;
          await audit(req, trx, {
            action: 'bekostiging.reservering.vastgelegd',
            objectType: 'board_reservation',
            objectId: row.id,
            organisationId: boardId,
            details: { schoolId: input.schoolId, schooljaar: year.label, amountCents: input.amountCents! },
          });
        });
        if (id === null) {
          const data = await boardPage(req, boardId, year.label, { values: f, errors });
          return reply.page(<BoardFundingPage ctx={reply.ctx()} {...data} />, 422);
        }
        return reply.redirect(
          `/besturen/${boardId}/bekostiging?schooljaar=${year.label}&opgeslagen=reservering`,
          303,
        );
      },
    );

    app.post(
      '/besturen/:boardId/bekostiging/reserveringen/:reservationId/intrekken',
      {
        config: {
          access: access.board(['bestuur']),
          examples: {
            params: async ({ boardId, schoolId, db }) => {
              const y = await db
                .selectFrom('school_year')
                .select('id')
                .orderBy('starts_on')
                .executeTakeFirstOrThrow();
              const r = await db
                .insertInto('board_reservation')
                .values({
                  board_id: boardId,
                  school_id: schoolId,
                  school_year_id: y.id,
                  amount_cents: 100,
                  purpose: 'Voorbeeldreservering',
                  mr_consent_on: '2021-06-01',
                })
                .returning('id')
                .executeTakeFirstOrThrow();
              return { boardId, reservationId: r.id };
            },
            body: { schooljaar: '2021-2022' },
          },
        },
      },
      async (req, reply) => {
        const p = req.params as Record<string, string>;
        const boardId = Number(p.boardId);
        const reservationId = Number(p.reservationId);
        if (!Number.isSafeInteger(reservationId)) throw notFound();
        const label = formOf(req).schooljaar;
        const done = await db.transaction().execute(async (trx) => {
          const r = await trx
            .updateTable('board_reservation')
            .set({ withdrawn_at: platform.now(), withdrawn_by: req.principal?.personId ?? null })
            .where('id', '=', reservationId)
            .where('board_id', '=', boardId)
            .where('withdrawn_at', 'is', null)
            .returning(['id', 'school_id'])
            .executeTakeFirst();
          if (!r) return false;
          await audit(req, trx, {
            action: 'bekostiging.reservering.ingetrokken',
            objectType: 'board_reservation',
            objectId: r.id,
            organisationId: boardId,
          });
          return true;
        });
        if (!done) {
          const exists = await db
            .selectFrom('board_reservation')
            .select('id')
            .where('id', '=', reservationId)
            .where('board_id', '=', boardId)
            .executeTakeFirst();
          if (!exists) throw notFound();
        }
        return reply.redirect(
          `/besturen/${boardId}/bekostiging?${label ? `schooljaar=${encodeURIComponent(label)}&` : ''}opgeslagen=ingetrokken`,
          303,
        );
      },
    );

    // --- analist ---------------------------------------------------------------------------

    const analist = access.platform('analist');

    app.get('/beheer/bekostiging', { config: { access: analist, page: true } }, async (req, reply) => {
      const years = await yearsWithRuns(db, programmeId);
      const rates = await repo.listRates(
        db,
        years.map((y) => y.schoolYearId),
      );
      const runs = await repo.recentRuns(db);
      const pending = years.some(
        (y) =>
          y.runTotal &&
          rates.some((r) => r.schoolYearId === y.schoolYearId && r.updatedAt > y.runTotal!.createdAt),
      );
      const saved =
        (req.query as Record<string, unknown>).opgeslagen === '1'
          ? 'Het bedrag is opgeslagen. De bedragen van alle scholen worden opnieuw berekend.'
          : undefined;
      return reply.page(
        <RatesAdminPage
          ctx={reply.ctx()}
          years={years}
          rates={rates}
          runs={runs}
          pending={pending}
          saved={saved}
        />,
      );
    });

    const rateExamples = {
      params: async ({ db }: { db: Kysely<DB> }) => {
        const r = await db.selectFrom('funding_rate').select('id').orderBy('id').executeTakeFirstOrThrow();
        return { rateId: r.id };
      },
    };

    const loadRate = async (req: FastifyRequest) => {
      const id = Number((req.params as Record<string, string>).rateId);
      const rate = Number.isSafeInteger(id) ? await repo.findRate(db, id) : undefined;
      if (!rate) throw notFound();
      const year = (await repo.findFundingYear(db, rate.schoolYearId))!;
      return { rate, year };
    };

    app.get(
      '/beheer/bekostiging/tarieven/:rateId',
      { config: { access: analist, page: true, examples: rateExamples } },
      async (req, reply) => {
        const { rate, year } = await loadRate(req);
        const form: FormState = {
          values: {
            bedrag: rate.amountCents === null ? '' : centsToDecimal(rate.amountCents).replace('.', ','),
            status: rate.status,
            reden: '',
          },
          errors: {},
        };
        return reply.page(
          <RateEditPage
            ctx={reply.ctx()}
            rate={rate}
            year={year}
            form={form}
            history={await repo.rateChanges(db, rate.id)}
          />,
        );
      },
    );

    app.post(
      '/beheer/bekostiging/tarieven/:rateId',
      {
        config: {
          access: analist,
          examples: {
            ...rateExamples,
            body: {
              bedrag: '701,16',
              status: 'definitief',
              reden: 'Controle van het bedrag tegen de regeling',
            },
          },
        },
      },
      async (req, reply) => {
        const { rate, year } = await loadRate(req);
        const f = formOf(req);
        const raw = (f.bedrag ?? '').trim();
        const amountCents = raw === '' ? null : parseEuroToCents(raw);
        const status = (['definitief', 'voorlopig', 'onbekend'] as const).find((s) => s === f.status);
        const errors: Record<string, string> = {};
        if (raw !== '' && amountCents === null) {
          errors.bedrag = raw.trim().startsWith('-')
            ? 'Een bedrag kan niet lager zijn dan nul.'
            : 'Schrijf het bedrag als een getal met hoogstens twee decimalen, bijvoorbeeld 701,16.';
        }
        if (!status) errors.status = 'Kies een status.';
        if (status) {
          const more = validateRateChange({ amountCents, status, reason: f.reden ?? '' });
          for (const [k, v] of Object.entries(more)) errors[k] ??= v;
        }
        if (Object.keys(errors).length) {
          return reply.page(
            <RateEditPage
              ctx={reply.ctx()}
              rate={rate}
              year={year}
              form={{ values: f, errors }}
              history={await repo.rateChanges(db, rate.id)}
            />,
            422,
          );
        }
        const after = await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('funding_rate')
            .set({
              amount_cents: amountCents,
              status: status!,
              updated_at: platform.now(),
              updated_by: req.principal?.personId ?? null,
            })
            .where('id', '=', rate.id)
            .execute();
          await trx
            .insertInto('funding_rate_change')
            .values({
              rate_id: rate.id,
              person_id: req.principal?.personId ?? null,
              old_amount_cents: rate.amountCents,
              new_amount_cents: amountCents,
              old_status: rate.status,
              new_status: status!,
              reason: (f.reden ?? '').trim().slice(0, 1000),
            })
            .execute();
          await audit(req, trx, {
            action: 'bekostiging.tarief.gewijzigd',
            objectType: 'funding_rate',
            objectId: rate.id,
            details: {
              code: rate.code,
              schooljaar: year.label,
              oldCents: rate.amountCents,
              newCents: amountCents,
              status: status!,
            },
          });
          return requestRecompute(platform, trx, {
            schoolYearId: rate.schoolYearId,
            reason: `Bedrag ${rate.label} gewijzigd`,
            personId: req.principal?.personId ?? null,
          });
        });
        if (after) await after();
        return reply.redirect('/beheer/bekostiging?opgeslagen=1', 303);
      },
    );

    app.get(
      '/beheer/bekostiging/verschillen',
      { config: { access: analist, page: true, examples: { query: '?schooljaar=2021-2022' } } },
      async (req, reply) => {
        const years = await repo.listFundingYears(db, programmeId);
        const label = str((req.query as Record<string, unknown>).schooljaar, 20);
        const year =
          years.find((y) => y.label === label && y.previousRunId) ?? years.find((y) => y.previousRunId);
        const boards =
          year?.currentRunId && year.previousRunId
            ? await repo.boardDifferences(db, year.currentRunId, year.previousRunId)
            : [];
        const schools =
          year?.currentRunId && year.previousRunId
            ? await repo.runDifferences(db, year.currentRunId, year.previousRunId)
            : [];
        return reply.page(
          <DifferencesPage ctx={reply.ctx()} year={year} years={years} boards={boards} schools={schools} />,
        );
      },
    );
  },
};
