// The forms for a section and a question. A new section is made together with its first
// question (a section is never empty). Once answers exist only the texts can change.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  CsrfField,
  ErrorSummary,
  FailedSubmitMessage,
  Heading,
  Link,
  Paragraph,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { prefillSources, questionTypes, type Question } from '../services/definition.ts';
import { choiceTypes, prefillFits } from '../services/builder-question.ts';
import { lockedMessage } from '../services/builder-edit.ts';
import {
  builderCrumbs,
  prefillNames,
  questionnaireHref,
  RevisionField,
  typeNames,
} from './builder-parts.tsx';

interface QRef {
  id: number;
  title: string;
}

function QuestionFields({ form, before, locked }: { form: FormState; before: Question[]; locked?: boolean }) {
  if (locked)
    return (
      <>
        <TextField name="vraag" label="Vraag" form={form} maxLength={300} />
        <TextArea name="uitleg" label="Uitleg bij de vraag (mag leeg)" form={form} rows={3} maxLength={600} />
      </>
    );
  const conditionOptions = before.filter((b) => choiceTypes.includes(b.type));
  return (
    <>
      <TextField name="vraag" label="Vraag" form={form} maxLength={300} />
      <TextArea name="uitleg" label="Uitleg bij de vraag (mag leeg)" form={form} rows={3} maxLength={600} />
      <TextField
        name="sleutel"
        label="Sleutel"
        description="Kleine letters, cijfers en streepjes. De vaste sleutels schoolscan-gedaan, aandachtsgebieden, interventies, besteding, mr-instemming en pnil-aandeel betekenen in elke ronde hetzelfde."
        form={form}
        maxLength={60}
      />
      <SelectField
        name="soort"
        label="Soort vraag"
        form={form}
        options={questionTypes.map((t) => ({ value: t, label: typeNames[t] }))}
      />
      <SelectField
        name="verplicht"
        label="Verplicht?"
        form={form}
        options={[
          { value: 'ja', label: 'Ja, de vraag moet worden beantwoord' },
          { value: 'nee', label: 'Nee, de vraag mag leeg blijven' },
        ]}
      />
      <TextArea
        name="antwoorden"
        label="Antwoorden (bij één of meer antwoorden kiezen)"
        description="Eén antwoord per regel, als waarde | tekst (bijvoorbeeld toetsen | Toetsen uit het leerlingvolgsysteem), of alleen de tekst."
        form={form}
        rows={6}
      />
      <SelectField
        name="voorwaarde"
        label="Alleen tonen na een antwoord op"
        form={form}
        options={[
          { value: '', label: 'Altijd tonen' },
          ...conditionOptions.map((b) => ({ value: b.key, label: `${b.key}: ${b.label}` })),
        ]}
      />
      <TextField
        name="voorwaarde-antwoorden"
        label="Bij welke antwoorden van die vraag"
        description="De waarden, gescheiden door komma's, bijvoorbeeld ja."
        form={form}
      />
      <SelectField
        name="vooringevuld"
        label="Vooraf invullen vanuit het platform"
        description="Alleen een bron die past bij het soort vraag. De invuller kan het antwoord veranderen."
        form={form}
        options={[
          { value: '', label: 'Niet vooraf invullen' },
          ...prefillSources.map((p) => ({
            value: p,
            label: `${prefillNames[p]}, bij soort: ${typeNames[prefillFits[p]].toLowerCase()}`,
          })),
        ]}
      />
      <TextField
        name="minimum"
        label="Kleinste waarde (bij een getal, mag leeg)"
        form={form}
        inputMode="decimal"
      />
      <TextField
        name="maximum"
        label="Grootste waarde (bij een getal, mag leeg)"
        form={form}
        inputMode="decimal"
      />
      <TextField
        name="maxlengte"
        label="Grootste lengte in tekens (bij open tekst, mag leeg)"
        form={form}
        inputMode="numeric"
      />
    </>
  );
}

export function BuilderQuestionPage({
  ctx,
  q,
  section,
  questionKey,
  form,
  before,
  revision,
  locked,
  error,
}: {
  ctx: ViewContext;
  q: QRef;
  section: { key: string; title: string };
  questionKey?: string;
  form: FormState;
  before: Question[];
  revision: number;
  locked: boolean;
  error?: string;
}) {
  const title = questionKey ? `Vraag ${questionKey} wijzigen` : `Nieuwe vraag in ${section.title}`;
  const base = `${questionnaireHref(q.id)}/onderdelen/${section.key}/vragen`;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={builderCrumbs(q, [{ label: title }])}>
      <Heading level={1}>{title}</Heading>
      {error && <FailedSubmitMessage>{error}</FailedSubmitMessage>}
      <ErrorSummary form={form} title="Er is iets niet goed ingevuld:" />
      {locked && <Paragraph>{lockedMessage}</Paragraph>}
      <form novalidate method="post" action={questionKey ? `${base}/${questionKey}` : `${base}/nieuw`}>
        <CsrfField token={ctx.csrfToken()} />
        <RevisionField revision={revision} />
        <QuestionFields form={form} before={before} locked={locked} />
        <Button>Opslaan</Button>
        <Link href={`${questionnaireHref(q.id)}#onderdeel-${section.key}`}>Terug zonder op te slaan</Link>
      </form>
    </Layout>
  );
}

export function BuilderSectionPage({
  ctx,
  q,
  sectionKey,
  form,
  before,
  revision,
  locked,
  error,
}: {
  ctx: ViewContext;
  q: QRef;
  sectionKey?: string;
  form: FormState;
  before: Question[];
  revision: number;
  locked: boolean;
  error?: string;
}) {
  const title = sectionKey ? `Onderdeel ${sectionKey} wijzigen` : 'Nieuw onderdeel';
  const base = `${questionnaireHref(q.id)}/onderdelen`;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={builderCrumbs(q, [{ label: title }])}>
      <Heading level={1}>{title}</Heading>
      {error && <FailedSubmitMessage>{error}</FailedSubmitMessage>}
      <ErrorSummary form={form} title="Er is iets niet goed ingevuld:" />
      {locked && <Paragraph>{lockedMessage}</Paragraph>}
      <form novalidate method="post" action={sectionKey ? `${base}/${sectionKey}` : `${base}/nieuw`}>
        <CsrfField token={ctx.csrfToken()} />
        <RevisionField revision={revision} />
        <TextField name="titel" label="Titel van het onderdeel" form={form} maxLength={200} />
        <TextArea name="inleiding" label="Inleiding (mag leeg)" form={form} rows={3} maxLength={2000} />
        {!locked && (
          <TextField
            name="onderdeel-sleutel"
            label="Sleutel van het onderdeel"
            description="Kleine letters, cijfers en streepjes, bijvoorbeeld schoolscan."
            form={form}
            maxLength={60}
          />
        )}
        {!sectionKey && (
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">De eerste vraag van het onderdeel</legend>
            <QuestionFields form={form} before={before} />
          </fieldset>
        )}
        <Button>Opslaan</Button>
        <Link href={questionnaireHref(q.id)}>Terug zonder op te slaan</Link>
      </form>
    </Layout>
  );
}
