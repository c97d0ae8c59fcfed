// The analist's funding routes: the rates, changing one rate (which recomputes the year), the
// differences between runs, and the reconciliation with the published envelopes.
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, optionalText, params, query, text } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import * as rates from '../repository/rates.ts';
import { findFundingYear, listFundingYears } from '../repository/years.ts';
import { reconcileRows } from '../repository/reconcile.ts';
import { boardDifferences, runDifferences } from '../repository/runs.ts';
import { changeRate, parseRateForm, ratesOverview, yearWithTwoRuns } from '../services/rates.ts';
import { centsToDecimal } from '../services/money.ts';
import { loadEnvelopes } from '../services/envelopes.ts';
import { DifferencesPage } from '../views/analist-differences.tsx';
import { ReconcilePage } from '../views/analist-reconcile.tsx';
import { RateEditPage, RatesAdminPage } from '../views/analist-rates.tsx';

const analist = access.platform('analist');
const rateParams = params({ rateId: id });

export function registerAnalistRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;
  const envelopes = loadEnvelopes();

  app.get(
    '/beheer/bekostiging',
    {
      config: { access: analist, page: true },
      schema: { querystring: query({ opgeslagen: optionalText(10) }) },
    },
    async (req, reply) => {
      const overview = await ratesOverview(db, programmeId);
      const saved =
        req.query.opgeslagen === '1'
          ? 'Het bedrag is opgeslagen. De bedragen van alle scholen worden opnieuw berekend.'
          : undefined;
      return reply.page(<RatesAdminPage ctx={reply.ctx()} {...overview} saved={saved} />);
    },
  );

  const rateExamples = {
    params: async () => ({ rateId: await rates.firstRateId(db) }),
  };

  const loadRate = async (rateId: number) => {
    const rate = await rates.findRate(db, rateId);
    if (!rate) throw notFound();
    const year = await findFundingYear(db, rate.schoolYearId);
    if (!year) throw notFound();
    return { rate, year };
  };

  app.get(
    '/beheer/bekostiging/tarieven/:rateId',
    { config: { access: analist, page: true, examples: rateExamples }, schema: { params: rateParams } },
    async (req, reply) => {
      const { rate, year } = await loadRate(req.params.rateId);
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
          history={await rates.rateChanges(db, rate.id)}
        />,
      );
    },
  );

  app.post(
    '/beheer/bekostiging/tarieven/:rateId',
    {
      config: {
        access: analist,
        audit: 'bekostiging.tarief.gewijzigd',
        examples: {
          ...rateExamples,
          body: {
            bedrag: '701,16',
            status: 'definitief',
            reden: 'Controle van het bedrag tegen de regeling',
          },
        },
      },
      schema: {
        params: rateParams,
        body: form({
          bedrag: text(100),
          status: choice(['definitief', 'voorlopig', 'onbekend']),
          reden: text(5000),
        }),
      },
    },
    async (req, reply) => {
      const { rate, year } = await loadRate(req.params.rateId);
      const f = req.body;
      const parsed = parseRateForm(rate.basis, f);
      if (!parsed.ok) {
        return reply.page(
          <RateEditPage
            ctx={reply.ctx()}
            rate={rate}
            year={year}
            form={{ values: f, errors: parsed.errors }}
            history={await rates.rateChanges(db, rate.id)}
          />,
          422,
        );
      }
      const { change } = parsed;
      const after = await db.transaction().execute(async (trx) => {
        await audit(req, trx, {
          action: 'bekostiging.tarief.gewijzigd',
          objectType: 'funding_rate',
          objectId: rate.id,
          details: {
            code: rate.code,
            schooljaar: year.label,
            oldCents: rate.amountCents,
            newCents: change.amountCents,
            status: change.status,
          },
        });
        return changeRate(platform, trx, rate, change, req.principal?.personId ?? null);
      });
      if (after) await after();
      return reply.redirect('/beheer/bekostiging?opgeslagen=1', 303);
    },
  );

  app.get(
    '/beheer/bekostiging/aansluiting',
    { config: { access: analist, page: true, examples: { query: '' } } },
    async (_req, reply) => {
      const rows = await reconcileRows(db, programmeId);
      return reply.page(<ReconcilePage ctx={reply.ctx()} rows={rows} envelopes={envelopes} />);
    },
  );

  app.get(
    '/beheer/bekostiging/verschillen',
    {
      config: { access: analist, page: true, examples: { query: '?schooljaar=2021-2022' } },
      // An unknown year shows the first year with two runs.
      schema: { querystring: query({ schooljaar: optionalText(20).catch(undefined) }) },
    },
    async (req, reply) => {
      const years = await listFundingYears(db, programmeId);
      const year = yearWithTwoRuns(years, req.query.schooljaar);
      const both = year?.currentRunId && year.previousRunId ? [year.currentRunId, year.previousRunId] : null;
      const boards = both ? await boardDifferences(db, both[0]!, both[1]!) : [];
      const schools = both ? await runDifferences(db, both[0]!, both[1]!) : [];
      return reply.page(
        <DifferencesPage ctx={reply.ctx()} year={year} years={years} boards={boards} schools={schools} />,
      );
    },
  );
}
