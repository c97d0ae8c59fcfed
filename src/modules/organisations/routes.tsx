// The beheerder creates and edits boards and schools. (The DUO import adds the real ones
// through the same organisation table.) Boards see their schools under /besturen/:boardId/scholen.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformModule } from '../module.ts';
import type { OrganisationKind } from '../../platform/db/tables.ts';
import { access } from '../../platform/auth/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { Layout } from '../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TextField,
  type FormState,
} from '../../ui/components.tsx';
import type { ViewContext } from '../../ui/context.ts';
import * as repo from './repository.ts';
import { sectors, validateOrganisation } from './service.ts';

const beheer = access.platform('beheerder');
const kindLabel: Record<OrganisationKind, string> = {
  ministerie: 'Ministerie',
  bestuur: 'Bestuur',
  school: 'School',
};

function formOf(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
    if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  return out;
}

const notFound = () => Object.assign(new Error('Niet gevonden'), { statusCode: 404 });

function OrganisationForm({
  ctx,
  action,
  form,
  fixedKind,
}: {
  ctx: ViewContext;
  action: string;
  form: FormState;
  fixedKind?: 'bestuur' | 'school';
}) {
  return (
    <>
      <ErrorSummary form={form} title="Er ging iets mis. Controleer de volgende velden:" />
      <form method="post" action={action} class="npo-stack" noValidate>
        <CsrfField token={ctx.csrfToken()} />
        {fixedKind ? (
          <input type="hidden" name="soort" value={fixedKind} />
        ) : (
          <SelectField
            name="soort"
            label="Soort organisatie"
            form={form}
            required
            options={[
              { value: 'school', label: 'School (vestiging)' },
              { value: 'bestuur', label: 'Bestuur (bevoegd gezag)' },
            ]}
          />
        )}
        <TextField name="naam" label="Naam" form={form} required maxLength={200} />
        <TextField
          name="code"
          label="Code"
          description="Voor een bestuur het bestuursnummer (bevoegd gezag); voor een school de vestigingscode (BRIN plus twee cijfers)."
          form={form}
          required
          maxLength={12}
        />
        {fixedKind !== 'bestuur' && (
          <>
            <TextField
              name="bestuurscode"
              label="Bestuursnummer van het bestuur (alleen voor een school)"
              form={form}
              maxLength={12}
            />
            <SelectField
              name="sector"
              label="Sector (alleen voor een school)"
              form={form}
              options={[
                { value: '', label: 'Kies een sector' },
                ...sectors.map((s) => ({ value: s, label: s })),
              ]}
            />
            <TextField
              name="instellingscode"
              label="Instellingscode (BRIN, alleen voor een school)"
              form={form}
              maxLength={8}
            />
          </>
        )}
        <TextField name="gemeente" label="Gemeente" form={form} maxLength={100} />
        <TextField name="gemeentecode" label="Gemeentecode (CBS)" form={form} maxLength={8} />
        <TextField name="plaats" label="Plaats" form={form} maxLength={100} />
        <TextField name="denominatie" label="Denominatie" form={form} maxLength={100} />
        <Button>Opslaan</Button>
      </form>
    </>
  );
}

