// Building blocks of the monitoring pages: a hidden figure in words, a table of shares by sector
// with its chart, a table of money per category, shared by the analist's dashboard and the
// public open data page.
import { formatCents } from '../../../platform/i18n/i18n.ts';
import { Heading, Paragraph, Table } from '../../../ui/components.tsx';
import { columnLabels, columns, type AmountRow, type ShareRow } from '../services/monitoring.ts';
import { minimumCell, type Shown } from '../services/suppress.ts';
import { BarChart } from './monitoring-charts.tsx';

export const hiddenText = 'verborgen';

export const percent = (v: Shown<number>) => (v.hidden ? hiddenText : `${v.value.toLocaleString('nl-NL')}%`);
export const count = (v: Shown<number>) => (v.hidden ? hiddenText : v.value.toLocaleString('nl-NL'));
export const money = (v: Shown<number>) => (v.hidden ? hiddenText : formatCents(v.value));

export function SuppressionNote() {
  return (
    <Paragraph>
      Een cijfer over minder dan {minimumCell} scholen staat er niet: daar staat "{hiddenText}". Ook een
      aandeel waarbij de rest minder dan {minimumCell} scholen is, en een cijfer dat met een totaal terug te
      rekenen zou zijn, is verborgen. Zo is geen enkele school te herkennen.
    </Paragraph>
  );
}

/** A chart of the total column and a table of every column, for rows of shares. */
export function ShareFigure({
  id,
  title,
  description,
  caption,
  rows,
  chartRows = rows,
}: {
  id: string;
  title: string;
  description: string;
  caption: string;
  rows: ShareRow[];
  chartRows?: ShareRow[];
}) {
  return (
    <section aria-labelledby={`${id}-kop`}>
      <Heading level={2} id={`${id}-kop`}>
        {title}
      </Heading>
      <figure class="npo-stack">
        <BarChart
          id={`grafiek-${id}`}
          title={`${title}: aandeel van alle scholen in de selectie`}
          description={description}
          bars={chartRows.map((r) => ({ label: r.label, value: r.cells.totaal }))}
        />
        <Table
          caption={caption}
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { header: 'Onderwerp', cell: (r) => r.label },
            ...columns.map((c) => ({
              header: columnLabels[c],
              numeric: true,
              cell: (r: ShareRow) => percent(r.cells[c]),
            })),
          ]}
        />
      </figure>
    </section>
  );
}

/** Money per category A–F: a chart of the amounts and a table with the count behind each. */
export function AmountFigure({
  id,
  title,
  caption,
  unit,
  rows,
  total,
}: {
  id: string;
  title: string;
  caption: string;
  unit: 'scholen' | 'besturen';
  rows: AmountRow[];
  total: AmountRow;
}) {
  const max = Math.max(1, ...rows.map((r) => (r.cents.hidden ? 0 : r.cents.value / 100)));
  return (
    <figure class="npo-stack">
      <BarChart
        id={`grafiek-${id}`}
        title={title}
        description={`Uitgegeven bedrag per categorie van de menukaart, in euro's. Een categorie met minder dan ${minimumCell} ${unit} is verborgen.`}
        max={max}
        format={(v) => `€ ${Math.round(v).toLocaleString('nl-NL')}`}
        bars={rows.map((r) => ({
          label: r.label,
          value: r.cents.hidden ? r.cents : { hidden: false, value: r.cents.value / 100 },
        }))}
      />
      <Table
        caption={caption}
        rows={[...rows, total]}
        rowKey={(r) => r.key}
        columns={[
          { header: 'Categorie', cell: (r) => r.label },
          { header: `Aantal ${unit}`, numeric: true, cell: (r) => count(r.count) },
          { header: 'Bedrag', numeric: true, cell: (r) => money(r.cents) },
        ]}
      />
    </figure>
  );
}
