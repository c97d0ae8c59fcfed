// The analist's reconciliation: the computed national totals per school year, sector and part,
// split into exact and estimated money, next to the programme's published envelopes.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents, formatNumber } from '../../../platform/i18n/i18n.ts';
import { rowsOf, shares, type Envelope, type ReconcileRow } from '../services/envelopes.ts';

const percent = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1).replace('.', ',')} %`;
const partText = { basis: 'Basisbedrag', toeslag: 'Toeslagen' } as const;
const sectorLabel: Record<string, string> = {
  BO: 'Basisonderwijs',
  SBO: 'Speciaal basisonderwijs',
  SO: 'Speciaal onderwijs',
  VSO: 'Voortgezet speciaal onderwijs',
  VO: 'Voortgezet onderwijs',
};

export function ReconcilePage({
  ctx,
  rows,
  envelopes,
}: {
  ctx: ViewContext;
  rows: ReconcileRow[];
  envelopes: Envelope[];
}) {
  const years = [...new Set(rows.map((r) => r.label))];
  return (
    <Layout
      ctx={ctx}
      title="Aansluiting met de gepubliceerde bedragen"
      breadcrumbs={[{ href: '/beheer/bekostiging', label: 'Bekostiging' }, { label: 'Aansluiting' }]}
    >
      <Heading level={1}>Aansluiting met de gepubliceerde bedragen</Heading>
      <Paragraph>
        Hier staan de berekende landelijke totalen naast de bedragen die voor het programma zijn gepubliceerd.
        Elk berekend bedrag is exact (leerlingtelling of score van de teldatum en een definitief bedrag),
        geschat (een oudere telling of score staat in, of het bedrag is voorlopig) of onbekend (niet te
        berekenen, bijvoorbeeld omdat CUMI-aantallen geen open data zijn).
      </Paragraph>
      <section aria-labelledby="enveloppen">
        <Heading level={2} id="enveloppen">
          Gepubliceerde bedragen
        </Heading>
        <Paragraph>
          Er is geen bedrag per sector gepubliceerd; elk bedrag hieronder geldt voor alle sectoren samen. Het
          deel onbekend is het deel van het gepubliceerde bedrag dat niet als exact of geschat is berekend.
        </Paragraph>
        <Table
          caption="Gepubliceerde bedragen naast de berekende totalen"
          rows={envelopes}
          rowKey={(e) => e.code}
          columns={[
            { header: 'Bedrag', cell: (e) => e.label },
            { header: 'Schooljaren', cell: (e) => e.schoolYears.join(' en ') },
            { header: 'Gepubliceerd', numeric: true, cell: (e) => formatCents(e.amountCents) },
            {
              header: 'Berekend',
              numeric: true,
              cell: (e) => formatCents(shares(rowsOf(e, rows), e.amountCents).computedCents),
            },
            {
              header: 'Exact',
              numeric: true,
              cell: (e) => percent(shares(rowsOf(e, rows), e.amountCents).exactShare),
            },
            {
              header: 'Geschat',
              numeric: true,
              cell: (e) => percent(shares(rowsOf(e, rows), e.amountCents).estimatedShare),
            },
            {
              header: 'Onbekend',
              numeric: true,
              cell: (e) => percent(shares(rowsOf(e, rows), e.amountCents).unknownShare),
            },
            {
              header: 'Bron',
              cell: (e) => (
                <>
                  <Link href={e.source}>bron</Link> ({e.status})
                </>
              ),
            },
          ]}
        />
      </section>
      {years.length === 0 && <Paragraph>Er zijn nog geen bedragen berekend.</Paragraph>}
      {years.map((label) => {
        const ofYear = rows.filter((r) => r.label === label);
        const total = shares(ofYear);
        const id = `aansluiting-${label}`;
        return (
          <section aria-labelledby={id} key={label}>
            <Heading level={2} id={id}>
              Schooljaar {label}
            </Heading>
            <Paragraph>
              Berekend: {formatCents(total.computedCents)}, waarvan {formatCents(total.exactCents)} exact (
              {percent(total.exactShare)}) en {formatCents(total.estimatedCents)} geschat (
              {percent(total.estimatedShare)}). {formatNumber(total.unknownLines)} regels hebben geen bedrag
              (onbekend).
            </Paragraph>
            <Table
              caption={`Berekende bedragen ${label} per sector`}
              rows={ofYear}
              rowKey={(r) => `${r.sector}-${r.part}`}
              columns={[
                { header: 'Sector', cell: (r) => sectorLabel[r.sector] ?? r.sector },
                { header: 'Onderdeel', cell: (r) => partText[r.part] },
                { header: 'Scholen', numeric: true, cell: (r) => formatNumber(r.schools) },
                { header: 'Exact', numeric: true, cell: (r) => formatCents(r.exactCents) },
                { header: 'Geschat', numeric: true, cell: (r) => formatCents(r.estimatedCents) },
                { header: 'Aandeel exact', numeric: true, cell: (r) => percent(shares([r]).exactShare) },
                {
                  header: 'Onbekend',
                  cell: (r) =>
                    r.unknownLines === 0
                      ? 'geen'
                      : `${formatNumber(r.unknownLines)} regels bij ${formatNumber(r.unknownSchools)} scholen`,
                },
              ]}
            />
          </section>
        );
      })}
    </Layout>
  );
}
