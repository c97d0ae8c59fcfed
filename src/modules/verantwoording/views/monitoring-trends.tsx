// Trends over the rounds: response, schoolscan made and MR consent, for all schools in the
// selection, one chart per measure and one table with all three.
import { Heading, Table } from '../../../ui/components.tsx';
import type { TrendPoint } from '../services/monitoring.ts';
import { BarChart } from './monitoring-charts.tsx';
import { percent } from './monitoring-parts.tsx';

const measures = [
  { key: 'response', label: 'Respons' },
  { key: 'scan', label: 'Schoolscan gemaakt' },
  { key: 'consent', label: 'MR heeft ingestemd' },
] as const;

export function MonitoringTrends({ trends }: { trends: TrendPoint[] }) {
  if (trends.length === 0) return null;
  const label = (t: TrendPoint) => `${t.round.year_label} ${t.round.title}`;
  return (
    <section aria-labelledby="trends-kop">
      <Heading level={2} id="trends-kop">
        Door de jaren heen
      </Heading>
      <figure class="npo-stack">
        {measures.map((m) => (
          <BarChart
            key={m.key}
            id={`grafiek-trend-${m.key}`}
            title={`${m.label} per vragenlijst`}
            description={`${m.label}: het percentage per vragenlijst, van de oudste naar de nieuwste.`}
            bars={trends.map((t) => ({ label: label(t), value: t[m.key] }))}
          />
        ))}
        <Table
          caption="Respons, schoolscan en instemming van de MR per vragenlijst"
          rows={trends}
          rowKey={(t) => t.round.id}
          columns={[
            { header: 'Vragenlijst', cell: label },
            ...measures.map((m) => ({
              header: m.label,
              numeric: true,
              cell: (t: TrendPoint) => percent(t[m.key]),
            })),
          ]}
        />
      </figure>
    </section>
  );
}
