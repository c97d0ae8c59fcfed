// The beheerder creates and edits boards and schools. (The DUO import adds the real ones
// through the same organisation table.) Boards see their schools under /besturen/:boardId/scholen.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { createOnce } from '../../platform/http/idempotency.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../platform/auth/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { FormState } from '../../ui/components.tsx';
import * as repo from './repository.ts';
import { validateOrganisation } from './service.ts';
import { EditOrganisationPage, NewOrganisationPage, OrganisationsPage } from './views.tsx';

const beheer = access.platform('beheerder');

function formOf(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
    if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  return out;
}

const notFound = () => Object.assign(new Error('Niet gevonden'), { statusCode: 404 });

export function registerOrganisationsRoutes(app: FastifyInstance, platform: Platform) {
  const db = platform.database.db;

  app.get(
    '/beheer/organisaties',
    { config: { access: beheer, page: true, examples: { query: '?q=test' } } },
    async (req, reply) => {
      const q = ((req.query as Record<string, string | undefined>).q ?? '').slice(0, 100);
      const kindRaw = (req.query as Record<string, string | undefined>).soort;
      const kind = kindRaw === 'bestuur' || kindRaw === 'school' ? kindRaw : undefined;
      const rows = await repo.listOrganisations(db, { q, kind });
      return reply.page(
        <OrganisationsPage
          ctx={reply.ctx()}
          q={q}
          kind={kind}
          rows={rows}
          saved={(req.query as Record<string, string | undefined>).gelukt}
        />,
      );
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
        examples: { body: { soort: 'bestuur', naam: 'Voorbeeldbestuur', code: 'VB9999' } },
      },
    },
    async (req, reply) => {
      const f = formOf(req);
      let errors: Record<string, string> = {};
      // Created once per form: a repeated post (double click, two tabs) shows the first result.
      const outcome = await db.transaction().execute(async (trx) =>
        createOnce(trx, req, f, async () => {
          const v = await validateOrganisation(trx, f, null);
          if (!v.ok) {
            errors = v.errors as Record<string, string>;
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

  const loadEditable = async (req: FastifyRequest) => {
    const id = Number((req.params as Record<string, string>).organisationId);
    const org = Number.isSafeInteger(id) && id > 0 ? await repo.findOrganisation(db, id) : undefined;
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
    { config: { access: beheer, page: true, examples: orgExample } },
    async (req, reply) => {
      const org = await loadEditable(req);
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
        examples: {
          ...orgExample,
          body: { naam: 'Hernoemde school', code: 'ZZ9900', bestuurscode: 'onbekend', sector: 'BO' },
        },
      },
    },
    async (req, reply) => {
      const org = await loadEditable(req);
      const f = { ...formOf(req), soort: org.kind };
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
