// The analist's national dashboard: filters, then per subject a chart with a table beside it.
// Every figure is about at least 5 schools; smaller ones read "verborgen".
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  DataSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
} from '../../../ui/components.tsx';
import type { MonitoringData } from '../services/monitoring-load.ts';
import { describeFilter, filterQuery, type MonitoringFilter } from '../services/monitoring-filters.ts';
import { FilterFields } from './monitoring-filter-fields.tsx';
import { BarChart } from './monitoring-charts.tsx';
import { AmountFigure, count, percent, ShareFigure, SuppressionNote } from './monitoring-parts.tsx';
import { MonitoringTrends } from './monitoring-trends.tsx';

export const csvHref = (roundId: number) => `/monitoring/vragenlijsten/${roundId}/antwoorden.csv`;
export const submissionListHref = (roundId: number) => `/monitoring/vragenlijsten/${roundId}/inzendingen`;

function Filters({
  data,
  filter,
  denominations,
}: {
  data: MonitoringData;
  filter: MonitoringFilter;
  denominations: string[];
}) {
  const form = {
    values: { ...filter, vragenlijst: data.round ? String(data.round.id) : '' } as Record<string, string>,
    errors: {},
  };
  return (
    <form method="get" action="/monitoring" novalidate class="npo-stack">
      <div class="npo-grid">
        <SelectField
          name="vragenlijst"
          label="Vragenlijst"
          form={form}
          options={data.rounds
            .filter((r) => r.audience === 'school')
            .map((r) => ({ value: String(r.id), label: `${r.year_label}: ${r.title}` }))}
        />
        <FilterFields form={form} denominations={denominations} />
      </div>
      <Button>Cijfers tonen</Button>
    </form>
  );
}

