// The analist's funding routes: the rates, changing one rate (which recomputes the year), the
// differences between runs, and the reconciliation with the published envelopes.
import type { FastifyRequest, FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import type { FormState } from '../../../ui/components.tsx';
import * as repo from '../repository.ts';
import { validateRateChange } from '../services/recompute.ts';
import { centsToDecimal, parseEuroToCents } from '../services/money.ts';
import { DifferencesPage } from '../views/analist-differences.tsx';
import { ReconcilePage } from '../views/analist-reconcile.tsx';
import { loadEnvelopes } from '../services/envelopes.ts';
import { RateEditPage, RatesAdminPage } from '../views/analist-rates.tsx';
import { notFound, str, formOf, yearsWithRuns } from './shared.ts';
import { requestRecompute } from '../services/recompute-request.ts';

export function registerAnalistRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;

  const analist = access.platform('analist');
  const envelopes = loadEnvelopes();

  app.get('/beheer/bekostiging', { config: { access: analist, page: true } }, async (req, reply) => {
    const years = await yearsWithRuns(db, programmeId);
    const rates = await repo.listRates(
      db,
      years.map((y) => y.schoolYearId),
    );
    const runs = await repo.recentRuns(db);
    // A year whose last recompute failed is not "being computed": it says "mislukt" instead.
    const failed = years.filter((y) => y.recomputeFailedAt);
    const pending = years.some(
      (y) =>
        y.runTotal &&
        !y.recomputeFailedAt &&
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
        failed={failed}
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
        const more = validateRateChange({ basis: rate.basis, amountCents, status, reason: f.reden ?? '' });
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
    '/beheer/bekostiging/aansluiting',
    { config: { access: analist, page: true, examples: { query: '' } } },
    async (_req, reply) => {
      const rows = await repo.reconcileRows(db, programmeId);
      return reply.page(<ReconcilePage ctx={reply.ctx()} rows={rows} envelopes={envelopes} />);
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
}
