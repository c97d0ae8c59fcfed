// The page where the school leader adds or changes a goal: what, for whom, by when, how it is
// measured, and the scan's focus points it answers. After a stale save it shows the saved goal
// above the writer's own input.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { GoalRow } from '../repository/goals.ts';
import type { FocusPointRef } from '../repository/plan-links.ts';
import type { Errors, GoalForm } from '../services/plan-rules.ts';
import { planBase } from './base.ts';
import { CheckGroup, planCrumbs, TheirsBox, type SchoolRef } from './plan-parts.tsx';

export interface GoalFormState {
  values: GoalForm;
  errors: Errors;
  revision: number;
  theirs?: GoalRow;
  idempotencyKey?: string;
}

export const emptyGoalForm = (): GoalFormState => ({
  values: { wat: '', voorwie: '', datum: '', meting: '', aandachtspunten: [] },
  errors: {},
  revision: 0,
});

export function GoalDetails({ goal, focusPoints }: { goal: GoalRow; focusPoints: FocusPointRef[] }) {
  const linked = focusPoints.filter((f) => goal.focus_point_ids.includes(f.id));
  return (
    <DataSummary
      items={[
        { key: 'Wat', value: goal.what },
        { key: 'Voor wie', value: goal.for_whom },
        { key: 'Bereikt op', value: formatDate(goal.due_on) },
        { key: 'Hoe gemeten', value: goal.measure },
        {
          key: 'Aandachtspunten',
          value: linked.length ? linked.map((f) => f.label).join('; ') : 'Geen aandachtspunt gekoppeld',
        },
      ]}
    />
  );
}

export function GoalFormPage({
  ctx,
  school,
  goalId,
  form,
  focusPoints,
  error,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  /** The goal being changed; undefined for a new one. */
  goalId?: number;
  form: GoalFormState;
  focusPoints: FocusPointRef[];
  error?: string;
}) {
  const base = planBase(school.id);
  const title = goalId ? 'Doel wijzigen' : 'Doel toevoegen';
  const v = form.values;
  const flat = { values: { ...v, aandachtspunten: undefined }, errors: form.errors };
  return (
    <Layout
      ctx={ctx}
      title={`${title} - schoolprogramma ${school.name}`}
      breadcrumbs={planCrumbs(school, [{ label: title }])}
    >
      <Heading level={1}>{title}</Heading>
      {error && <Alert type="error">{error}</Alert>}
      <Paragraph lead>
        Een goed doel zegt wat er aan het eind anders is, voor welke leerlingen, wanneer dat zo moet zijn en
        hoe de school dat nagaat.
      </Paragraph>
      {form.theirs && (
        <TheirsBox by={form.theirs.updated_by_name}>
          <GoalDetails goal={form.theirs} focusPoints={focusPoints} />
        </TheirsBox>
      )}
      <form
        method="post"
        action={goalId ? `${base}/doelen/${goalId}` : `${base}/doelen/nieuw`}
        class="npo-stack"
        novalidate
      >
        <CsrfField token={ctx.csrfToken()} />
        {!goalId && <IdempotencyField value={form.idempotencyKey} />}
        <input type="hidden" name="revisie" value={String(form.revision)} />
        <ErrorSummary form={flat} title="Het doel is niet opgeslagen. Verbeter het volgende:" />
        <TextArea
          name="wat"
          label="Wat wil de school bereiken?"
          description="Bijvoorbeeld: aan het eind van het schooljaar lezen de leerlingen van groep 4 en 5 weer op het niveau van eerdere jaargangen."
          rows={4}
          form={flat}
        />
        <TextField
          name="voorwie"
          label="Voor wie?"
          description="De leerlingen of groepen om wie het gaat, bijvoorbeeld: groep 4 en 5."
          form={flat}
        />
        <TextField
          name="datum"
          label="Bereikt op"
          description="De datum waarop het doel bereikt moet zijn, als dd-mm-jjjj (uiterlijk 31-07-2025)."
          inputMode="numeric"
          maxLength={10}
          form={flat}
        />
        <TextArea
          name="meting"
          label="Hoe meet de school of het doel bereikt is?"
          description="Bijvoorbeeld: met de methode-onafhankelijke toets in juni, vergeleken met eerdere jaargangen."
          rows={3}
          form={flat}
        />
        <CheckGroup
          name="aandachtspunten"
          legend="Aandachtspunten uit de schoolscan"
          description="Op welke aandachtspunten van de schoolscan geeft dit doel antwoord?"
          options={focusPoints.map((f) => ({ value: String(f.id), label: f.label }))}
          chosen={v.aandachtspunten}
          error={form.errors.aandachtspunten}
          empty="De schoolscan van deze school heeft nog geen aandachtspunten. U kunt het doel ook zonder opslaan."
        />
        <Button>{goalId ? 'Doel opslaan' : 'Doel toevoegen'}</Button>
      </form>
      <Paragraph>
        <Link href={base}>Terug naar het schoolprogramma</Link>
      </Paragraph>
    </Layout>
  );
}
