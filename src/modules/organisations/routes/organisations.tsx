// The beheerder creates and edits boards and schools. (The DUO import adds the real ones
// through the same organisation table.) Boards see their schools under /besturen/:boardId/scholen.
import type { App, Platform } from '../../../platform/platform.ts';
import type { ExampleTenant } from '../../../platform/http/fastify-types.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import type { FastifyReply } from 'fastify';
import { choice, form, id, optionalText, params, query, text } from '../../../platform/http/schemas.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import type { FormState } from '../../../ui/components.tsx';
import * as repo from '../repository/organisations.ts';
import { validateOrganisation } from '../services/organisations.ts';
import { EditOrganisationPage, NewOrganisationPage, OrganisationsPage } from '../views/organisations.tsx';

const beheer = access.platform('beheerder');

// What the organisation forms send; the rules (required, code shapes, unique) are in the service.
const organisationFields = {
  soort: text(20),
  naam: text(300),
  code: text(40),
  bestuurscode: text(40),
  sector: text(10),
  instellingscode: text(40),
  gemeente: text(200),
  gemeentecode: text(20),
  plaats: text(200),
  denominatie: text(200),
};
const organisationParams = params({ organisationId: id });

export function registerOrganisationsRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get(
    '/beheer/organisaties',
    {
      config: { access: beheer, page: true, examples: { query: '?q=test' } },
      schema: {
        querystring: query({
          // A search term is cut to 100 characters rather than refused; an unknown kind means all.
          q: text(1000).transform((q) => q.slice(0, 100)),
          soort: choice(['bestuur', 'school']).catch(undefined),
          gelukt: optionalText(10),
        }),
      },
    },
    async (req, reply) => {
      const { q, soort: kind, gelukt } = req.query;
      const rows = await repo.listOrganisations(db, { q, kind });
      return reply.page(<OrganisationsPage ctx={reply.ctx()} q={q} kind={kind} rows={rows} saved={gelukt} />);
    },
  );

  const renderNew = (reply: FastifyReply, form: FormState, status?: number) =>
    reply.page(<NewOrganisationPage ctx={reply.ctx()} form={form} />, status);

  app.get('/beheer/organisaties/nieuw', { config: { access: beheer, page: true } }, async (_req, reply) =>
    renderNew(reply, { values: { soort: 'school' }, errors: {} }),
  );

  app.post(
    '/beheer/organisaties/nieuw',
    {
      config: {
        access: beheer,
        audit: 'organisatie.aangemaakt',
        examples: { body: { soort: 'bestuur', naam: 'Voorbeeldbestuur', code: 'VB9999' } },
      },
      schema: { body: form(organisationFields) },
    },
    async (req, reply) => {
      const f = req.body;
      let errors: Record<string, string> = {};
      // Created once per form: a repeated post (double click, two tabs) shows the first result.
      const outcome = await db.transaction().execute(async (trx) =>
        createOnce(trx, req, f, async () => {
          const v = await validateOrganisation(trx, f, null);
          if (!v.ok) {
            errors = v.errors;
            return null;
          }
          const row = await repo.insertOrganisation(trx, v.input);
          await audit(req, trx, {
            action: 'organisatie.aangemaakt',
            objectType: 'organisation',
            objectId: row.id,
            organisationId: row.id,
            details: { soort: v.input.kind, code: v.input.code },
          });
          return '/beheer/organisaties?gelukt=1';
        }),
      );
      if (outcome.location === null) {
        await audit(req, db, {
          action: 'organisatie.aangemaakt',
          result: 'mislukt',
          objectType: 'organisation',
          details: { velden: Object.keys(errors).join(',') },
        });
        return renderNew(reply, { values: f, errors }, 400);
      }
      return reply.redirect(outcome.location, 303);
    },
  );

  const orgExample = { params: ({ schoolId }: { schoolId: number }) => ({ organisationId: schoolId }) };

  const loadEditable = async (organisationId: number) => {
    const org = await repo.findOrganisation(db, organisationId);
    if (!org || org.kind === 'ministerie') throw notFound();
    return org;
  };

  const renderEdit = (
    reply: FastifyReply,
    org: Awaited<ReturnType<typeof loadEditable>>,
    form: FormState,
    status?: number,
  ) => reply.page(<EditOrganisationPage ctx={reply.ctx()} org={org} form={form} />, status);

  app.get(
    '/beheer/organisaties/:organisationId',
    { config: { access: beheer, page: true, examples: orgExample }, schema: { params: organisationParams } },
    async (req, reply) => {
      const org = await loadEditable(req.params.organisationId);
      return renderEdit(reply, org, {
        values: {
          soort: org.kind,
          naam: org.name,
          code: org.code ?? '',
          bestuurscode: org.parent_code ?? '',
          sector: org.sector ?? '',
          instellingscode: org.instellingscode ?? '',
          gemeente: org.municipality_name ?? '',
          gemeentecode: org.municipality_code ?? '',
          plaats: org.place ?? '',
          denominatie: org.denomination ?? '',
        },
        errors: {},
      });
    },
  );

  app.post(
    '/beheer/organisaties/:organisationId',
    {
      config: {
        access: beheer,
        audit: 'organisatie.gewijzigd',
        examples: {
          ...orgExample,
          body: { naam: 'Hernoemde school', code: 'ZZ9900', bestuurscode: 'onbekend', sector: 'BO' },
          // A school keeps a board that exists: the tenant's own.
          bodyFor: async ({ db, schoolId, boardId }: ExampleTenant) => ({
            naam: 'Hernoemde school',
            code: `ZZ${schoolId}`.slice(0, 12),
            bestuurscode: (await repo.findOrganisation(db, boardId))?.code ?? '',
            sector: 'BO',
          }),
        },
      },
      schema: { params: organisationParams, body: form(organisationFields) },
    },
    async (req, reply) => {
      const org = await loadEditable(req.params.organisationId);
      const f = { ...req.body, soort: org.kind };
      const result = await db.transaction().execute(async (trx) => {
        const v = await validateOrganisation(trx, f, org.id);
        if (!v.ok) return v;
        await repo.updateOrganisation(trx, org.id, v.input, platform.now());
        await audit(req, trx, {
          action: 'organisatie.gewijzigd',
          objectType: 'organisation',
          objectId: org.id,
          organisationId: org.id,
        });
        return { ok: true as const };
      });
      if (!result.ok) {
        await audit(req, db, {
          action: 'organisatie.gewijzigd',
          result: 'mislukt',
          objectType: 'organisation',
          objectId: org.id,
          organisationId: org.id,
          details: { velden: Object.keys(result.errors).join(',') },
        });
        return renderEdit(reply, org, { values: f, errors: result.errors }, 400);
      }
      return reply.redirect('/beheer/organisaties?gelukt=1', 303);
    },
  );
}
