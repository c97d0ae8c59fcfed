// The explanation of the scales: effect, evidence and cost, and where the ratings come from.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents, formatNumber } from '../../../platform/i18n/i18n.ts';
import { catalogueFile, checks, euros, formatEffect, scales } from '../services/scales.ts';
import { crumb } from './menu-parts.tsx';

export function ScalesPage({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout
      ctx={ctx}
      title="Zo leest u de scores"
      section="/menukaart"
      breadcrumbs={[crumb, { label: 'Uitleg van de scores' }]}
    >
      <Heading level={1}>Zo leest u de scores</Heading>
      <Paragraph lead>
        Elke interventie heeft drie scores: het verwachte effect, de sterkte van het bewijs en de kosten. Ze
        komen uit de Teaching and Learning Toolkit van de Education Endowment Foundation (EEF), vertaald door
        het NRO.
      </Paragraph>
      <section aria-labelledby="effect">
        <Heading level={2} id="effect">
          Effect: +1 tot +12 maanden
        </Heading>
        <Paragraph>
          Het effect is het aantal {scales.effect.unit}. '+5 maanden' betekent: leerlingen die de interventie
          krijgen, gaan in een jaar gemiddeld vijf maanden meer vooruit dan vergelijkbare leerlingen zonder de
          interventie. Het is een gemiddelde uit veel onderzoeken; op een school kan het effect groter of
          kleiner uitvallen.
        </Paragraph>
        <Table
          caption="Maanden extra leerwinst en de bijbehorende effectgrootte"
          rowKey={(b) => b.months}
          rows={scales.effect.bands}
          columns={[
            { header: 'Maanden', cell: (b) => formatEffect(b.months), numeric: true },
            {
              header: 'Effectgrootte',
              cell: (b) => `${b.esMin.toLocaleString('nl-NL')} tot ${b.esMax.toLocaleString('nl-NL')}`,
            },
            { header: 'Betekenis', cell: (b) => b.label },
          ]}
        />
        <Paragraph>
          Bron: <Link href={scales.effect.source}>{scales.effect.source}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="bewijs">
        <Heading level={2} id="bewijs">
          Bewijskracht: ✓ tot ✓✓✓✓✓
        </Heading>
        <Paragraph>
          Het aantal vinkjes zegt hoe zeker het effect is: hoeveel onderzoeken er zijn, hoe goed ze zijn en
          hoe goed ze met elkaar overeenkomen. De EEF toont hiervoor hangsloten. ✓✓✓ betekent redelijk bewijs.
        </Paragraph>
        <Table
          caption="Vinkjes en wat ze betekenen"
          rowKey={(r) => r[0]}
          rows={Object.entries(scales.evidence.labels)}
          columns={[
            {
              header: 'Vinkjes',
              cell: (r) => <span aria-label={`${r[0]} vinkjes`}>{checks(Number(r[0]))}</span>,
            },
            { header: 'Bewijs', cell: (r) => r[1] },
          ]}
        />
        <Paragraph>{scales.evidence.note}</Paragraph>
      </section>
      <section aria-labelledby="kosten">
        <Heading level={2} id="kosten">
          Kosten: € tot €€€€€
        </Heading>
        <Paragraph>
          De kosten zijn de {scales.cost.basis}. Daarin zitten: {scales.cost.includes.join('; ')}. €€€
          betekent gemiddelde kosten. Alleen de grens van klasse 1 is door het programma gepubliceerd; de
          grenzen van klasse 2 tot en met 5 hebben we afgeleid van de EEF-klassen en staan daarom als
          'afgeleid' in de tabel.
        </Paragraph>
        <Table
          caption="Kostenklassen in euro per leerling en per klas van 25 leerlingen, per jaar"
          rowKey={(b) => b.level}
          rows={scales.cost.bands}
          columns={[
            {
              header: 'Klasse',
              cell: (b) => <span aria-label={`${b.level} euroteken`}>{euros(b.level)}</span>,
            },
            { header: 'Omschrijving', cell: (b) => b.label },
            {
              header: 'Per leerling',
              cell: (b) =>
                b.maxPerPupilEur !== null
                  ? `tot ${formatCents(b.maxPerPupilEur * 100)}`
                  : `meer dan ${formatCents((b.minPerPupilEur ?? 0) * 100)}`,
              numeric: true,
            },
            {
              header: 'Per klas van 25',
              cell: (b) =>
                b.maxPerClassEur !== null
                  ? `tot ${formatCents(b.maxPerClassEur * 100)}`
                  : `meer dan ${formatCents((b.minPerPupilEur ?? 0) * 25 * 100)}`,
              numeric: true,
            },
            {
              header: 'Zekerheid',
              cell: (b) =>
                b.certainty === 'bevestigd' ? 'gepubliceerd' : <span>afgeleid: {b.derivation}</span>,
            },
          ]}
        />
        <Paragraph>
          Bron: <Link href={scales.cost.source}>{scales.cost.source}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="per-euro">
        <Heading level={2} id="per-euro">
          Effect per euro
        </Heading>
        <Paragraph>
          Dit cijfer is een eigen berekening van dit platform; de menukaart zelf publiceert het niet. Om op
          'effect per euro' te sorteren delen we het effect door het hoogste bedrag per leerling van de
          kostenklasse (bij klasse 5, die geen bovengrens heeft, door de ondergrens van {formatNumber(1380)}{' '}
          euro). We tonen het als maanden extra leerwinst per 100 euro per leerling. Het is een grove
          indicatie: het echte bedrag kan overal binnen de klasse liggen. Interventies zonder scores staan
          onderaan.
        </Paragraph>
      </section>
      <section aria-labelledby="afgeleid">
        <Heading level={2} id="afgeleid">
          Onbekend en afgeleid
        </Heading>
        <Paragraph>{catalogueFile.inferredNote}</Paragraph>
        <Paragraph>
          Interventies die het ministerie zelf aan de menukaart toevoegde (zoals directe instructie) en de
          interventies voor welbevinden hebben geen EEF-scores. Daar staat 'onbekend'. Voor welbevinden kunt u
          de bewijskracht van een concreet programma opzoeken in de Databank Effectieve Jeugdinterventies van
          het NJi.
        </Paragraph>
      </section>
      <section aria-labelledby="regels">
        <Heading level={2} id="regels">
          Regels bij de menukaart
        </Heading>
        <ul>
          {catalogueFile.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <Paragraph>{catalogueFile.about}</Paragraph>
      </section>
    </Layout>
  );
}
