// One questionnaire in the builder: its data, its sections and questions with the actions on
// each (change, move, delete), and the ways to preview, copy and publish it.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  FailedSubmitMessage,
  Heading,
  Link,
  Paragraph,
} from '../../../ui/components.tsx';
import { ConfirmLink } from '../../../ui/confirm-page.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { QuestionnaireRow } from '../repository/questionnaires.ts';
import { lockedMessage } from '../services/builder-edit.ts';
import {
  audienceNames,
  builderCrumbs,
  questionHref,
  questionnaireHref,
  RevisionField,
  sectionHref,
  statusNames,
  typeNames,
} from './builder-parts.tsx';

function MoveButtons({
  ctx,
  action,
  revision,
  label,
}: {
  ctx: ViewContext;
  action: string;
  revision: number;
  label: string;
}) {
  return (
    <form novalidate method="post" action={`${action}/verplaatsen`} class="npo-inline-form">
      <CsrfField token={ctx.csrfToken()} />
      <RevisionField revision={revision} />
      <Button variant="subtle" name="richting" value="omhoog">
        {`${label} omhoog`}
      </Button>
      <Button variant="subtle" name="richting" value="omlaag">
        {`${label} omlaag`}
      </Button>
    </form>
  );
}

export function BuilderOverviewPage({
  ctx,
  q,
  done,
  error,
}: {
  ctx: ViewContext;
  q: QuestionnaireRow;
  done?: string;
  error?: string;
}) {
  const locked = q.responses > 0;
  return (
    <Layout ctx={ctx} title={q.title} breadcrumbs={builderCrumbs().concat({ label: q.title })}>
      <Heading level={1}>{q.title}</Heading>
      {error && <FailedSubmitMessage>{error}</FailedSubmitMessage>}
      {done && <Alert type="ok">{done}</Alert>}
      {locked && <Alert type="info">{lockedMessage}</Alert>}
      <DataSummary
        items={[
          { key: 'Status', value: statusNames[q.status] },
          { key: 'Wie vult in', value: audienceNames[q.audience] },
          { key: 'Schooljaar', value: q.school_year_label },
          { key: 'Open', value: `${formatDate(q.opens_on)} tot en met ${formatDate(q.closes_on)}` },
          { key: 'Korte naam', value: q.slug },
          { key: 'Scholen of besturen begonnen', value: String(q.responses) },
        ]}
      />
      {q.intro && <Paragraph>{q.intro}</Paragraph>}
      <ul class="npo-actions">
        <li>
          <Link href={`${questionnaireHref(q.id)}/gegevens`}>Titel, inleiding en datums wijzigen</Link>
        </li>
        <li>
          <Link href={`${questionnaireHref(q.id)}/voorbeeld`}>
            Voorbeeld bekijken zoals de invuller het ziet
          </Link>
        </li>
        <li>
          <Link href={`${questionnaireHref(q.id)}/kopieren`}>Kopiëren naar een nieuwe vragenlijst</Link>
        </li>
        {q.status === 'concept' && (
          <li>
            <Link href={`${questionnaireHref(q.id)}/publiceren`}>Publiceren</Link>
          </li>
        )}
        {q.status === 'gepubliceerd' && (
          <li>
            <ConfirmLink href={`${questionnaireHref(q.id)}/terugzetten`}>
              Terugzetten naar concept
            </ConfirmLink>
          </li>
        )}
      </ul>

      <Heading level={2}>Onderdelen en vragen</Heading>
      {q.definition.sections.map((s, si) => (
        <section key={s.key} aria-labelledby={`onderdeel-${s.key}`} class="npo-stack">
          <Heading level={3} id={`onderdeel-${s.key}`}>
            {`${si + 1}. ${s.title}`}
          </Heading>
          {s.intro && <Paragraph>{s.intro}</Paragraph>}
          <p class="nl-paragraph">
            <Link href={sectionHref(q.id, s.key)}>{`Onderdeel ${s.title} wijzigen`}</Link>
          </p>
          {!locked && (
            <>
              <MoveButtons
                ctx={ctx}
                action={sectionHref(q.id, s.key)}
                revision={q.revision}
                label={`Onderdeel ${si + 1}`}
              />
              <ConfirmLink
                href={`${sectionHref(q.id, s.key)}/verwijderen`}
              >{`Onderdeel ${s.title} verwijderen`}</ConfirmLink>
            </>
          )}
          <ol class="npo-question-list">
            {s.questions.map((question) => (
              <li key={question.key} id={`vraag-${question.key}`}>
                <p class="nl-paragraph">
                  <strong>{question.label}</strong>
                  {` (${typeNames[question.type]}${question.required ? ', verplicht' : ''}${question.condition ? ', met voorwaarde' : ''}${question.prefill ? ', vooraf ingevuld' : ''})`}
                </p>
                <Link href={questionHref(q.id, s.key, question.key)}>{`Vraag ${question.key} wijzigen`}</Link>
                {!locked && (
                  <>
                    <MoveButtons
                      ctx={ctx}
                      action={questionHref(q.id, s.key, question.key)}
                      revision={q.revision}
                      label={`Vraag ${question.key}`}
                    />
                    <ConfirmLink href={`${questionHref(q.id, s.key, question.key)}/verwijderen`}>
                      {`Vraag ${question.key} verwijderen`}
                    </ConfirmLink>
                  </>
                )}
              </li>
            ))}
          </ol>
          {!locked && (
            <p class="nl-paragraph">
              <Link
                href={`${sectionHref(q.id, s.key)}/vragen/nieuw`}
              >{`Vraag toevoegen aan ${s.title}`}</Link>
            </p>
          )}
        </section>
      ))}
      {!locked && (
        <p class="nl-paragraph">
          <Link href={`${questionnaireHref(q.id)}/onderdelen/nieuw`}>Onderdeel toevoegen</Link>
        </p>
      )}
    </Layout>
  );
}
