// Pieces the answering pages share: addresses, breadcrumbs, the message about the answering
// window and the read-back of one answer.
import type { Crumb } from '../../../ui/layout.tsx';
import { Alert, Paragraph } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { Audience } from '../tables.ts';
import type { Window } from '../services/submit.ts';

export interface OrgRef {
  id: number;
  name: string;
  audience: Audience;
}

/** /scholen/12/verantwoording or /besturen/3/verantwoording. */
export const answerBase = (org: { id: number; audience: Audience }) =>
  `${org.audience === 'school' ? '/scholen' : '/besturen'}/${org.id}/verantwoording`;
export const questionnaireBase = (org: { id: number; audience: Audience }, questionnaireId: number) =>
  `${answerBase(org)}/${questionnaireId}`;

export function answerCrumbs(
  org: OrgRef,
  extra: Crumb[] = [],
  questionnaire?: { id: number; title: string },
): Crumb[] {
  const crumbs: Crumb[] = [
    { href: '/overzicht', label: 'Overzicht' },
    { href: answerBase(org), label: 'Vragenlijsten' },
  ];
  if (questionnaire)
    crumbs.push(
      extra.length
        ? { href: questionnaireBase(org, questionnaire.id), label: questionnaire.title }
        : { label: questionnaire.title },
    );
  const all = [...crumbs, ...extra];
  // The last crumb is the page itself: no link.
  const last = all[all.length - 1]!;
  all[all.length - 1] = { label: last.label };
  return all;
}

/** Whether answers can still change, said plainly. */
export function WindowMessage({
  window,
  opensOn,
  closesOn,
}: {
  window: Window;
  opensOn: string;
  closesOn: string;
}) {
  if (window === 'gesloten')
    return (
      <Alert type="warning">
        Deze vragenlijst is gesloten sinds {formatDate(closesOn)}. U kunt uw antwoorden en inzendingen nog
        lezen, maar niet meer wijzigen of indienen.
      </Alert>
    );
  if (window === 'nog-niet-open')
    return (
      <Alert type="info">
        Deze vragenlijst gaat open op {formatDate(opensOn)}. Daarna kunt u de vragen beantwoorden.
      </Alert>
    );
  return <Paragraph>U kunt antwoorden en (opnieuw) indienen tot en met {formatDate(closesOn)}.</Paragraph>;
}

export function AnswerLines({ lines }: { lines: string[] }) {
  if (lines.length === 1) return <span>{lines[0]}</span>;
  return (
    <ul class="utrecht-unordered-list">
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

export const prefilledMark = 'Ingevuld vanuit het platform';
