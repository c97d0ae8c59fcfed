// The builder's confirmation pages: deleting a section or a question, publishing, and taking a
// questionnaire back to concept.
import type { ViewContext } from '../../../ui/context.ts';
import { ConfirmPage } from '../../../ui/confirm-page.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { FailedSubmitMessage, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { QuestionnaireRow } from '../repository/questionnaires.ts';
import { audienceNames, builderCrumbs, questionnaireHref } from './builder-parts.tsx';

export function DeleteSectionPage({
  ctx,
  q,
  section,
}: {
  ctx: ViewContext;
  q: QuestionnaireRow;
  section: { key: string; title: string; count: number };
}) {
  return (
    <ConfirmPage
      ctx={ctx}
      title={`Onderdeel ${section.title} verwijderen?`}
      breadcrumbs={builderCrumbs(q, [{ label: 'Onderdeel verwijderen' }])}
      action={`${questionnaireHref(q.id)}/onderdelen/${section.key}/verwijderen`}
      fields={{ revisie: String(q.revision) }}
      confirmLabel="Onderdeel verwijderen"
      back={{ href: questionnaireHref(q.id), label: 'Niet verwijderen' }}
    >
      <Paragraph>{`Het onderdeel en zijn ${section.count} ${section.count === 1 ? 'vraag' : 'vragen'} verdwijnen uit de vragenlijst.`}</Paragraph>
    </ConfirmPage>
  );
}

export function DeleteQuestionPage({
  ctx,
  q,
  sectionKey,
  question,
}: {
  ctx: ViewContext;
  q: QuestionnaireRow;
  sectionKey: string;
  question: { key: string; label: string };
}) {
  return (
    <ConfirmPage
      ctx={ctx}
      title={`Vraag ${question.key} verwijderen?`}
      breadcrumbs={builderCrumbs(q, [{ label: 'Vraag verwijderen' }])}
      action={`${questionnaireHref(q.id)}/onderdelen/${sectionKey}/vragen/${question.key}/verwijderen`}
      fields={{ revisie: String(q.revision) }}
      confirmLabel="Vraag verwijderen"
      back={{ href: questionnaireHref(q.id), label: 'Niet verwijderen' }}
    >
      <Paragraph>{`De vraag "${question.label}" verdwijnt uit de vragenlijst.`}</Paragraph>
    </ConfirmPage>
  );
}

export function PublishPage({ ctx, q }: { ctx: ViewContext; q: QuestionnaireRow }) {
  return (
    <ConfirmPage
      ctx={ctx}
      title={`${q.title} publiceren?`}
      breadcrumbs={builderCrumbs(q, [{ label: 'Publiceren' }])}
      action={`${questionnaireHref(q.id)}/publiceren`}
      fields={{ revisie: String(q.revision) }}
      confirmLabel="Publiceren"
      back={{ href: questionnaireHref(q.id), label: 'Nog niet publiceren' }}
    >
      <Paragraph>
        {`${audienceNames[q.audience]} zien de vragenlijst dan en kunnen haar invullen van ${formatDate(q.opens_on)} tot en met ${formatDate(q.closes_on)}.`}
      </Paragraph>
      <Paragraph>
        Zodra de eerste school of het eerste bestuur begint met invullen, kunt u geen onderdelen of vragen
        meer toevoegen, verplaatsen of verwijderen. Teksten en datums kunt u dan nog wel aanpassen.
      </Paragraph>
    </ConfirmPage>
  );
}

/**
 * Back to concept: asks first while nobody answered; once a school or board started, says why it
 * cannot and what to do instead (the structure of an answered questionnaire stays).
 */
export function UnpublishPage({ ctx, q, error }: { ctx: ViewContext; q: QuestionnaireRow; error?: string }) {
  if (q.responses > 0)
    return (
      <Layout
        ctx={ctx}
        title={`${q.title} kan niet terug naar concept`}
        breadcrumbs={builderCrumbs(q, [{ label: 'Terug naar concept' }])}
      >
        <Heading level={1}>{`${q.title} kan niet terug naar concept`}</Heading>
        {error && <FailedSubmitMessage>{error}</FailedSubmitMessage>}
        <Paragraph>
          {`${q.responses} ${q.responses === 1 ? 'school of bestuur is' : 'scholen of besturen zijn'} al begonnen met invullen. Hun antwoorden horen bij deze vragenlijst en blijven bewaard, dus zij blijft gepubliceerd.`}
        </Paragraph>
        <Paragraph>Wat u wel kunt doen:</Paragraph>
        <ul>
          <li>
            <Link href={`${questionnaireHref(q.id)}/gegevens`}>De sluitingsdatum vervroegen</Link>, zodat
            niemand meer nieuwe antwoorden geeft.
          </li>
          <li>
            <Link href={`${questionnaireHref(q.id)}/kopieren`}>Een kopie maken</Link> en die als concept
            aanpassen.
          </li>
        </ul>
        <Paragraph>
          <Link href={questionnaireHref(q.id)}>Terug naar de vragenlijst</Link>
        </Paragraph>
      </Layout>
    );
  return (
    <ConfirmPage
      ctx={ctx}
      title={`${q.title} terugzetten naar concept?`}
      breadcrumbs={builderCrumbs(q, [{ label: 'Terug naar concept' }])}
      action={`${questionnaireHref(q.id)}/terugzetten`}
      fields={{ revisie: String(q.revision) }}
      confirmLabel="Terugzetten naar concept"
      back={{ href: questionnaireHref(q.id), label: 'Gepubliceerd laten' }}
    >
      {error && <FailedSubmitMessage>{error}</FailedSubmitMessage>}
      <Paragraph>
        {`${audienceNames[q.audience]} zien de vragenlijst dan niet meer. Nog niemand is begonnen met invullen, dus er gaan geen antwoorden verloren.`}
      </Paragraph>
      <Paragraph>
        Als concept kunt u onderdelen en vragen weer toevoegen, verplaatsen en verwijderen. Daarna publiceert
        u haar opnieuw.
      </Paragraph>
    </ConfirmPage>
  );
}
