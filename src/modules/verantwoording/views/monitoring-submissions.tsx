// The analist's list of a round's submissions: each school's or board's newest submission, newest
// first, 50 a page, within the dashboard's filters and a search on name or BRIN/vestigingscode.
// A GET form, so it works without JavaScript; each row opens the one submission (audited there).
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, Heading, Link, Paragraph, Table, TextField } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { ListedSubmission } from '../repository/monitoring-list.ts';
import type { RoundDefinition } from '../repository/monitoring-submissions.ts';
import { describeFilter, filterQuery, type MonitoringFilter } from '../services/monitoring-filters.ts';
import { columnLabels, type Column } from '../services/monitoring.ts';
import { submissionListHref } from './monitoring-dashboard.tsx';
import { FilterFields } from './monitoring-filter-fields.tsx';

export interface SubmissionListView {
  round: RoundDefinition;
  filter: MonitoringFilter;
  search: string;
  page: number;
  pages: number;
  total: number;
  rows: ListedSubmission[];
  denominations: string[];
}

export function SubmissionListPage({ ctx, v }: { ctx: ViewContext; v: SubmissionListView }) {
  const schools = v.round.audience === 'school';
  const base = submissionListHref(v.round.id);
  const chosen = [
    ...(schools ? describeFilter(v.filter) : []),
    ...(v.search ? [`zoekterm ‘${v.search}’`] : []),
  ];
  const pageHref = (p: number) =>
    `${base}${filterQuery(v.filter, { zoek: v.search, pagina: p > 1 ? String(p) : '' })}`;
  const form = { values: { ...v.filter, zoek: v.search } as Record<string, string>, errors: {} };
  const title = `Inzendingen: ${v.round.title}`;
  return (
    <Layout
      ctx={ctx}
      title={v.pages > 1 ? `${title} (pagina ${v.page} van ${v.pages})` : title}
      breadcrumbs={[
        { href: '/overzicht', label: 'Overzicht' },
        { href: '/monitoring', label: 'Monitoring' },
        { label: 'Inzendingen' },
      ]}
    >
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>
        {`${v.round.year_label}. Per ${schools ? 'school' : 'bestuur'} de laatst ingediende antwoorden, nieuwste eerst. Als u een inzending opent, wordt dat vastgelegd.`}
      </Paragraph>
      <form method="get" action={base} novalidate class="npo-stack">
        <div class="npo-grid">
          <TextField
            name="zoek"
            label="Zoeken"
            description={`Op (een deel van) de naam, of op BRIN-nummer of vestigingscode${schools ? ' van de school' : ''}`}
            form={form}
          />
          {schools && <FilterFields form={form} denominations={v.denominations} />}
        </div>
        <Button>Inzendingen tonen</Button>
      </form>
      {v.total === 0 ? (
        <Alert type="info">
          {chosen.length
            ? `Er zijn geen inzendingen met ${chosen.join(', ')}. `
            : 'Op deze vragenlijst is nog niets ingediend. '}
          {chosen.length > 0 && <Link href={base}>Alle filters wissen en alle inzendingen tonen</Link>}
        </Alert>
      ) : (
        <>
          <Paragraph>
            {`${v.total.toLocaleString('nl-NL')} ${v.total === 1 ? 'inzending' : 'inzendingen'}${chosen.length ? ` met ${chosen.join(', ')}` : ''}.`}{' '}
            {chosen.length > 0 && <Link href={base}>Filters wissen</Link>}
          </Paragraph>
          <Table
            caption={`Inzendingen, nieuwste eerst${v.pages > 1 ? ` (pagina ${v.page} van ${v.pages})` : ''}`}
            rows={v.rows}
            rowKey={(r) => r.id}
            columns={[
              {
                header: schools ? 'School' : 'Bestuur',
                cell: (r) => <Link href={`/monitoring/inzendingen/${r.id}`}>{r.name}</Link>,
              },
              { header: schools ? 'BRIN en vestiging' : 'Nummer', cell: (r) => r.code ?? '' },
              ...(schools
                ? [
                    {
                      header: 'Sector',
                      cell: (r: ListedSubmission) => columnLabels[r.sector_group as Column] ?? '',
                    },
                  ]
                : []),
              { header: 'Ingediend op', cell: (r) => formatDateTime(new Date(r.submitted_at)) },
              {
                header: 'Keer ingediend',
                numeric: true,
                cell: (r) => String(r.number),
              },
            ]}
          />
          {v.pages > 1 && (
            <nav aria-label="Pagina's">
              <Paragraph>
                {v.page > 1 && <Link href={pageHref(v.page - 1)}>Vorige pagina</Link>}
                {v.page > 1 && v.page < v.pages && ' · '}
                {v.page < v.pages && <Link href={pageHref(v.page + 1)}>Volgende pagina</Link>}
              </Paragraph>
            </nav>
          )}
        </>
      )}
      <Paragraph>
        <Link href="/monitoring">Terug naar de landelijke monitoring</Link>
      </Paragraph>
    </Layout>
  );
}
