// The page where the school leader adds an intervention from the menu in force (with a quick
// start from the keuzehulp's choices) or changes one: which focus points and goals it serves, for
// which groups and how many pupils, when, who is responsible, the approach, the professional
// development it needs and how and when it is evaluated.
import type { ViewContext } from '../../../ui/context.ts';
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
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import type { GoalRow } from '../repository/goals.ts';
import type { PlanInterventionRow } from '../repository/plan-interventions.ts';
import type { FocusPointRef } from '../repository/plan-links.ts';
import type { ChoosableIntervention } from '../services/plan-menu.ts';
import type { Errors, InterventionForm } from '../services/plan-rules.ts';
import { planBase } from './base.ts';
import { InterventionDetails, WithdrawnMark } from './intervention-details.tsx';
import { CheckGroup, planCrumbs, TheirsBox, type SchoolRef } from './plan-parts.tsx';

export interface InterventionFormState {
  values: InterventionForm;
  errors: Errors;
  revision: number;
  theirs?: PlanInterventionRow;
  idempotencyKey?: string;
}

export const emptyInterventionForm = (): InterventionFormState => ({
  values: {
    interventie: '',
    aandachtspunten: [],
    doelen: [],
    groepen: [],
    leerlingen: '',
    start: '',
    einde: '',
    verantwoordelijke: '',
    aanpak: '',
    professionalisering: '',
    evaluatie: '',
  },
  errors: {},
  revision: 0,
});

export interface QuickStart {
  href: string;
  label: string;
}

