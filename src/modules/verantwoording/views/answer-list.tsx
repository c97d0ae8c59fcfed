// The organisation's questionnaires: open ones first to answer, then the rest, each with where
// this school or board stands (not started, busy, submitted) and until when it can answer.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { Window } from '../services/submit.ts';
import { answerCrumbs, questionnaireBase, type OrgRef } from './answer-parts.tsx';

export interface ListItem {
  id: number;
  title: string;
  yearLabel: string;
  opensOn: string;
  closesOn: string;
  window: Window;
  /** 0: never submitted; null: not started. */
  submittedNumber: number | null;
}

const windowText: Record<Window, string> = {
  open: 'Open',
  'nog-niet-open': 'Nog niet open',
  gesloten: 'Gesloten',
};

export function progressText(i: { submittedNumber: number | null }): string {
  if (i.submittedNumber === null) return 'Nog niet begonnen';
  if (i.submittedNumber === 0) return 'Bezig, nog niet ingediend';
  return i.submittedNumber === 1 ? 'Ingediend' : `Ingediend (${i.submittedNumber} keer)`;
}

export function AnswerListPage({ ctx, org, items }: { ctx: ViewContext; org: OrgRef; items: ListItem[] }) {
  const who = org.audience === 'school' ? 'de schoolleider' : 'het bestuur';
  const open = items.filter((i) => i.window === 'open');
  const rest = items.filter((i) => i.window !== 'open');
  const table = (rows: ListItem[], caption: string) => (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(i) => i.id}
      columns={[
        { header: 'Vragenlijst', cell: (i) => <Link href={questionnaireBase(org, i.id)}>{i.title}</Link> },
        { header: 'Schooljaar', cell: (i) => i.yearLabel },
        { header: 'Open', cell: (i) => `${formatDate(i.opensOn)} tot en met ${formatDate(i.closesOn)}` },
        { header: 'Status', cell: (i) => windowText[i.window] },
        { header: 'Uw antwoorden', cell: (i) => progressText(i) },
      ]}
    />
  );
  return (
    <Layout ctx={ctx} title={`Vragenlijsten - ${org.name}`} breadcrumbs={answerCrumbs(org)}>
      <Heading level={1}>Vragenlijsten van {org.name}</Heading>
      <Paragraph lead>
        Het ministerie vraagt {who} een paar keer per jaar hoe het Nationaal Programma Onderwijs verloopt.
        Veel antwoorden staan al klaar vanuit het platform; u controleert en vult aan.
      </Paragraph>
      <Heading level={2}>Nu open</Heading>
      {open.length ? (
        table(open, 'Vragenlijsten die nu open zijn')
      ) : (
        <Paragraph>Er is nu geen vragenlijst open.</Paragraph>
      )}
      <Heading level={2}>Eerder en later</Heading>
      {rest.length ? (
        table(rest, 'Gesloten en nog niet geopende vragenlijsten')
      ) : (
        <Paragraph>Er zijn geen andere vragenlijsten.</Paragraph>
      )}
    </Layout>
  );
}
