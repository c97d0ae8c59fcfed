// Check your answers: every shown question with its answer and a link to change it, the required
// questions still open, and the button that submits. A refused submit comes back here with the
// reason at the top.
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
} from '../../../ui/components.tsx';
import type { Question, Section } from '../services/definition.ts';
import type { Window } from '../services/submit.ts';
import { AnswerLines, answerCrumbs, questionnaireBase, WindowMessage, type OrgRef } from './answer-parts.tsx';

export interface CheckModel {
  questionnaire: { id: number; title: string; opens_on: string; closes_on: string };
  window: Window;
  sections: Array<{ section: Section; questions: Question[] }>;
  lines: (q: Question) => string[];
  /** Required questions without an answer, by the id the link points at. */
  missing: Array<{ section: Section; question: Question }>;
  revision: number;
  /** 0 when nothing was ever saved. */
  refused?: 'gesloten' | 'leeg' | 'onvolledig' | 'verouderd';
}

const refusedText = {
  gesloten: 'De vragenlijst is gesloten; er is niets ingediend.',
  leeg: 'Er zijn nog geen antwoorden opgeslagen. Vul eerst de onderdelen in.',
  verouderd:
    'Iemand anders heeft de antwoorden gewijzigd nadat u deze pagina opende. Er is niets ingediend. Bekijk de antwoorden hieronder opnieuw en dien dan in.',
  onvolledig: '',
};

export function AnswerCheckPage({ ctx, org, m }: { ctx: ViewContext; org: OrgRef; m: CheckModel }) {
  const q = m.questionnaire;
  const base = questionnaireBase(org, q.id);
  const errors = Object.fromEntries(
    m.missing.map((x) => [
      `vraag-${x.question.key}`,
      `${x.section.title}: ${x.question.label} Deze vraag is nog niet beantwoord.`,
    ]),
  );
  return (
    <Layout
      ctx={ctx}
      title={`Antwoorden controleren - ${q.title}`}
      breadcrumbs={answerCrumbs(org, [{ label: 'Antwoorden controleren' }], q)}
    >
      <Heading level={1}>Antwoorden controleren</Heading>
      {m.refused && m.refused !== 'onvolledig' && (
        <FailedSubmitMessage>{refusedText[m.refused]}</FailedSubmitMessage>
      )}
      {m.refused === 'onvolledig' && (
        <ErrorSummary
          form={{ values: {}, errors }}
          title="Er is niets ingediend. Beantwoord eerst deze verplichte vragen:"
        />
      )}
      <WindowMessage window={m.window} opensOn={q.opens_on} closesOn={q.closes_on} />
      {m.sections.map(({ section, questions }) => (
        <section key={section.key} class="npo-stack" aria-labelledby={`onderdeel-${section.key}`}>
          <Heading level={2} id={`onderdeel-${section.key}`}>
            {section.title}
          </Heading>
          <dl class="utrecht-data-list">
            {questions.map((x) => (
              <div class="utrecht-data-list__item" key={x.key} id={`vraag-${x.key}`}>
                <dt class="utrecht-data-list__item-key">{x.label}</dt>
                <dd class="utrecht-data-list__item-value">
                  <AnswerLines lines={m.lines(x)} />
                  {m.window === 'open' && (
                    <>
                      {' '}
                      <Link href={`${base}/onderdelen/${section.key}#vraag-${x.key}`}>
                        Wijzig<span class="npo-visually-hidden"> het antwoord op: {x.label}</span>
                      </Link>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {m.window === 'open' &&
        (m.missing.length && !m.refused ? (
          <Paragraph>
            Er{' '}
            {m.missing.length === 1
              ? 'staat nog 1 verplichte vraag'
              : `staan nog ${m.missing.length} verplichte vragen`}{' '}
            open. Beantwoord die eerst; daarna kunt u indienen.
          </Paragraph>
        ) : (
          <form method="post" action={`${base}/indienen`} class="npo-stack" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <input type="hidden" name="revisie" value={String(m.revision)} />
            <Paragraph>
              Met indienen stuurt u deze antwoorden naar het ministerie. U krijgt een ontvangstbevestiging per
              e-mail. Tot de sluitingsdatum kunt u wijzigen en opnieuw indienen; elke inzending blijft
              bewaard.
            </Paragraph>
            <Button>Antwoorden indienen</Button>
          </form>
        ))}
      <Paragraph>
        <Link href={base}>Terug naar het overzicht van de vragenlijst</Link>
      </Paragraph>
    </Layout>
  );
}