export function InterventionFormPage({
  ctx,
  school,
  existing,
  withdrawn,
  form,
  menuTitle,
  choosable,
  quickStarts,
  focusPoints,
  goals,
  grades,
  error,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  /** The plan's intervention being changed; undefined for a new one. */
  existing?: PlanInterventionRow;
  withdrawn?: boolean;
  form: InterventionFormState;
  menuTitle: string;
  choosable: ChoosableIntervention[];
  quickStarts: QuickStart[];
  focusPoints: FocusPointRef[];
  goals: GoalRow[];
  grades: { grades: number[]; word: string };
  error?: string;
}) {
  const base = planBase(school.id);
  const title = existing ? `${existing.code} ${existing.name} wijzigen` : 'Interventie toevoegen';
  const v = form.values;
  const flat = {
    values: { ...v, aandachtspunten: undefined, doelen: undefined, groepen: undefined },
    errors: form.errors,
  };
  return (
    <Layout
      ctx={ctx}
      title={`${title} - schoolprogramma ${school.name}`}
      breadcrumbs={planCrumbs(school, [
        { label: existing ? 'Interventie wijzigen' : 'Interventie toevoegen' },
      ])}
    >
      <Heading level={1}>{title}</Heading>
      {error && <Alert type="error">{error}</Alert>}
      {existing && withdrawn && <WithdrawnMark />}
      {!existing && quickStarts.length > 0 && (
        <section aria-labelledby="snelstart" class="npo-card npo-stack">
          <Heading level={2} id="snelstart">
            Uit de keuzehulp van de schoolscan
          </Heading>
          <Paragraph>
            Deze interventies koos de school in de keuzehulp, maar ze staan nog niet in het schoolprogramma.
            Kies er een om het formulier alvast in te vullen.
          </Paragraph>
          <ul class="utrecht-unordered-list">
            {quickStarts.map((q) => (
              <li key={q.href}>
                <Link href={q.href}>{q.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {form.theirs && (
        <TheirsBox by={form.theirs.updated_by_name}>
          <InterventionDetails intervention={form.theirs} focusPoints={focusPoints} goals={goals} />
        </TheirsBox>
      )}
      <form
        method="post"
        action={existing ? `${base}/interventies/${existing.id}` : `${base}/interventies/nieuw`}
        class="npo-stack"
        novalidate
      >
        <CsrfField token={ctx.csrfToken()} />
        {!existing && <IdempotencyField value={form.idempotencyKey} />}
        <input type="hidden" name="revisie" value={String(form.revision)} />
        <ErrorSummary form={flat} title="De interventie is niet opgeslagen. Verbeter het volgende:" />
        {existing ? (
          <Paragraph>
            Gekozen uit de menukaart: <strong>{existing.code}</strong> {existing.name} (categorie{' '}
            {existing.category_code}
            {existing.category_name ? `: ${existing.category_name}` : ''}). Wilt u een andere interventie,
            verwijder deze dan en voeg de andere toe.
          </Paragraph>
        ) : (
          <SelectField
            name="interventie"
            label="Interventie van de menukaart"
            description={`U kiest uit ${menuTitle}: alleen interventies die nu op de menukaart staan en bij uw schooltype passen.`}
            form={flat}
            options={[
              { value: '', label: 'Kies een interventie' },
              ...choosable.map((i) => ({ value: i.code, label: `${i.code} ${i.name} (${i.categoryName})` })),
            ]}
          />
        )}
        <CheckGroup
          name="aandachtspunten"
          legend="Aandachtspunten uit de schoolscan"
          description="Aan welke aandachtspunten werkt deze interventie?"
          options={focusPoints.map((f) => ({ value: String(f.id), label: f.label }))}
          chosen={v.aandachtspunten}
          error={form.errors.aandachtspunten}
          empty="De schoolscan van deze school heeft nog geen aandachtspunten."
        />
        <CheckGroup
          name="doelen"
          legend="Doelen van het schoolprogramma"
          description="Aan welke doelen draagt deze interventie bij?"
          options={goals.map((g) => ({ value: String(g.id), label: g.what }))}
          chosen={v.doelen}
          error={form.errors.doelen}
          empty="Het schoolprogramma heeft nog geen doelen. U kunt ze later koppelen."
        />
        <CheckGroup
          name="groepen"
          legend={grades.word === 'Groep' ? 'Groepen' : 'Leerjaren'}
          description="Voor welke groepen of leerjaren is de interventie?"
          options={grades.grades.map((g) => ({ value: String(g), label: `${grades.word} ${g}` }))}
          chosen={v.groepen}
          error={form.errors.groepen}
          empty=""
          inline
        />
        <TextField
          name="leerlingen"
          label="Aantal leerlingen"
          description="Hoeveel leerlingen doen mee (1 tot en met 5000)?"
          inputMode="numeric"
          maxLength={6}
          form={flat}
        />
        <TextField
          name="start"
          label="Start"
          description="Als dd-mm-jjjj, op of na 01-08-2021."
          inputMode="numeric"
          maxLength={10}
          form={flat}
        />
        <TextField
          name="einde"
          label="Einde"
          description="Als dd-mm-jjjj, uiterlijk 31-07-2025: tot die dag mag het geld worden besteed."
          inputMode="numeric"
          maxLength={10}
          form={flat}
        />
        <TextField
          name="verantwoordelijke"
          label="Verantwoordelijke"
          description="Wie zorgt dat de interventie wordt uitgevoerd, bijvoorbeeld: de intern begeleider."
          form={flat}
        />
        <TextArea
          name="aanpak"
          label="Aanpak"
          description="Hoe pakt de school het aan: wie doet wat, hoe vaak?"
          rows={4}
          form={flat}
        />
        <TextArea
          name="professionalisering"
          label="Professionalisering"
          description="Wat hebben leerkrachten of het team nodig om de interventie goed uit te voeren? Laat leeg als dat niets is."
          rows={3}
          form={flat}
        />
        <TextArea
          name="evaluatie"
          label="Evaluatie: hoe en wanneer"
          description="Hoe gaat de school na of de interventie werkt, en op welke momenten?"
          rows={3}
          form={flat}
        />
        <Button>{existing ? 'Interventie opslaan' : 'Interventie toevoegen'}</Button>
      </form>
      <Paragraph>
        <Link href={base}>Terug naar het schoolprogramma</Link>
      </Paragraph>
    </Layout>
  );
}
