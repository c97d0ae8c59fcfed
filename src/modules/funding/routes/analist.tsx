// The analist's funding routes: the rates, changing one rate (which recomputes the year), the
// differences between runs, and the reconciliation with the published envelopes.
import type { FastifyReply } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, optionalText, params, query, text } from '../../../platform/http/schemas.ts';
import type { FormState } from '../../../ui/components.tsx';
import * as rates from '../repository/rates.ts';
import { findFundingYear, listFundingYears, type FundingYear } from '../repository/years.ts';
import { reconcileRows } from '../repository/reconcile.ts';
import { boardDifferences, runDifferences } from '../repository/runs.ts';
import { changeRate, parseRateForm, ratesOverview, yearWithTwoRuns } from '../services/rates.ts';
import { centsToDecimal } from '../services/money.ts';
import { loadEnvelopes } from '../services/envelopes.ts';
import { DifferencesPage } from '../views/analist-differences.tsx';
import { ReconcilePage } from '../views/analist-reconcile.tsx';
import { RateEditPage, RatesAdminPage } from '../views/analist-rates.tsx';
import { RateImpactPage } from '../views/analist-rate-impact.tsx';
import * as proposals from '../repository/rate-proposals.ts';
import { needsSecondApproval, rateImpact } from '../services/rate-impact.ts';

const analist = access.platform('analist');
const rateParams = params({ rateId: id });
const rateStatuses = ['definitief', 'voorlopig', 'onbekend'] as const;
/** The values of the rate form, carried by the confirmation step and the way back. */
const rateQuery = query({ bedrag: optionalText(100), status: optionalText(20), reden: optionalText(5000) });
const proposalParams = params({ proposalId: id });

