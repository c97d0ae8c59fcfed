// A read-only preview of a questionnaire as the school leader or board will see it: every
// section with its questions as form fields that cannot be filled in. The answering pages are
// another part's; this shows the analist the same questions, options and conditions.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Heading, Paragraph } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { menuCategories, type Question } from '../services/definition.ts';
import type { QuestionnaireRow } from '../repository/questionnaires.ts';
import { builderCrumbs, prefillNames } from './builder-parts.tsx';

function Choices({ q, multiple }: { q: Question; multiple: boolean }) {
  const options =
    q.type === 'ja-nee'
      ? [
          { value: 'ja', label: 'Ja' },
          { value: 'nee', label: 'Nee' },
        ]
      : (q.options ?? []);
  return (
    <fieldset class="utrecht-form-fieldset" disabled>
      <legend class="utrecht-form-fieldset__legend">{q.label}</legend>
      {options.map((o) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox" key={o.value}>
          <input
            class={multiple ? 'utrecht-checkbox' : 'utrecht-radio-button'}
            type={multiple ? 'checkbox' : 'radio'}
            id={`voorbeeld-${q.key}-${o.value}`}
            name={`voorbeeld-${q.key}`}
            disabled
          />
          <label class="utrecht-form-label" for={`voorbeeld-${q.key}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function Field({ q }: { q: Question }) {
  const id = `voorbeeld-${q.key}`;
  switch (q.type) {
    case 'ja-nee':
    case 'een-keuze':
      return <Choices q={q} multiple={false} />;
    case 'meer-keuze':
      return <Choices q={q} multiple />;
    case 'tekst':
      return (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={id}>
            {q.label}
          </label>
          <textarea class="utrecht-textarea" id={id} rows={3} disabled />
        </div>
      );
    case 'interventies':
      return (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={id}>
            {q.label}
          </label>
          <Paragraph>De invuller kiest interventies uit de menukaart die geldt.</Paragraph>
          <input class="utrecht-textbox" id={id} disabled />
        </div>
      );
    case 'bedragen-per-categorie':
      return (
        <fieldset class="utrecht-form-fieldset" disabled>
          <legend class="utrecht-form-fieldset__legend">{q.label}</legend>
          {[...menuCategories, 'totaal'].map((c) => (
            <div class="utrecht-form-field" key={c}>
              <label class="utrecht-form-label" for={`${id}-${c}`}>
                {c === 'totaal' ? 'Totaal (€)' : `Categorie ${c} (€)`}
              </label>
              <input class="utrecht-textbox" id={`${id}-${c}`} inputMode="decimal" disabled />
            </div>
          ))}
        </fieldset>
      );
    default:
      return (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={id}>
            {q.type === 'bedrag' ? `${q.label} (€)` : q.label}
          </label>
          <input class="utrecht-textbox" id={id} inputMode="decimal" disabled />
        </div>
      );
  }
}

export function BuilderPreviewPage({ ctx, q }: { ctx: ViewContext; q: QuestionnaireRow }) {
  const title = `Voorbeeld: ${q.title}`;
  const labels = new Map(
    q.definition.sections.flatMap((s) => s.questions.map((x) => [x.key, x.label] as const)),
  );
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={builderCrumbs(q, [{ label: 'Voorbeeld' }])}>
      <Heading level={1}>{title}</Heading>
      <Alert type="info">
        Dit is een voorbeeld: u kunt hier niets invullen. Open van {formatDate(q.opens_on)} tot en met{' '}
        {formatDate(q.closes_on)}.
      </Alert>
      {q.intro && <Paragraph lead>{q.intro}</Paragraph>}
      {q.definition.sections.map((s, si) => (
        <section key={s.key} aria-labelledby={`voorbeeld-onderdeel-${s.key}`}>
          <Heading level={2} id={`voorbeeld-onderdeel-${s.key}`}>
            {`${si + 1}. ${s.title}`}
          </Heading>
          {s.intro && <Paragraph>{s.intro}</Paragraph>}
          {s.questions.map((x) => (
            <div class="npo-stack" key={x.key}>
              <Field q={x} />
              {x.hint && <Paragraph>{x.hint}</Paragraph>}
              <ul class="npo-notes">
                <li>{x.required ? 'Verplicht' : 'Mag leeg blijven'}</li>
                {x.condition && (
                  <li>{`Alleen zichtbaar als het antwoord op "${labels.get(x.condition.question) ?? x.condition.question}" is: ${x.condition.oneOf.join(' of ')}`}</li>
                )}
                {x.prefill && (
                  <li>{`Ingevuld vanuit het platform: ${prefillNames[x.prefill].toLowerCase()}`}</li>
                )}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </Layout>
  );
}
