// The form for a questionnaire's own data: used to make a new one, to copy one and to change one.
// Once answers exist, the school year, audience and short name are shown but no longer asked.
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
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import type { YearRef } from '../services/builder-meta.ts';
import { maxIntro, maxTitle } from '../services/builder-meta.ts';
import {
  audienceNames,
  builderBase,
  builderCrumbs,
  questionnaireHref,
  RevisionField,
} from './builder-parts.tsx';

export type MetaMode = 'nieuw' | 'kopie' | 'gegevens';

const titles: Record<MetaMode, string> = {
  nieuw: 'Nieuwe vragenlijst',
  kopie: 'Vragenlijst kopiëren',
  gegevens: 'Titel, inleiding en datums',
};

export function BuilderMetaPage({
  ctx,
  mode,
  q,
  form,
  years,
  locked,
  revision,
  idempotencyKey,
  error,
}: {
  ctx: ViewContext;
  mode: MetaMode;
  q?: { id: number; title: string };
  form: FormState;
  years: YearRef[];
  locked?: boolean;
  revision?: number;
  idempotencyKey?: string;
  error?: string;
}) {
  const title = titles[mode];
  const action =
    mode === 'nieuw'
      ? `${builderBase}/nieuw`
      : `${questionnaireHref(q!.id)}/${mode === 'kopie' ? 'kopieren' : 'gegevens'}`;
  const back = q ? questionnaireHref(q.id) : builderBase;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={builderCrumbs(q, [{ label: title }])}>
      <Heading level={1}>{title}</Heading>
      {error && <FailedSubmitMessage>{error}</FailedSubmitMessage>}
      <ErrorSummary form={form} title="Er is iets niet goed ingevuld:" />
      {mode === 'nieuw' && (
        <Paragraph>
          Een nieuwe vragenlijst begint met één onderdeel en één open vraag. Daarna voegt u onderdelen en
          vragen toe. Schoolleiders en besturen zien de vragenlijst pas als u haar publiceert.
        </Paragraph>
      )}
      {mode === 'kopie' && (
        <Paragraph>
          De kopie krijgt alle onderdelen en vragen van {q!.title}. Zij begint als concept, zodat u haar eerst
          kunt aanpassen.
        </Paragraph>
      )}
      <form novalidate method="post" action={action}>
        <CsrfField token={ctx.csrfToken()} />
        {mode !== 'gegevens' && <IdempotencyField value={idempotencyKey} />}
        {revision !== undefined && <RevisionField revision={revision} />}
        <TextField name="titel" label="Titel" form={form} maxLength={maxTitle} />
        <TextArea
          name="inleiding"
          label="Inleiding"
          description="Wat de invuller boven de vragenlijst leest: waarover het gaat en hoe lang het duurt."
          form={form}
          rows={4}
          maxLength={maxIntro}
        />
        {locked ? (
          <Paragraph>
            {`Schooljaar ${years.find((y) => String(y.id) === form.values.schooljaar)?.label ?? ''}, voor ${audienceNames[form.values.doelgroep === 'bestuur' ? 'bestuur' : 'school'].toLowerCase()}, korte naam ${form.values['korte-naam'] ?? ''}. Deze gegevens veranderen niet meer, omdat er al antwoorden zijn.`}
          </Paragraph>
        ) : (
          <>
            <SelectField
              name="schooljaar"
              label="Schooljaar"
              form={form}
              options={[
                { value: '', label: 'Kies een schooljaar' },
                ...years.map((y) => ({ value: String(y.id), label: y.label })),
              ]}
            />
            <SelectField
              name="doelgroep"
              label="Wie vult de vragenlijst in?"
              form={form}
              options={[
                { value: '', label: 'Kies wie invult' },
                { value: 'school', label: 'De schoolleider, voor de school' },
                { value: 'bestuur', label: 'Het bestuur' },
              ]}
            />
            <TextField
              name="korte-naam"
              label="Korte naam"
              description="Voor adressen en downloads: kleine letters, cijfers en streepjes, bijvoorbeeld schoolleiders-2025-2026."
              form={form}
              maxLength={60}
            />
          </>
        )}
        <TextField
          name="opent"
          label="Opent op"
          description="Als DD-MM-JJJJ, bijvoorbeeld 23-08-2021."
          form={form}
        />
        <TextField
          name="sluit"
          label="Sluit na"
          description="De laatste dag waarop de vragenlijst open is, als DD-MM-JJJJ."
          form={form}
        />
        <Button>
          {mode === 'gegevens' ? 'Opslaan' : mode === 'kopie' ? 'Kopie maken' : 'Vragenlijst maken'}
        </Button>
        <Link href={back}>Terug zonder op te slaan</Link>
      </form>
    </Layout>
  );
}