const savedMessages: Record<string, string> = {
  '1': 'Het bedrag is opgeslagen. De bedragen van alle scholen worden opnieuw berekend.',
  voorstel:
    'Uw wijziging wacht nu op de goedkeuring van een tweede analist. Tot dan blijven de bedragen zoals ze zijn.',
  afgewezen: 'Het voorstel is afgewezen. Het bedrag blijft zoals het was.',
};

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
      const saved = savedMessages[req.query.opgeslagen ?? ''];
      return reply.page(
        <RatesAdminPage
          ctx={reply.ctx()}
          {...overview}
          saved={saved}
          proposals={await proposals.openProposals(db)}
        />,
      );
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
    {
      config: { access: analist, page: true, examples: rateExamples },
      // The way back from the confirmation brings the values typed (rateFormHref).
      schema: { params: rateParams, querystring: rateQuery },
    },
    async (req, reply) => {
      const { rate, year } = await loadRate(req.params.rateId);
      const q = req.query;
      const form: FormState = {
        values: {
          bedrag:
            q.bedrag ?? (rate.amountCents === null ? '' : centsToDecimal(rate.amountCents).replace('.', ',')),
          status: q.status ?? rate.status,
          reden: q.reden ?? '',
        },
        errors: {},
      };
      return editPage(reply, rate, year, form);
    },
  );

  /** The rate's page: its form, its open proposal (if any) and its history. */
  const editPage = async (
    reply: FastifyReply,
    rate: rates.RateRow,
    year: FundingYear,
    form: FormState,
    status?: number,
    rejectForm?: FormState,
  ) =>
    reply.page(
      <RateEditPage
        ctx={reply.ctx()}
        rate={rate}
        year={year}
        form={form}
        history={await rates.rateChanges(db, rate.id)}
        proposal={await proposals.openProposalOfRate(db, rate.id)}
        rejectForm={rejectForm}
      />,
      status,
    );

  // Step one of a change: what it would do, and the confirmation. Nothing is saved.
  app.get(
    '/beheer/bekostiging/tarieven/:rateId/gevolgen',
    {
      config: {
        access: analist,
        page: true,
        examples: {
          ...rateExamples,
          query: '?bedrag=701,16&status=definitief&reden=Controle%20tegen%20de%20regeling',
        },
      },
      schema: { params: rateParams, querystring: rateQuery },
    },
    async (req, reply) => {
      const { rate, year } = await loadRate(req.params.rateId);
      const values = {
        bedrag: req.query.bedrag ?? '',
        status: req.query.status ?? '',
        reden: req.query.reden ?? '',
      };
      const status = rateStatuses.find((s) => s === values.status);
      const parsed = parseRateForm(rate.basis, { ...values, status });
      if (!parsed.ok) return editPage(reply, rate, year, { values, errors: parsed.errors }, 422);
      if (!year.teldatum) {
        const errors = {
          bedrag: 'Dit schooljaar heeft nog geen teldatum, dus nog geen bedragen per school.',
        };
        return editPage(reply, rate, year, { values, errors }, 422);
      }
      return reply.page(
        <RateImpactPage
          ctx={reply.ctx()}
          rate={rate}
          year={year}
          change={parsed.change}
          values={values}
          impact={await rateImpact(db, rate, parsed.change, year.teldatum)}
          secondApproval={needsSecondApproval(rate, parsed.change)}
        />,
      );
    },
  );

  app.post(
    '/beheer/bekostiging/tarieven/:rateId',
    {
      config: {
        access: analist,
        audit: ['bekostiging.tarief.gewijzigd', 'bekostiging.tarief.voorgesteld'],
        examples: {
          // A rate without an open proposal (each successful example puts one forward).
          params: async () => ({ rateId: await proposals.exampleRateId(db) }),
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
      if (!parsed.ok) return editPage(reply, rate, year, { values: f, errors: parsed.errors }, 422);
      const { change } = parsed;
      const personId = req.principal?.personId ?? null;
      if (needsSecondApproval(rate, change)) {
        // Four eyes: the change waits for another analist; the amounts stay as they are.
        const open = await proposals.openProposalOfRate(db, rate.id);
        if (open) {
          const errors = {
            bedrag:
              'Voor dit bedrag wacht al een voorstel op goedkeuring. Laat een andere analist dat eerst goedkeuren of afwijzen.',
          };
          return editPage(reply, rate, year, { values: f, errors }, 409);
        }
        await db.transaction().execute(async (trx) => {
          const proposalId = await proposals.insertProposal(trx, { rateId: rate.id, ...change, personId });
          await audit(req, trx, {
            action: 'bekostiging.tarief.voorgesteld',
            objectType: 'funding_rate',
            objectId: rate.id,
            details: {
              voorstel: proposalId,
              code: rate.code,
              schooljaar: year.label,
              oldCents: rate.amountCents,
              newCents: change.amountCents,
              status: change.status,
            },
          });
        });
        return reply.redirect('/beheer/bekostiging?opgeslagen=voorstel', 303);
      }
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
        return changeRate(platform, trx, rate, change, personId);
      });
      if (after) await after();
      return reply.redirect('/beheer/bekostiging?opgeslagen=1', 303);
    },
  );

  const proposalExamples = {
    // A proposal by another analist, so the signed-in analist may decide on it.
    params: async () => ({ proposalId: await proposals.exampleProposal(db) }),
  };

  /** An open proposal and its rate, or a 404 (decided ones are history). */
  const loadProposal = async (proposalId: number) => {
    const proposal = await proposals.findOpenProposal(db, proposalId);
    if (!proposal) throw notFound();
    return { proposal, ...(await loadRate(proposal.rateId)) };
  };

  app.post(
    '/beheer/bekostiging/voorstellen/:proposalId/goedkeuren',
    {
      config: {
        access: analist,
        audit: [
          'bekostiging.tarief.goedgekeurd',
          'bekostiging.tarief.gewijzigd',
          'bekostiging.tarief.goedkeuring-geweigerd',
        ],
        examples: { ...proposalExamples, body: {} },
      },
      schema: { params: proposalParams, body: form({}) },
    },
    async (req, reply) => {
      const { proposal, rate, year } = await loadProposal(req.params.proposalId);
      const personId = req.principal?.personId ?? null;
      const details = { voorstel: proposal.id, code: rate.code, schooljaar: year.label };
      if (proposal.proposedBy === personId) {
        await audit(req, db, {
          action: 'bekostiging.tarief.goedkeuring-geweigerd',
          objectType: 'funding_rate',
          objectId: rate.id,
          result: 'geweigerd',
          details: { ...details, reden: 'eigen voorstel' },
        });
        const errors = { bedrag: 'U kunt uw eigen voorstel niet goedkeuren. Vraag een andere analist.' };
        const values = { bedrag: '', status: rate.status, reden: '' };
        return editPage(reply, rate, year, { values, errors }, 403);
      }
      const change = {
        basis: rate.basis,
        amountCents: proposal.amountCents,
        status: proposal.status,
        reason: proposal.reason,
      };
      const after = await db.transaction().execute(async (trx) => {
        // Whoever decides first decides; a second approval of the same proposal finds it closed.
        const decided = await proposals.decideProposal(trx, proposal.id, {
          decision: 'goedgekeurd',
          reason: null,
          personId,
          at: platform.now(),
        });
        if (!decided) throw notFound();
        await audit(req, trx, {
          action: 'bekostiging.tarief.goedgekeurd',
          objectType: 'funding_rate',
          objectId: rate.id,
          details,
        });
        await audit(req, trx, {
          action: 'bekostiging.tarief.gewijzigd',
          objectType: 'funding_rate',
          objectId: rate.id,
          details: {
            ...details,
            oldCents: rate.amountCents,
            newCents: change.amountCents,
            status: change.status,
          },
        });
        // The change is recorded as the proposer's, approved by this analist (in the audit).
        return changeRate(platform, trx, rate, change, proposal.proposedBy);
      });
      if (after) await after();
      return reply.redirect('/beheer/bekostiging?opgeslagen=1', 303);
    },
  );

  app.post(
    '/beheer/bekostiging/voorstellen/:proposalId/afwijzen',
    {
      config: {
        access: analist,
        audit: 'bekostiging.tarief.afgewezen',
        examples: { ...proposalExamples, body: { reden: 'Het bedrag klopt niet met de regeling' } },
      },
      schema: { params: proposalParams, body: form({ reden: text(5000) }) },
    },
    async (req, reply) => {
      const { proposal, rate, year } = await loadProposal(req.params.proposalId);
      const reason = req.body.reden.trim();
      if (reason.length < 5) {
        const rejectForm = {
          values: { reden: req.body.reden },
          errors: { reden: 'Schrijf kort waarom u het voorstel afwijst (minstens 5 tekens).' },
        };
        const values = { bedrag: '', status: rate.status, reden: '' };
        return editPage(reply, rate, year, { values, errors: {} }, 422, rejectForm);
      }
      await db.transaction().execute(async (trx) => {
        const decided = await proposals.decideProposal(trx, proposal.id, {
          decision: 'afgewezen',
          reason: reason.slice(0, 1000),
          personId: req.principal?.personId ?? null,
          at: platform.now(),
        });
        if (!decided) throw notFound();
        await audit(req, trx, {
          action: 'bekostiging.tarief.afgewezen',
          objectType: 'funding_rate',
          objectId: rate.id,
          details: { voorstel: proposal.id, code: rate.code, schooljaar: year.label },
        });
      });
      return reply.redirect('/beheer/bekostiging?opgeslagen=afgewezen', 303);
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
