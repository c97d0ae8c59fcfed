// All submitted versions of the plan: number, date, status, the adopted one marked, and where the
// plan stands (e.g. the draft differs from the adopted version).
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { VersionListRow } from '../repository/versions.ts';
import { statusOf, versionStatusLabels } from '../services/consent.ts';
import { planBase } from './base.ts';
import { consentCrumbs, type SchoolRef } from './snapshot-view.tsx';

export function VersionsPage({
  ctx,
  school,
  versions,
  adoptedNumber,
  sentence,
  canSubmit,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  versions: VersionListRow[];
  adoptedNumber: number | null;
  sentence: string;
  canSubmit: boolean;
}) {
  const base = planBase(school.id);
  return (
    <Layout
      ctx={ctx}
      title={`Versies van het schoolprogramma – ${school.name}`}
      breadcrumbs={consentCrumbs(school, [{ label: 'Versies' }])}
    >
      <Heading level={1}>Versies van het schoolprogramma</Heading>
      <Alert type="info">{sentence}</Alert>
      <Paragraph>
        Een ingediende versie verandert nooit meer. Het besluit van de MR hoort bij precies één versie. De
        versie met instemming is het plan dat nu geldt.
      </Paragraph>
      {canSubmit && (
        <Paragraph>
          <Link href={`${base}/indienen`}>Het concept indienen bij de MR</Link>
        </Paragraph>
      )}
      {versions.length === 0 ? (
        <Paragraph>Er is nog geen versie ingediend.</Paragraph>
      ) : (
        <Table
          caption="Ingediende versies, nieuwste eerst"
          rows={versions}
          rowKey={(v) => v.id}
          columns={[
            {
              header: 'Versie',
              cell: (v) => (
                <>
                  <Link href={`${base}/versies/${v.number}`}>Versie {v.number}</Link>
                  {v.number === adoptedNumber && <strong> (geldend plan)</strong>}
                </>
              ),
            },
            { header: 'Ingediend', cell: (v) => formatDateTime(v.submitted_at) },
            { header: 'Door', cell: (v) => v.submittedByName ?? '–' },
            {
              header: 'Status',
              cell: (v) =>
                `${versionStatusLabels[statusOf(v.decision)]}${v.meeting_on ? ` (vergadering ${formatDate(v.meeting_on)})` : ''}`,
            },
            {
              header: 'Verschil',
              cell: (v) => (
                <Link href={`${base}/versies/${v.number}/verschil`}>
                  {v.number === 1 ? 'Alles is nieuw' : `Verschil met versie ${v.number - 1}`}
                </Link>
              ),
            },
          ]}
        />
      )}
      <Paragraph>
        <Link href={`${base}/samenvatting`}>Samenvatting voor ouders</Link>
      </Paragraph>
    </Layout>
  );
}
