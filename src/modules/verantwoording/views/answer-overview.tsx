// One questionnaire for one school or board: its sections with their status, the way to check
// and submit, and every earlier submission with its receipt.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { Section } from '../services/definition.ts';
import type { Window } from '../services/submit.ts';
import { answerCrumbs, questionnaireBase, WindowMessage, type OrgRef } from './answer-parts.tsx';

export type SectionStatus = 'klaar' | 'bezig' | 'vooraf-ingevuld' | 'leeg';

const statusText: Record<SectionStatus, string> = {
  klaar: 'Klaar',
  bezig: 'Nog niet compleet',
  'vooraf-ingevuld': 'Deels ingevuld vanuit het platform; nog bekijken',
  leeg: 'Nog niet begonnen',
};

export interface SubmissionRef {
  number: number;
  submitted_at: Date;
  submittedByName: string | null;
}

export interface OverviewModel {
  questionnaire: {
    id: number;
    title: string;
    intro: string;
    yearLabel: string;
    opens_on: string;
    closes_on: string;
  };
  window: Window;
  sections: Array<{ section: Section; status: SectionStatus }>;
  submissions: SubmissionRef[];
  /** The working copy changed after the newest submission. */
  changedSinceSubmit: boolean;
  done?: string;
}

const doneText: Record<string, string> = {
  ingediend:
    'Uw antwoorden zijn ingediend. U krijgt een ontvangstbevestiging per e-mail; hieronder kunt u die ook als PDF downloaden.',
  opgeslagen: 'Uw antwoorden zijn opgeslagen.',
};

export function AnswerOverviewPage({ ctx, org, m }: { ctx: ViewContext; org: OrgRef; m: OverviewModel }) {
  const q = m.questionnaire;
  const base = questionnaireBase(org, q.id);
  const allDone = m.sections.every((s) => s.status === 'klaar' || s.status === 'vooraf-ingevuld');
  return (
    <Layout ctx={ctx} title={`${q.title} - ${org.name}`} breadcrumbs={answerCrumbs(org, [], q)}>
      <Heading level={1}>{q.title}</Heading>
      {m.done && doneText[m.done] && <Alert type="ok">{doneText[m.done]}</Alert>}
      <Paragraph lead>
        {org.name}, schooljaar {q.yearLabel}.
      </Paragraph>
      {q.intro && <Paragraph>{q.intro}</Paragraph>}
      <WindowMessage window={m.window} opensOn={q.opens_on} closesOn={q.closes_on} />
      <Heading level={2}>Onderdelen</Heading>
      <Table
        caption="De onderdelen van de vragenlijst en hoe ver u bent"
        rows={m.sections}
        rowKey={(s) => s.section.key}
        columns={[
          {
            header: 'Onderdeel',
            cell: (s) => <Link href={`${base}/onderdelen/${s.section.key}`}>{s.section.title}</Link>,
          },
          { header: 'Status', cell: (s) => statusText[s.status] },
        ]}
      />
      {m.window === 'open' && (
        <>
          <Heading level={2}>Indienen</Heading>
          {m.submissions.length > 0 && !m.changedSinceSubmit ? (
            <Paragraph>
              Uw laatste inzending is nog actueel. Wijzigt u iets, dan kunt u opnieuw indienen tot de
              sluitingsdatum; elke inzending blijft bewaard.
            </Paragraph>
          ) : (
            <Paragraph>
              {allDone
                ? 'Alle onderdelen zijn ingevuld. Controleer uw antwoorden en dien ze in.'
                : 'Op de controlepagina ziet u welke verplichte vragen nog open staan.'}
            </Paragraph>
          )}
          <Paragraph>
            <Link href={`${base}/controleren`}>Antwoorden controleren en indienen</Link>
          </Paragraph>
        </>
      )}
      <Heading level={2}>Inzendingen</Heading>
      {m.submissions.length ? (
        <Table
          caption="Alle inzendingen van deze vragenlijst, nieuwste eerst"
          rows={m.submissions}
          rowKey={(s) => s.number}
          columns={[
            { header: 'Inzending', cell: (s) => `Nummer ${s.number}` },
            { header: 'Ingediend op', cell: (s) => formatDateTime(s.submitted_at) },
            { header: 'Door', cell: (s) => s.submittedByName ?? 'Onbekend' },
            {
              header: 'Ontvangstbevestiging',
              cell: (s) => (
                <Link href={`${base}/inzendingen/${s.number}.pdf`}>Inzending {s.number} als PDF</Link>
              ),
            },
          ]}
        />
      ) : (
        <Paragraph>Er is nog niets ingediend.</Paragraph>
      )}
    </Layout>
  );
}
