// One section's form. Saved per section: "Opslaan en verder" also checks the required questions,
// "Tussentijds opslaan" keeps what is there. A question that depends on an earlier answer in this
// section is shown or hidden by the server after a save, and at once by app.js where scripting
// runs (data-toon-als). After a stale save (409) the form keeps the typed input and shows what
// the other person saved; after the close date the answers are read-only, and so are the typed
// answers of a first save refused because the questionnaire went back to concept meanwhile.
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
} from '../../../ui/components.tsx';
import { fieldName, type FieldErrors, type RawForm } from '../services/answers.ts';
import type { Question, Section } from '../services/definition.ts';
import type { Window } from '../services/submit.ts';
import { QuestionField, type FieldContext, type MenuOption } from './answer-fields.tsx';
import { AnswerLines, answerCrumbs, questionnaireBase, WindowMessage, type OrgRef } from './answer-parts.tsx';

export interface SectionModel {
  questionnaire: { id: number; title: string; opens_on: string; closes_on: string };
  window: Window;
  section: Section;
  position: { index: number; count: number };
  values: RawForm;
  errors: FieldErrors;
  revision: number;
  /** Keys of the questions shown now (the others wait for their condition). */
  shown: ReadonlySet<string>;
  /** Keys of the questions still holding the platform's prefill. */
  prefilled: ReadonlySet<string>;
  menu: MenuOption[];
  categoryNames: ReadonlyMap<string, string>;
  /** Read-only lines per question (closed questionnaire, or what another person saved). */
  lines: (q: Question) => string[];
  stale?: { by: string | null };
  /** The questionnaire went back to concept while a first save was on its way. */
  withdrawn?: boolean;
  notice?: 'erbij' | 'opgeslagen';
}

export const staleText =
  'Iemand anders heeft dit onderdeel opgeslagen terwijl u het invulde. Uw antwoorden zijn nog niet opgeslagen, maar staan nog in het formulier. Hieronder ziet u wat de ander opsloeg; neem over wat u wilt houden en sla opnieuw op.';

export const withdrawnText =
  'Deze vragenlijst is zojuist teruggezet naar concept, terwijl u dit onderdeel invulde. Uw antwoorden zijn daarom niet opgeslagen. Hieronder staat wat u invulde, zodat u het kunt bewaren; u kunt weer antwoorden zodra de vragenlijst opnieuw is gepubliceerd.';

export function AnswerSectionPage({ ctx, org, m }: { ctx: ViewContext; org: OrgRef; m: SectionModel }) {
  const q = m.questionnaire;
  const base = questionnaireBase(org, q.id);
  const s = m.section;
  const title = `${s.title} (onderdeel ${m.position.index + 1} van ${m.position.count})`;
  const c: FieldContext = {
    values: m.values,
    errors: m.errors,
    menu: m.menu,
    categoryNames: m.categoryNames,
  };
  const sameSection = new Set(s.questions.map((x) => x.key));
  const readOnly = m.window !== 'open' || m.withdrawn === true;
  return (
    <Layout
      ctx={ctx}
      title={`${s.title} - ${q.title}`}
      breadcrumbs={answerCrumbs(org, [{ label: s.title }], q)}
    >
      <Heading level={1}>{title}</Heading>
      {m.notice === 'erbij' && (
        <Alert type="info">
          Uw antwoorden zijn opgeslagen. Door uw antwoord hoort er een vraag bij dit onderdeel; die staat nu
          in het formulier.
        </Alert>
      )}
      {m.notice === 'opgeslagen' && <Alert type="ok">Uw antwoorden zijn tussentijds opgeslagen.</Alert>}
      {m.stale && <Alert type="error">{staleText}</Alert>}
      {m.withdrawn && <Alert type="error">{withdrawnText}</Alert>}
      {s.intro && <Paragraph>{s.intro}</Paragraph>}
      {!m.withdrawn && <WindowMessage window={m.window} opensOn={q.opens_on} closesOn={q.closes_on} />}
      {m.stale && (
        <div class="npo-card npo-stack">
          <Heading level={2}>Wat {m.stale.by ?? 'de ander'} opsloeg</Heading>
          <DataSummary
            items={s.questions.map((x) => ({ key: x.label, value: <AnswerLines lines={m.lines(x)} /> }))}
          />
        </div>
      )}
      {readOnly ? (
        <DataSummary
          items={s.questions
            .filter((x) => m.shown.has(x.key))
            .map((x) => ({ key: x.label, value: <AnswerLines lines={m.lines(x)} /> }))}
        />
      ) : (
        <form method="post" action={`${base}/onderdelen/${s.key}`} class="npo-stack" novalidate>
          <CsrfField token={ctx.csrfToken()} />
          <input type="hidden" name="revisie" value={String(m.revision)} />
          <ErrorSummary
            form={{ values: {}, errors: m.errors }}
            title="Dit onderdeel is niet opgeslagen. Verbeter het volgende:"
          />
          {s.questions.map((x) => {
            // A condition on a question of this section can be followed in the browser; one on an
            // earlier section is settled: the question is there or not.
            const live = x.condition && sameSection.has(x.condition.question);
            if (!m.shown.has(x.key) && !live) return null;
            return (
              <div
                key={x.key}
                id={`vraag-${x.key}`}
                class="npo-stack"
                hidden={!m.shown.has(x.key)}
                data-toon-als={live ? fieldName(x.condition!.question) : undefined}
                data-toon-waarden={live ? x.condition!.oneOf.join(' ') : undefined}
              >
                <QuestionField q={x} c={c} prefilled={m.prefilled.has(x.key)} />
              </div>
            );
          })}
          <div class="npo-actions">
            <Button name="actie" value="klaar">
              Opslaan en verder
            </Button>{' '}
            <Button name="actie" value="concept" variant="secondary">
              Tussentijds opslaan
            </Button>
          </div>
        </form>
      )}
      <Paragraph>
        <Link href={base}>Terug naar het overzicht van de vragenlijst</Link>
      </Paragraph>
    </Layout>
  );
}
