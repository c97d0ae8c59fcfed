// The beheerder's organisation pages: the list with search, and the form to add or edit a board or school.
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import { placeLabel } from '../../../platform/search/place-names.ts';
import type { OrganisationKind } from '../../../platform/db/tables.ts';
import { Layout } from '../../../ui/layout.tsx';
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
} from '../../../ui/components.tsx';
import type { ViewContext } from '../../../ui/context.ts';
import type * as repo from '../repository/organisations.ts';
import { sectors } from '../services/organisations.ts';

const kindLabel: Record<OrganisationKind, string> = {
  ministerie: 'Ministerie',
  bestuur: 'Bestuur',
  school: 'School',
};

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
        <IdempotencyField value={form.values._sleutel} />
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

export function OrganisationsPage({
  ctx,
  q,
  kind,
  rows,
  saved,
}: {
  ctx: ViewContext;
  q: string;
  kind: 'bestuur' | 'school' | undefined;
  rows: Awaited<ReturnType<typeof repo.listOrganisations>>;
  /** The `gelukt` query value after saving: shows a notice. */
  saved: string | undefined;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Organisaties"
      breadcrumbs={[{ href: '/overzicht', label: 'Mijn overzicht' }, { label: 'Organisaties' }]}
    >
      <Heading level={1}>Organisaties</Heading>
      {saved && <Alert type="ok">De organisatie is opgeslagen.</Alert>}
      <Paragraph>
        <Link href="/beheer/organisaties/nieuw">Een bestuur of school toevoegen</Link>
      </Paragraph>
      <form novalidate method="get" action="/beheer/organisaties" class="npo-stack" role="search">
        <TextField
          name="q"
          label="Zoek op naam, plaats, code of postcode"
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
              r.kind === 'ministerie' ? r.name : <Link href={`/beheer/organisaties/${r.id}`}>{r.name}</Link>,
          },
          { header: 'Soort', cell: (r) => kindLabel[r.kind] },
          { header: 'Code', cell: (r) => r.code ?? '' },
          { header: 'Sector', cell: (r) => r.sector ?? '' },
          { header: 'Bestuur', cell: (r) => r.parent_name ?? '' },
          { header: 'Plaats', cell: (r) => placeLabel(r.place) ?? '' },
        ]}
      />
    </Layout>
  );
}

export function NewOrganisationPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  return (
    <Layout
      ctx={ctx}
      title="Organisatie toevoegen"
      breadcrumbs={[{ href: '/beheer/organisaties', label: 'Organisaties' }, { label: 'Toevoegen' }]}
    >
      <Heading level={1}>Organisatie toevoegen</Heading>
      <OrganisationForm ctx={ctx} action="/beheer/organisaties/nieuw" form={form} />
    </Layout>
  );
}

export function EditOrganisationPage({
  ctx,
  org,
  form,
}: {
  ctx: ViewContext;
  org: { id: number; name: string; kind: OrganisationKind };
  form: FormState;
}) {
  return (
    <Layout
      ctx={ctx}
      title={`${org.name} bewerken`}
      breadcrumbs={[{ href: '/beheer/organisaties', label: 'Organisaties' }, { label: org.name }]}
    >
      <Heading level={1}>{org.name} bewerken</Heading>
      <OrganisationForm
        ctx={ctx}
        action={`/beheer/organisaties/${org.id}`}
        form={form}
        fixedKind={org.kind as 'bestuur' | 'school'}
      />
    </Layout>
  );
}
