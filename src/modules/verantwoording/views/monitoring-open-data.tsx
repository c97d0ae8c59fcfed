// The public open data page of verantwoording: national figures from the questionnaires and the
// boards' annual reports, small cells hidden, with the two CSV files to download.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import type { OpenData } from '../services/monitoring-open-data.ts';
import { AmountFigure, count, percent, ShareFigure, SuppressionNote } from './monitoring-parts.tsx';
import { MonitoringTrends } from './monitoring-trends.tsx';

export const openDataBase = '/open-data/verantwoording';

export function OpenDataPage({ ctx, data }: { ctx: ViewContext; data: OpenData }) {
  const latest =
    [...data.perRound].reverse().find((p) => p.shares[0]!.rows[0]!.cells.totaal.value !== null) ??
    data.perRound.at(-1);
  return (
    <Layout
      ctx={ctx}
      title="Open data: verantwoording"
      breadcrumbs={[{ href: '/', label: 'Home' }, { label: 'Open data: verantwoording' }]}
    >
      <Heading level={1}>Open data: verantwoording</Heading>
      <Paragraph lead>
        Elk schooljaar beantwoorden schoolleiders een korte vragenlijst over het programma en verantwoorden
        besturen zich in hun jaarverslag. Hier staan de landelijke cijfers daarvan, opgeteld over alle
        scholen.
      </Paragraph>
      <SuppressionNote />
      <Heading level={2}>Downloaden</Heading>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <Link href={`${openDataBase}/aandelen.csv`}>
            Aandelen per vragenlijst, onderwerp en sector (CSV)
          </Link>
        </li>
        <li class="utrecht-unordered-list__item">
          <Link href={`${openDataBase}/besteding.csv`}>Besteding per categorie van de menukaart (CSV)</Link>
        </li>
      </ul>
      {data.rounds.length === 0 ? (
        <Paragraph>Er zijn nog geen vragenlijsten gepubliceerd.</Paragraph>
      ) : (
        <>
          <Heading level={2}>Respons</Heading>
          <Table
            caption="Respons per vragenlijst"
            rows={data.responses}
            rowKey={(r) => r.round.id}
            columns={[
              { header: 'Vragenlijst', cell: (r) => `${r.round.year_label}: ${r.round.title}` },
              { header: 'Uitgenodigd', numeric: true, cell: (r) => count(r.eligible) },
              { header: 'Ingediend', numeric: true, cell: (r) => count(r.submitted) },
              { header: 'Respons', numeric: true, cell: (r) => percent(r.rate) },
            ]}
          />
          <MonitoringTrends trends={data.trends} />
          {latest && (
            <>
              <Heading level={2}>
                {latest.round.year_label}: {latest.round.title}
              </Heading>
              <ShareFigure
                id="open-schoolscan-mr"
                title="Schoolscan en instemming van de MR"
                description="Het deel van de scholen die de vraag beantwoordden dat ja zei."
                caption="Aandeel scholen dat ja antwoordde, per sector"
                rows={[...latest.shares[0]!.rows, ...latest.shares[1]!.rows]}
              />
              <ShareFigure
                id="open-aandachtsgebieden"
                title="Aandachtsgebieden"
                description="Het deel van de scholen die de vragenlijst indienden dat dit gebied noemde."
                caption="Aandeel scholen per aandachtsgebied, per sector"
                rows={latest.shares[2]!.rows}
              />
              {latest.shares[3]!.rows.length > 0 && (
                <ShareFigure
                  id="open-interventies"
                  title="Gekozen interventies"
                  description="De 15 vaakst gekozen interventies: het deel van de scholen die de vragenlijst indienden dat de interventie inzet."
                  caption="Aandeel scholen per interventie van de menukaart, per sector"
                  rows={latest.shares[3]!.rows}
                  chartRows={latest.shares[3]!.rows.slice(0, 15)}
                />
              )}
              <Heading level={2}>Besteding volgens de scholen</Heading>
              <AmountFigure
                id="open-besteding"
                title="Besteding per categorie volgens de vragenlijst van de scholen"
                caption="Besteding per categorie volgens de scholen, met het aantal scholen per bedrag"
                unit="scholen"
                {...latest.spending}
              />
            </>
          )}
          {data.boardSpending.map((y) => (
            <div key={y.year}>
              <Heading level={2}>Besteding volgens de jaarverslagen over {y.year}</Heading>
              <AmountFigure
                id={`open-besteding-besturen-${y.year}`}
                title={`Besteding per categorie volgens de bevestigde jaarverslagen over ${y.year}`}
                caption={`Besteding per categorie volgens de besturen over ${y.year}, met het aantal besturen per bedrag`}
                unit="besturen"
                rows={y.rows}
                total={y.total}
              />
            </div>
          ))}
        </>
      )}
    </Layout>
  );
}
