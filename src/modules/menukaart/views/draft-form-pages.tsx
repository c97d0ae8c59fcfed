// The redactie's other draft pages: a category's form and the differences with the version in force.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import type { VersionRow } from '../repository/versions.ts';
import type { InterventionDiff } from '../services/catalogue.ts';
import { DiffList } from './version-pages.tsx';
import { redactieCrumb } from './editor-home-page.tsx';

export function CategoryFormPage({ ctx, code, form }: { ctx: ViewContext; code: string; form: FormState }) {
  return (
    <Layout
      ctx={ctx}
      title={`Categorie ${code} bewerken`}
      breadcrumbs={[redactieCrumb, { label: `Categorie ${code}` }]}
    >
      <Heading level={1}>Categorie {code} bewerken</Heading>
      <ErrorSummary form={form} title="De categorie is niet opgeslagen. Controleer deze velden:" />
      <form
        novalidate
        method="post"
        action={`/redactie/menukaart/concept/categorie/${code}`}
        class="npo-stack"
      >
        <CsrfField token={ctx.csrfToken()} />
        <TextField name="naam" label="Naam" form={form} required />
        <TextField name="korteNaam" label="Korte naam" form={form} required />
        <TextArea name="omschrijving" label="Omschrijving" form={form} rows={4} required />
        <SelectField
          name="alleenOndersteunend"
          label="Alleen ter ondersteuning van A-E?"
          form={form}
          options={[
            { value: 'nee', label: 'Nee' },
            { value: 'ja', label: 'Ja' },
          ]}
        />
        <Button>Opslaan in het concept</Button>
      </form>
    </Layout>
  );
}

export function DraftDiffPage({
  ctx,
  inForce,
  diff,
}: {
  ctx: ViewContext;
  inForce: VersionRow;
  diff: { changes: InterventionDiff[]; categoryChanges: { code: string; before: string; after: string }[] };
}) {
  return (
    <Layout ctx={ctx} title="Verschil concept" breadcrumbs={[redactieCrumb, { label: 'Verschil' }]}>
      <Heading level={1}>Verschil tussen het concept en de {inForce.title}</Heading>
      <DiffList {...diff} />
    </Layout>
  );
}