export function MonitoringPage({
  ctx,
  data,
  filter,
  denominations,
}: {
  ctx: ViewContext;
  data: MonitoringData;
  filter: MonitoringFilter;
  denominations: string[];
}) {
  const chosen = describeFilter(filter);
  const round = data.round;
  return (
    <Layout
      ctx={ctx}
      title="Landelijke monitoring"
      breadcrumbs={[{ href: '/overzicht', label: 'Overzicht' }, { label: 'Monitoring' }]}
    >
      <Heading level={1}>Landelijke monitoring</Heading>
      <Paragraph lead>
        Wat scholen en besturen in de vragenlijsten antwoordden, opgeteld over alle scholen in uw selectie. U
        ziet alleen totalen, nooit het schoolprogramma of de schoolscan van een school.
      </Paragraph>
      <Filters data={data} filter={filter} denominations={denominations} />
      <SuppressionNote />
      {data.rounds.length === 0 ? (
        <Alert type="info">
          Er is nog geen gepubliceerde vragenlijst. Zodra scholen antwoorden, staan hier de cijfers.
        </Alert>
      ) : data.empty ? (
        <Alert type="warning">
          Er zijn geen scholen met {chosen.length ? chosen.join(', ') : 'deze keuze'}. Kies minder of andere
          filters en toon de cijfers opnieuw.
        </Alert>
      ) : (
        <>
          {data.tooFew && (
            <Alert type="warning">
              In deze selectie zitten minder dan 5 scholen. Daarom zijn alle cijfers verborgen. Kies minder
              filters om cijfers te zien.
            </Alert>
          )}
          <DataSummary
            items={[
              { key: 'Selectie', value: chosen.length ? chosen.join(', ') : 'Alle scholen' },
              { key: 'Vragenlijst', value: round ? `${round.year_label}: ${round.title}` : 'geen' },
              {
                key: 'Scholen in de selectie',
                value: data.tooFew ? 'minder dan 5' : data.schoolsInScope.toLocaleString('nl-NL'),
              },
            ]}
          />
          <section aria-labelledby="respons-kop">
            <Heading level={2} id="respons-kop">
              Respons per vragenlijst
            </Heading>
            <figure class="npo-stack">
              <BarChart
                id="grafiek-respons"
                title="Respons per vragenlijst"
                description="Het deel van de scholen (of besturen) in de selectie dat de vragenlijst indiende."
                bars={data.responses.map((r) => ({
                  label: `${r.round.year_label} ${r.round.title}`,
                  value: r.rate,
                }))}
              />
              <Table
                caption="Respons per vragenlijst: aantal uitgenodigd, aantal ingediend en het percentage"
                rows={data.responses}
                rowKey={(r) => r.round.id}
                columns={[
                  { header: 'Vragenlijst', cell: (r) => `${r.round.year_label}: ${r.round.title}` },
                  { header: 'Voor', cell: (r) => (r.round.audience === 'school' ? 'scholen' : 'besturen') },
                  { header: 'Uitgenodigd', numeric: true, cell: (r) => count(r.eligible) },
                  { header: 'Ingediend', numeric: true, cell: (r) => count(r.submitted) },
                  { header: 'Respons', numeric: true, cell: (r) => percent(r.rate) },
                  {
                    header: 'Antwoorden',
                    cell: (r) => (
                      <>
                        <Link
                          href={`${submissionListHref(r.round.id)}${r.round.audience === 'school' ? filterQuery(filter) : ''}`}
                        >
                          Inzendingen<span class="npo-visually-hidden"> van {r.round.title}</span>
                        </Link>
                        {' · '}
                        <Link href={csvHref(r.round.id)}>
                          CSV<span class="npo-visually-hidden"> van {r.round.title}</span>
                        </Link>
                      </>
                    ),
                  },
                ]}
              />
            </figure>
            <Paragraph>
              Onder Inzendingen staat per vragenlijst de lijst van scholen of besturen die haar indienden,
              binnen uw selectie; van daaruit opent u één inzending (dat wordt vastgelegd). Het CSV-bestand
              bevat elke inzending van de vragenlijst, één regel per inzending (ook van scholen buiten uw
              selectie). Het downloaden wordt ook vastgelegd.
            </Paragraph>
          </section>
          {round && data.scan && data.consent && (
            <ShareFigure
              id="schoolscan-mr"
              title="Schoolscan en instemming van de MR"
              description="Het deel van de scholen die de vraag beantwoordden dat ja zei."
              caption={`Aandeel scholen dat ja antwoordde, per sector (${round.year_label})`}
              rows={[data.scan, data.consent]}
            />
          )}
          <ShareFigure
            id="aandachtsgebieden"
            title="Aandachtsgebieden"
            description="Het deel van de scholen die de vragenlijst indienden dat dit gebied noemde."
            caption="Aandeel scholen per aandachtsgebied, per sector"
            rows={data.focus}
          />
          {data.interventions.length > 0 ? (
            <ShareFigure
              id="interventies"
              title="Gekozen interventies"
              description="De 15 vaakst gekozen interventies: het deel van de scholen die de vragenlijst indienden dat de interventie inzet. De tabel toont ze allemaal."
              caption="Aandeel scholen per interventie van de menukaart, per sector"
              rows={data.interventions}
              chartRows={data.interventions.slice(0, 15)}
            />
          ) : (
            <Paragraph>Voor deze vragenlijst zijn nog geen interventies opgegeven.</Paragraph>
          )}
          <section aria-labelledby="besteding-kop">
            <Heading level={2} id="besteding-kop">
              Besteding per categorie
            </Heading>
            <Paragraph>
              Twee bronnen, die apart staan omdat ze elkaar overlappen: wat scholen in de vragenlijst opgaven,
              en wat besturen in hun bevestigde jaarverslag per kalenderjaar verantwoordden.
            </Paragraph>
            {data.spending && (
              <>
                <Heading level={3}>Volgens de scholen ({round?.year_label})</Heading>
                <AmountFigure
                  id="besteding-scholen"
                  title="Besteding per categorie volgens de vragenlijst van de scholen"
                  caption="Besteding per categorie volgens de scholen, met het aantal scholen per bedrag"
                  unit="scholen"
                  {...data.spending}
                />
                <Paragraph>
                  Gemiddeld aandeel personeel niet in loondienst (PNIL) volgens de scholen:{' '}
                  {data.pnil ? percent(data.pnil) : 'niet gevraagd'}.
                </Paragraph>
              </>
            )}
            {data.boardSpending.length === 0 ? (
              <Paragraph>Er is nog geen bevestigd jaarverslag van een bestuur in deze selectie.</Paragraph>
            ) : (
              data.boardSpending.map((y) => (
                <div key={y.year}>
                  <Heading level={3}>Volgens de jaarverslagen van de besturen over {y.year}</Heading>
                  <AmountFigure
                    id={`besteding-besturen-${y.year}`}
                    title={`Besteding per categorie volgens de bevestigde jaarverslagen over ${y.year}`}
                    caption={`Besteding per categorie volgens de besturen over ${y.year}, met het aantal besturen per bedrag`}
                    unit="besturen"
                    rows={y.rows}
                    total={y.total}
                  />
                </div>
              ))
            )}
          </section>
          <MonitoringTrends trends={data.trends} />
        </>
      )}
    </Layout>
  );
}
