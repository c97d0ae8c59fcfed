// The GMR records its decision on a version: instemming or not, the reasons, the meeting date.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Paragraph,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { boardPlanBase, boardPlanCrumbs } from './board-plan-parts.tsx';

export function BoardPlanDecisionPage({
  ctx,
  board,
  number,
  form,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  number: number;
  form: FormState;
}) {
  const title = `Besluit van de GMR over versie ${number}`;
  const versionHref = `${boardPlanBase(board.id)}/versies/${number}`;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={boardPlanCrumbs(board.id, `Besluit over versie ${number}`)}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        De GMR stemt in met de bovenschoolse besteding van het geld van de scholen, of stemt niet in. Het
        besluit hoort bij precies deze versie en kan daarna niet meer worden veranderd. Wijzigt het bestuur
        het plan, dan besluit de GMR over de nieuwe versie.{' '}
        <a class="nl-link rhc-link" href={versionHref}>
          Versie {number} lezen
        </a>
        .
      </Paragraph>
      <form method="post" action={`${versionHref}/besluit`} novalidate>
        <ErrorSummary form={form} title="Het besluit is nog niet opgeslagen. Verbeter het volgende:" />
        <CsrfField token={ctx.csrfToken()} />
        <SelectField
          name="besluit"
          label="Besluit"
          required
          form={form}
          options={[
            { value: '', label: 'Kies het besluit' },
            { value: 'instemming', label: 'De GMR stemt in' },
            { value: 'geen-instemming', label: 'De GMR stemt niet in' },
          ]}
        />
        <TextArea
          name="redenen"
          label="Toelichting en redenen"
          description="Verplicht als de GMR niet instemt."
          form={form}
          rows={5}
          maxLength={5000}
        />
        <TextField
          name="vergaderdatum"
          type="date"
          label="Datum van de GMR-vergadering"
          required
          form={form}
        />
        <Button>Besluit vastleggen</Button>
      </form>
    </Layout>
  );
}