export const organisationsModule: PlatformModule = {
  name: 'organisations',
  register(app, platform) {
    const db = platform.database.db;

    app.get(
      '/beheer/organisaties',
      { config: { access: beheer, page: true, examples: { query: '?q=test' } } },
      async (req, reply) => {
        const q = ((req.query as Record<string, string | undefined>).q ?? '').slice(0, 100);
        const kindRaw = (req.query as Record<string, string | undefined>).soort;
        const kind = kindRaw === 'bestuur' || kindRaw === 'school' ? kindRaw : undefined;
        const rows = await repo.listOrganisations(db, { q, kind });
        const ctx = reply.ctx();
        return reply.page(
          <Layout
            ctx={ctx}
            title="Organisaties"
            breadcrumbs={[{ href: '/overzicht', label: 'Mijn overzicht' }, { label: 'Organisaties' }]}
          >
            <Heading level={1}>Organisaties</Heading>
            {(req.query as Record<string, string | undefined>).gelukt && (
              <Alert type="ok">De organisatie is opgeslagen.</Alert>
            )}
            <Paragraph>
              <Link href="/beheer/organisaties/nieuw">Een bestuur of school toevoegen</Link>
            </Paragraph>
            <form method="get" action="/beheer/organisaties" class="npo-stack" role="search">
              <TextField
                name="q"
                label="Zoek op naam of code"
                type="search"
                form={{ values: { q }, errors: {} }}
              />
              <SelectField
                name="soort"
                label="Soort"
                form={{ values: { soort: kind ?? '' }, errors: {} }}
                options={[
                  { value: '', label: 'Alle' },
                  { value: 'bestuur', label: 'Besturen' },
                  { value: 'school', label: 'Scholen' },
                ]}
              />
              <Button variant="secondary">Zoeken</Button>
            </form>
            <Table
              caption="Organisaties (hoogstens 50)"
              rows={rows}
              rowKey={(r) => r.id}
              columns={[
                {
                  header: 'Naam',
                  cell: (r) =>
                    r.kind === 'ministerie' ? (
                      r.name
                    ) : (
                      <Link href={`/beheer/organisaties/${r.id}`}>{r.name}</Link>
                    ),
                },
                { header: 'Soort', cell: (r) => kindLabel[r.kind] },
                { header: 'Code', cell: (r) => r.code ?? '' },
                { header: 'Sector', cell: (r) => r.sector ?? '' },
                { header: 'Bestuur', cell: (r) => r.parent_name ?? '' },
                { header: 'Plaats', cell: (r) => r.place ?? '' },
              ]}
            />
          </Layout>,
        );
      },
    );

    const renderNew = (reply: FastifyReply, form: FormState, status?: number) =>
      reply.page(
        <Layout
          ctx={reply.ctx()}
          title="Organisatie toevoegen"
          breadcrumbs={[{ href: '/beheer/organisaties', label: 'Organisaties' }, { label: 'Toevoegen' }]}
        >
          <Heading level={1}>Organisatie toevoegen</Heading>
          <OrganisationForm ctx={reply.ctx()} action="/beheer/organisaties/nieuw" form={form} />
        </Layout>,
        status,
      );

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
        const result = await db.transaction().execute(async (trx) => {
          const v = await validateOrganisation(trx, f, null);
          if (!v.ok) return v;
          const row = await repo.insertOrganisation(trx, v.input);
          await audit(req, trx, {
            action: 'organisatie.aangemaakt',
            objectType: 'organisation',
            objectId: row.id,
            organisationId: row.id,
            details: { soort: v.input.kind, code: v.input.code },
          });
          return { ok: true as const, id: row.id };
        });
        if (!result.ok) {
          await audit(req, db, {
            action: 'organisatie.aangemaakt',
            result: 'mislukt',
            objectType: 'organisation',
            details: { velden: Object.keys(result.errors).join(',') },
          });
          return renderNew(reply, { values: f, errors: result.errors }, 400);
        }
        return reply.redirect('/beheer/organisaties?gelukt=1', 303);
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
    ) =>
      reply.page(
        <Layout
          ctx={reply.ctx()}
          title={`${org.name} bewerken`}
          breadcrumbs={[{ href: '/beheer/organisaties', label: 'Organisaties' }, { label: org.name }]}
        >
          <Heading level={1}>{org.name} bewerken</Heading>
          <OrganisationForm
            ctx={reply.ctx()}
            action={`/beheer/organisaties/${org.id}`}
            form={form}
            fixedKind={org.kind as 'bestuur' | 'school'}
          />
        </Layout>,
        status,
      );

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
  },
};
