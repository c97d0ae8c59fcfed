// The analist's list of questionnaires, per school year and audience, with the way to a new one.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { QuestionnaireSummary } from '../repository/questionnaires.ts';
import {
  audienceNames,
  builderBase,
  builderCrumbs,
  questionnaireHref,
  statusNames,
} from './builder-parts.tsx';

export function BuilderListPage({
  ctx,
  rows,
  done,
}: {
  ctx: ViewContext;
  rows: QuestionnaireSummary[];
  done?: string;
}) {
  const years = [...new Set(rows.map((r) => r.school_year_label))];
  return (
    <Layout ctx={ctx} title="Vragenlijsten" breadcrumbs={builderCrumbs()}>
      <Heading level={1}>Vragenlijsten</Heading>
      {done && <Alert type="ok">{done}</Alert>}
      <Paragraph lead>
        Schoolleiders en besturen vullen deze vragenlijsten in. U maakt een nieuwe vragenlijst, of kopieert
        een bestaande en past die aan.
      </Paragraph>
      <p class="nl-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href={`${builderBase}/nieuw`}
        >
          Nieuwe vragenlijst
        </a>
      </p>
      {rows.length === 0 && <Paragraph>Er zijn nog geen vragenlijsten.</Paragraph>}
      {years.map((label) => (
        <section key={label} aria-labelledby={`jaar-${label}`}>
          <Heading level={2} id={`jaar-${label}`}>
            Schooljaar {label}
          </Heading>
          {(['school', 'bestuur'] as const).map((audience) => {
            const list = rows.filter((r) => r.school_year_label === label && r.audience === audience);
            if (!list.length) return null;
            return (
              <Table
                key={audience}
                caption={`${audienceNames[audience]}, schooljaar ${label}`}
                rowKey={(r) => r.id}
                rows={list}
                columns={[
                  {
                    header: 'Vragenlijst',
                    cell: (r) => <Link href={questionnaireHref(r.id)}>{r.title}</Link>,
                  },
                  { header: 'Status', cell: (r) => statusNames[r.status] },
                  {
                    header: 'Open',
                    cell: (r) => `${formatDate(r.opens_on)} tot en met ${formatDate(r.closes_on)}`,
                  },
                  { header: 'Begonnen', cell: (r) => r.responses, numeric: true },
                ]}
              />
            );
          })}
        </section>
      ))}
    </Layout>
  );
}
