// The MR records its decision on one version: instemming or not, the reasons (required when not),
// and the meeting date. Shown only for the newest version without a decision.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  FailedSubmitMessage,
  Heading,
  Link,
  Paragraph,
  TextArea,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import { reasonsMaxLength } from '../services/consent.ts';
import { planBase } from './base.ts';
import { consentCrumbs, type SchoolRef } from './snapshot-view.tsx';

export function DecisionPage({
  ctx,
  school,
  number,
  submittedAt,
  refusal,
  form,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  number: number;
  submittedAt: Date;
  /** Why no decision can be recorded (already decided, not the newest); null when it can. */
  refusal: { message: string; failed: boolean } | null;
  form?: FormState;
}) {
  const f = form ?? { values: {}, errors: {} };
  const version = `${planBase(school.id)}/versies/${number}`;
  const chosen = f.values.besluit;
  return (
    <Layout
      ctx={ctx}
      title={`Besluit van de MR over versie ${number} – ${school.name}`}
      breadcrumbs={consentCrumbs(school, [
        { href: `${planBase(school.id)}/versies`, label: 'Versies' },
        { href: version, label: `Versie ${number}` },
        { label: 'Besluit' },
      ])}
    >
      <Heading level={1}>Besluit van de MR over versie {number}</Heading>
      {refusal ? (
        <>
          {refusal.failed ? (
            <FailedSubmitMessage>{refusal.message}</FailedSubmitMessage>
          ) : (
            <Alert type="info">{refusal.message}</Alert>
          )}
          <Paragraph>
            <Link href={version}>Naar versie {number}</Link>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph lead>
            Leg vast wat de MR in haar vergadering heeft besloten over versie {number}, ingediend op{' '}
            {formatDateTime(submittedAt)}. Het besluit hoort bij precies deze versie en kan daarna niet meer
            worden gewijzigd.
          </Paragraph>
          <form method="post" action={`${version}/besluit`} class="npo-stack" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <ErrorSummary form={f} title="Het besluit is nog niet opgeslagen. Verbeter het volgende:" />
            <fieldset
              class={`utrecht-form-fieldset${f.errors.besluit ? ' utrecht-form-fieldset--invalid' : ''}`}
              aria-describedby={f.errors.besluit ? 'besluit-fout' : undefined}
            >
              <legend class="utrecht-form-fieldset__legend">Besluit</legend>
              {f.errors.besluit && (
                <div class="utrecht-form-field-error-message" id="besluit-fout">
                  {f.errors.besluit}
                </div>
              )}
              {(
                [
                  ['instemming', 'De MR stemt in met deze versie'],
                  ['geen-instemming', 'De MR stemt niet in met deze versie'],
                ] as const
              ).map(([value, label], i) => (
                <div class="utrecht-form-field utrecht-form-field--radio" key={value}>
                  <input
                    class="utrecht-radio-button"
                    type="radio"
                    name="besluit"
                    value={value}
                    id={i === 0 ? 'besluit' : `besluit-${value}`}
                    checked={chosen === value}
                  />
                  <label
                    class="utrecht-form-label utrecht-form-label--radio"
                    for={i === 0 ? 'besluit' : `besluit-${value}`}
                  >
                    {label}
                  </label>
                </div>
              ))}
            </fieldset>
            <TextArea
              name="redenen"
              label="Redenen"
              description="Verplicht als de MR niet instemt: de school heeft ze nodig om het plan aan te passen."
              form={f}
              rows={5}
              maxLength={reasonsMaxLength}
            />
            <TextField
              name="vergaderdatum"
              type="date"
              label="Datum van de MR-vergadering"
              description={`Niet in de toekomst en niet vóór de indiening (${formatDate(submittedAt)}).`}
              form={f}
            />
            <Button>Besluit vastleggen</Button>
          </form>
        </>
      )}
    </Layout>
  );
}
