// The builder's confirmation pages: deleting a section or a question, and publishing.
import type { ViewContext } from '../../../ui/context.ts';
import { ConfirmPage } from '../../../ui/confirm-page.tsx';
import { Paragraph } from '../../../ui/components.tsx';
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
