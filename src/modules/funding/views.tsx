// Views of the funding module: the public lookup "Bedragen per school", the board's overview
// with reservations, and the analist's rates pages.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../ui/context.ts';
import { Layout } from '../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TextArea,
  TextField,
  type FormState,
} from '../../ui/components.tsx';
import { formatCents, formatDate, formatDateTime, formatNumber } from '../../platform/i18n/i18n.ts';
import { hundredthsToText } from './money.ts';
import { schoolTypeLabel } from './compute.ts';
import type { AllocationRow, FundingYear, RateRow, SchoolListRow, Totals } from './repository.ts';
import type { AllocationLine } from './tables.ts';

const statusText: Record<string, string> = {
  volledig: 'Volledig berekend',
  onvolledig: 'Onvolledig of benaderd',
  onbekend: 'Niet te berekenen',
};

const rateStatusText: Record<string, string> = {
  definitief: 'Definitief',
  voorlopig: 'Voorlopig',
  onbekend: 'Onbekend',
};

const yearStatusText: Record<string, string> = {
  definitief: 'Definitief',
  voorlopig: 'Voorlopig',
  'geen-toekenning': 'Geen nieuwe toekenning',
};

export const roundingRuleText =
  'Elke regel (aantal maal bedrag) wordt exact uitgerekend en één keer afgerond op hele centen, een halve cent naar boven. Het totaal is de som van de afgeronde regels.';

function Money({ cents }: { cents: number | null | undefined }) {
  return cents === null || cents === undefined ? <span>onbekend</span> : <span>{formatCents(cents)}</span>;
}

const sectorText = (s: string | null) => (s ? (schoolTypeLabel[s] ?? s) : '');

function allocationCell(a: AllocationRow | undefined) {
  if (!a) return <span>geen bedrag</span>;
  if (a.totalCents === null) return <span>onbekend</span>;
  return (
    <span>
      {formatCents(a.totalCents)}
      {a.status === 'onvolledig' ? ' *' : ''}
    </span>
  );
}

function byRun(allocs: AllocationRow[]) {
  const m = new Map<string, AllocationRow>();
  for (const a of allocs) m.set(`${a.runId}|${a.schoolId}`, a);
  return m;
}

export interface YearWithRun extends FundingYear {
  runTotal?: { schools: number; totalCents: number; createdAt: Date } | null;
}

function SchoolTable({
  caption,
  schools,
  years,
  allocations,
}: {
  caption: string;
  schools: SchoolListRow[];
  years: YearWithRun[];
  allocations: AllocationRow[];
}) {
  const map = byRun(allocations);
  const paid = years.filter((y) => y.currentRunId);
  return (
    <Table
      caption={caption}
      rows={schools}
      rowKey={(s) => s.id}
      columns={[
        {
          header: 'School',
          cell: (s) => <Link href={`/bedragen/scholen/${encodeURIComponent(s.code)}`}>{s.name}</Link>,
        },
        { header: 'Vestigingscode', cell: (s) => <span class="npo-reference">{s.code}</span> },
        { header: 'Plaats', cell: (s) => s.place ?? s.municipalityName ?? '' },
        { header: 'Soort', cell: (s) => sectorText(s.sector) + (s.closedOn ? ' (gesloten)' : '') },
        ...paid.map((y) => ({
          header: `Bedrag ${y.label}`,
          numeric: true,
          cell: (s: SchoolListRow) => allocationCell(map.get(`${y.currentRunId}|${s.id}`)),
        })),
      ]}
    />
  );
}

const starNote =
  '* Onvolledig of benaderd: een toeslag kon niet worden berekend of een telling van een andere datum is gebruikt. Open de school voor de uitleg.';

export function LookupPage({
  ctx,
  q,
  tooShort,
  results,
  more,
  years,
  allocations,
  rates,
}: {
  ctx: ViewContext;
  q: string;
  tooShort: boolean;
  results: SchoolListRow[] | null;
  more: boolean;
  years: YearWithRun[];
  allocations: AllocationRow[];
  rates: RateRow[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Bedragen per school"
      section="/bedragen"
      breadcrumbs={[{ label: 'Bedragen per school' }]}
    >
      <Heading level={1}>Bedragen per school</Heading>
      <Paragraph lead>
        Elke school krijgt geld uit het Nationaal Programma Onderwijs: een bedrag per leerling, soms met een
        toeslag. Zoek een school en zie hoeveel geld zij per schooljaar krijgt en hoe dat is berekend.
      </Paragraph>
      <form method="get" action="/bedragen" role="search">
        <TextField
          name="q"
          type="search"
          label="Zoek een school"
          description="Op naam, plaats of vestigingscode (bijvoorbeeld 00AP00)."
          form={{ values: { q }, errors: tooShort ? { q: 'Typ minstens 2 tekens.' } : {} }}
          maxLength={100}
        />
        <Button>Zoeken</Button>
      </form>
      {results && (
        <section aria-labelledby="resultaten">
          <Heading level={2} id="resultaten">
            Zoekresultaten
          </Heading>
          {results.length === 0 ? (
            <Paragraph>
              Geen school gevonden voor “{q}”. Controleer de spelling of zoek op plaats of vestigingscode.
            </Paragraph>
          ) : (
            <>
              <SchoolTable
                caption={`Scholen bij “${q}”`}
                schools={results}
                years={years}
                allocations={allocations}
              />
              {more && (
                <Paragraph>
                  Er zijn meer scholen gevonden dan hier staan. Maak uw zoekopdracht preciezer.
                </Paragraph>
              )}
              <Paragraph>{starNote}</Paragraph>
            </>
          )}
        </section>
      )}
      <section aria-labelledby="landelijk">
        <Heading level={2} id="landelijk">
          Landelijk
        </Heading>
        <Table
          caption="Bedragen per schooljaar voor alle scholen"
          rows={years}
          rowKey={(y) => y.schoolYearId}
          columns={[
            { header: 'Schooljaar', cell: (y) => y.label },
            { header: 'Status', cell: (y) => yearStatusText[y.status] ?? y.status },
            { header: 'Teldatum', cell: (y) => (y.teldatum ? formatDate(y.teldatum, ctx.locale) : 'geen') },
            {
              header: 'Scholen',
              numeric: true,
              cell: (y) => (y.runTotal ? formatNumber(y.runTotal.schools) : '–'),
            },
            {
              header: 'Totaal berekend',
              numeric: true,
              cell: (y) => (y.runTotal ? formatCents(y.runTotal.totalCents) : '–'),
            },
            {
              header: 'Open data',
              cell: (y) =>
                y.currentRunId ? (
                  <Link href={`/bedragen/open-data.csv?schooljaar=${y.label}`}>CSV {y.label}</Link>
                ) : (
                  <span>geen bedragen</span>
                ),
            },
          ]}
        />
        <ul>
          <li>
            <Link href="/bedragen/gemeenten">Bedragen per gemeente</Link>
          </li>
          <li>
            <Link href="/bedragen/open-data.csv">Alle bedragen als open data (CSV)</Link>
          </li>
        </ul>
      </section>
      <RatesSection ctx={ctx} years={years} rates={rates} />
    </Layout>
  );
}

export function RatesSection({
  ctx,
  years,
  rates,
}: {
  ctx: ViewContext;
  years: FundingYear[];
  rates: RateRow[];
}) {
  return (
    <section aria-labelledby="bedragen-per-leerling">
      <Heading level={2} id="bedragen-per-leerling">
        Hoe de bedragen worden berekend
      </Heading>
      <Paragraph>
        Het bedrag van een school is het aantal leerlingen op de teldatum maal het bedrag per leerling voor
        haar soort onderwijs, plus toeslagen. {roundingRuleText} Waar een bedrag niet bekend is, staat
        “onbekend”: het platform schat geen bedragen.
      </Paragraph>
      {years.map((y) => {
        const yr = rates.filter((r) => r.schoolYearId === y.schoolYearId);
        return (
          <div key={y.schoolYearId}>
            <Heading level={3}>Schooljaar {y.label}</Heading>
            {y.note && <Paragraph>{y.note}</Paragraph>}
            {y.teldatum && (
              <Paragraph>
                Teldatum: {formatDate(y.teldatum, ctx.locale)}
                {y.teldatumStatus && y.teldatumStatus !== 'bevestigd' ? ` (${y.teldatumStatus})` : ''}.
              </Paragraph>
            )}
            {yr.length > 0 && (
              <Table
                caption={`Bedragen ${y.label}`}
                rows={yr}
                rowKey={(r) => r.id}
                columns={[
                  { header: 'Onderdeel', cell: (r) => r.label },
                  { header: 'Eenheid', cell: (r) => r.unit },
                  { header: 'Bedrag', numeric: true, cell: (r) => <Money cents={r.amountCents} /> },
                  { header: 'Status', cell: (r) => rateStatusText[r.status] },
                  {
                    header: 'Toelichting',
                    cell: (r) =>
                      [r.note, r.payment ? `Betaling: ${r.payment}.` : null].filter(Boolean).join(' '),
                  },
                ]}
              />
            )}
          </div>
        );
      })}
    </section>
  );
}

function Lines({
  lines,
  caption,
  total,
}: {
  lines: AllocationLine[];
  caption: string;
  total: number | null;
}) {
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">
              Onderdeel
            </th>
            <th scope="col" class="utrecht-table__header-cell npo-numeric">
              Aantal
            </th>
            <th scope="col" class="utrecht-table__header-cell npo-numeric">
              Bedrag per eenheid
            </th>
            <th scope="col" class="utrecht-table__header-cell npo-numeric">
              Bedrag
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {lines.map((l, i) => (
            <tr class="utrecht-table__row" key={i}>
              <th scope="row" class="utrecht-table__header-cell">
                {l.label}
                {l.note && <div class="npo-line-note">{l.note}</div>}
              </th>
              <td class="utrecht-table__cell npo-numeric">
                {l.quantity === null
                  ? 'onbekend'
                  : l.hundredths
                    ? hundredthsToText(l.quantity)
                    : formatNumber(l.quantity)}
              </td>
              <td class="utrecht-table__cell npo-numeric">
                <Money cents={l.rateCents} />
              </td>
              <td class="utrecht-table__cell npo-numeric">
                <Money cents={l.amountCents} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="utrecht-table__row">
            <th scope="row" colSpan={3} class="utrecht-table__header-cell">
              Totaal
            </th>
            <td class="utrecht-table__cell npo-numeric">
              <strong>
                <Money cents={total} />
              </strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function SchoolPage({
  ctx,
  school,
  years,
  allocations,
}: {
  ctx: ViewContext;
  school: SchoolListRow;
  years: FundingYear[];
  allocations: AllocationRow[];
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Bedragen ${school.name}`}
      section="/bedragen"
      breadcrumbs={[{ href: '/bedragen', label: 'Bedragen per school' }, { label: school.name }]}
    >
      <Heading level={1}>{school.name}</Heading>
      {school.closedOn && (
        <Alert type="info">
          Deze vestiging staat sinds {formatDate(school.closedOn, ctx.locale)} niet meer in de lijsten van
          DUO.
        </Alert>
      )}
      <DataSummary
        items={[
          { key: 'Vestigingscode', value: <span class="npo-reference">{school.code}</span> },
          { key: 'Soort onderwijs', value: sectorText(school.sector) },
          { key: 'Plaats', value: school.place ?? '–' },
          {
            key: 'Gemeente',
            value: school.municipalityCode ? (
              <Link href={`/bedragen/gemeenten/${school.municipalityCode}`}>
                {school.municipalityName ?? school.municipalityCode}
              </Link>
            ) : (
              '–'
            ),
          },
          {
            key: 'Bestuur',
            value: school.boardCode ? (
              <Link href={`/bedragen/besturen/${encodeURIComponent(school.boardCode)}`}>
                {school.boardName}
              </Link>
            ) : (
              '–'
            ),
          },
        ]}
      />
      {years.map((y) => {
        const a = allocations.find((x) => x.runId === y.currentRunId);
        const id = `jaar-${y.label}`;
        return (
          <section aria-labelledby={id} key={y.schoolYearId}>
            <Heading level={2} id={id}>
              Schooljaar {y.label}
            </Heading>
            {y.status === 'geen-toekenning' ? (
              <Paragraph>{y.note ?? 'In dit schooljaar is er geen nieuw bedrag per leerling.'}</Paragraph>
            ) : !a ? (
              <Paragraph>
                Voor deze school is voor dit schooljaar geen bedrag berekend: er is geen leerlingtelling van
                DUO op of kort voor de teldatum.
              </Paragraph>
            ) : (
              <>
                <Paragraph>
                  {statusText[a.status]}. Status van de bedragen: {yearStatusText[y.status]?.toLowerCase()}.
                  {y.teldatum ? ` Teldatum ${formatDate(y.teldatum, ctx.locale)}.` : ''}
                </Paragraph>
                <Lines lines={a.lines} caption={`Berekening ${y.label}`} total={a.totalCents} />
              </>
            )}
          </section>
        );
      })}
      <Paragraph>{roundingRuleText}</Paragraph>
      <Paragraph>
        Bronnen: DUO open onderwijsdata (CC0) en CBS achterstandsscores (CC BY 4.0, bron: CBS). De definitieve
        bedragen staan in het Overzicht financiële beschikkingen van DUO; kleine verschillen zijn mogelijk.
      </Paragraph>
    </Layout>
  );
}

export function GroupPage({
  ctx,
  title,
  intro,
  crumbs,
  schools,
  years,
  allocations,
  totals,
}: {
  ctx: ViewContext;
  title: string;
  intro: ComponentChildren;
  crumbs: { href?: string; label: string }[];
  schools: SchoolListRow[];
  years: YearWithRun[];
  allocations: AllocationRow[];
  totals: { year: string; totals: Totals }[];
}) {
  return (
    <Layout ctx={ctx} title={title} section="/bedragen" breadcrumbs={crumbs}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{intro}</Paragraph>
      <DataSummary
        items={[
          { key: 'Scholen', value: formatNumber(schools.length) },
          ...totals.map((t) => ({
            key: `Totaal ${t.year}`,
            value: `${formatCents(t.totals.totalCents)} (${formatNumber(t.totals.known)} van ${formatNumber(t.totals.schools)} scholen bekend)`,
          })),
        ]}
      />
      <SchoolTable
        caption={`Scholen van ${title.replace(/^Bedragen /, '')}`}
        schools={schools}
        years={years}
        allocations={allocations}
      />
      <Paragraph>{starNote}</Paragraph>
    </Layout>
  );
}

export function MunicipalitiesPage({
  ctx,
  year,
  years,
  rows,
}: {
  ctx: ViewContext;
  year: FundingYear | undefined;
  years: FundingYear[];
  rows: { code: string; name: string | null; schools: number; total: number | null }[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Bedragen per gemeente"
      section="/bedragen"
      breadcrumbs={[{ href: '/bedragen', label: 'Bedragen per school' }, { label: 'Per gemeente' }]}
    >
      <Heading level={1}>Bedragen per gemeente</Heading>
      <YearChooser
        action="/bedragen/gemeenten"
        years={years.filter((y) => y.currentRunId)}
        selected={year?.label}
      />
      <Table
        caption={`Gemeenten met het totaal van hun scholen${year ? ` in ${year.label}` : ''}`}
        rows={rows}
        rowKey={(r) => r.code}
        columns={[
          {
            header: 'Gemeente',
            cell: (r) => <Link href={`/bedragen/gemeenten/${r.code}`}>{r.name ?? r.code}</Link>,
          },
          { header: 'Gemeentecode', cell: (r) => r.code },
          { header: 'Scholen', numeric: true, cell: (r) => formatNumber(r.schools) },
          {
            header: 'Totaal',
            numeric: true,
            cell: (r) => <Money cents={r.total === null ? null : Number(r.total)} />,
          },
        ]}
      />
    </Layout>
  );
}

export function YearChooser({
  action,
  years,
  selected,
}: {
  action: string;
  years: FundingYear[];
  selected?: string;
}) {
  if (years.length < 2) return null;
  return (
    <form method="get" action={action} class="npo-year-chooser">
      <SelectField
        name="schooljaar"
        label="Schooljaar"
        form={{ values: { schooljaar: selected }, errors: {} }}
        options={years.map((y) => ({ value: y.label, label: y.label }))}
      />
      <Button variant="secondary">Toon schooljaar</Button>
    </form>
  );
}

// --- board -----------------------------------------------------------------------------

export interface BoardSchoolRow {
  school: SchoolListRow;
  current: AllocationRow | undefined;
  previous: AllocationRow | undefined;
  reserved: number;
}

export interface ReservationRow {
  id: number;
  school_name: string;
  school_code: string | null;
  amount_cents: number;
  purpose: string;
  mr_consent_on: string;
  created_at: Date;
  withdrawn_at: Date | null;
  created_by_name: string | null;
}

export function BoardFundingPage({
  ctx,
  board,
  year,
  years,
  rows,
  reservations,
  form,
  saved,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  year: FundingYear;
  years: FundingYear[];
  rows: BoardSchoolRow[];
  reservations: ReservationRow[];
  form: FormState;
  saved?: string;
}) {
  const total = rows.reduce((s, r) => s + (r.current?.totalCents ?? 0), 0);
  const prevTotal = rows.reduce((s, r) => s + (r.previous?.totalCents ?? 0), 0);
  const reserved = rows.reduce((s, r) => s + r.reserved, 0);
  const base = `/besturen/${board.id}/bekostiging`;
  const reservable = rows.filter((r) => r.current && r.current.totalCents !== null);
  const over = rows.filter((r) => r.current && r.reserved > (r.current.totalCents ?? 0));
  return (
    <Layout
      ctx={ctx}
      title={`Bekostiging ${board.name}`}
      breadcrumbs={[{ href: '/overzicht', label: 'Overzicht' }, { label: 'Bekostiging' }]}
    >
      <Heading level={1}>Bekostiging {board.name}</Heading>
      {saved && <Alert type="ok">{saved}</Alert>}
      <YearChooser action={base} years={years.filter((y) => y.currentRunId)} selected={year.label} />
      <DataSummary
        items={[
          { key: 'Schooljaar', value: `${year.label} (${yearStatusText[year.status]?.toLowerCase()})` },
          { key: 'Totaal voor uw scholen', value: formatCents(total) },
          ...(year.previousRunId
            ? [
                {
                  key: 'Vorige berekening',
                  value: `${formatCents(prevTotal)} (verschil ${formatCents(total - prevTotal)})`,
                },
              ]
            : []),
          { key: 'Gereserveerd voor bovenschoolse inzet', value: formatCents(reserved) },
          { key: 'Over voor de scholen', value: formatCents(total - reserved) },
        ]}
      />
      {over.length > 0 && (
        <Alert type="warning">
          Bij {over.length === 1 ? 'één school' : `${over.length} scholen`} is meer gereserveerd dan het
          nieuwe bedrag. Trek een reservering in of overleg met de MR.
        </Alert>
      )}
      <Table
        caption={`Scholen van ${board.name} in ${year.label}`}
        rows={rows}
        rowKey={(r) => r.school.id}
        columns={[
          {
            header: 'School',
            cell: (r) => (
              <Link href={`/bedragen/scholen/${encodeURIComponent(r.school.code)}`}>{r.school.name}</Link>
            ),
          },
          {
            header: 'Leerlingen',
            numeric: true,
            cell: (r) => (r.current?.pupils == null ? '–' : formatNumber(r.current.pupils)),
          },
          { header: 'Bedrag', numeric: true, cell: (r) => allocationCell(r.current) },
          ...(year.previousRunId
            ? [
                {
                  header: 'Verschil met vorige berekening',
                  numeric: true,
                  cell: (r: BoardSchoolRow) =>
                    diffText(r.previous?.totalCents ?? null, r.current?.totalCents ?? null),
                },
              ]
            : []),
          { header: 'Gereserveerd', numeric: true, cell: (r) => formatCents(r.reserved) },
          {
            header: 'Over',
            numeric: true,
            cell: (r) =>
              r.current?.totalCents == null ? '–' : formatCents(r.current.totalCents - r.reserved),
          },
        ]}
      />
      <Paragraph>{starNote}</Paragraph>
      <section aria-labelledby="reserveringen">
        <Heading level={2} id="reserveringen">
          Reserveringen voor bovenschoolse inzet
        </Heading>
        <Paragraph>
          Een bestuur mag een deel van het geld van een school bovenschools inzetten als de MR van die school
          vooraf heeft aangegeven welk deel daarvoor in aanmerking komt en heeft ingestemd. De GMR stemt in
          met de bovenschoolse besteding.
        </Paragraph>
        {reservations.length === 0 ? (
          <Paragraph>Er zijn nog geen reserveringen voor {year.label}.</Paragraph>
        ) : (
          <Table
            caption={`Reserveringen ${year.label}`}
            rows={reservations}
            rowKey={(r) => r.id}
            columns={[
              { header: 'School', cell: (r) => r.school_name },
              { header: 'Bedrag', numeric: true, cell: (r) => formatCents(r.amount_cents) },
              { header: 'Doel', cell: (r) => r.purpose },
              { header: 'MR stemde in op', cell: (r) => formatDate(r.mr_consent_on, ctx.locale) },
              {
                header: 'Vastgelegd',
                cell: (r) =>
                  `${formatDateTime(r.created_at, ctx.locale)}${r.created_by_name ? ` door ${r.created_by_name}` : ''}`,
              },
              {
                header: 'Actie',
                cell: (r) =>
                  r.withdrawn_at ? (
                    <span>Ingetrokken op {formatDateTime(r.withdrawn_at, ctx.locale)}</span>
                  ) : (
                    <form
                      method="post"
                      action={`${base}/reserveringen/${r.id}/intrekken`}
                      class="npo-inline-form"
                      data-confirm="Deze reservering intrekken?"
                    >
                      <CsrfField token={ctx.csrfToken()} />
                      <input type="hidden" name="schooljaar" value={year.label} />
                      <Button variant="secondary">
                        Intrekken
                        <span class="npo-visually-hidden">
                          {' '}
                          ({r.school_name}, {formatCents(r.amount_cents)})
                        </span>
                      </Button>
                    </form>
                  ),
              },
            ]}
          />
        )}
        <Heading level={3} id="nieuwe-reservering">
          Nieuwe reservering
        </Heading>
        {reservable.length === 0 ? (
          <Paragraph>
            Er is geen school met een bekend bedrag in {year.label}; er valt niets te reserveren.
          </Paragraph>
        ) : (
          <form method="post" action={`${base}/reserveringen`} novalidate>
            <ErrorSummary form={form} title="De reservering is niet opgeslagen. Verbeter het volgende:" />
            <CsrfField token={ctx.csrfToken()} />
            <input type="hidden" name="schooljaar" value={year.label} />
            <SelectField
              name="school"
              label="School"
              required
              form={form}
              options={reservable.map((r) => ({
                value: String(r.school.id),
                label: `${r.school.name} (over: ${formatCents((r.current!.totalCents ?? 0) - r.reserved)})`,
              }))}
            />
            <TextField
              name="bedrag"
              label="Bedrag in euro"
              description="Bijvoorbeeld 1.250,00"
              required
              form={form}
              inputMode="decimal"
              maxLength={20}
            />
            <TextArea
              name="doel"
              label="Waarvoor zet het bestuur dit geld bovenschools in?"
              form={form}
              rows={3}
              maxLength={500}
            />
            <TextField
              name="mrInstemming"
              type="date"
              label="Datum waarop de MR van de school instemde"
              description="De MR stemt vooraf in met het deel dat bovenschools mag worden ingezet."
              required
              form={form}
            />
            <Button>Reservering vastleggen</Button>
          </form>
        )}
      </section>
    </Layout>
  );
}

function diffText(before: number | null, after: number | null) {
  if (before === after) return 'geen';
  if (before === null || after === null) return after === null ? 'nu onbekend' : 'nieuw';
  const d = after - before;
  return `${d > 0 ? '+' : ''}${formatCents(d)}`;
}

// --- analist -----------------------------------------------------------------------------

export function RatesAdminPage({
  ctx,
  years,
  rates,
  runs,
  pending,
  saved,
}: {
  ctx: ViewContext;
  years: FundingYear[];
  rates: RateRow[];
  runs: {
    id: number;
    created_at: Date;
    reason: string;
    school_count: number;
    total_cents: number;
    label: string;
    person: string | null;
  }[];
  pending: boolean;
  saved?: string;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Bedragen per leerling beheren"
      breadcrumbs={[{ href: '/overzicht', label: 'Overzicht' }, { label: 'Bekostiging' }]}
    >
      <Heading level={1}>Bedragen per leerling beheren</Heading>
      {saved && <Alert type="ok">{saved}</Alert>}
      {pending && (
        <Alert type="info">
          De bedragen van alle scholen worden opnieuw berekend. Vernieuw deze pagina over een paar seconden.
        </Alert>
      )}
      <Paragraph>
        Wijzigt u een bedrag, dan worden de bedragen van alle scholen in dat schooljaar opnieuw berekend. De
        vorige berekening blijft bewaard; de verschillen per school en bestuur ziet u daarna.
      </Paragraph>
      {years
        .filter((y) => y.status !== 'geen-toekenning')
        .map((y) => (
          <section aria-labelledby={`tarieven-${y.label}`} key={y.schoolYearId}>
            <Heading level={2} id={`tarieven-${y.label}`}>
              Schooljaar {y.label}
            </Heading>
            <Table
              caption={`Bedragen ${y.label}`}
              rows={rates.filter((r) => r.schoolYearId === y.schoolYearId)}
              rowKey={(r) => r.id}
              columns={[
                { header: 'Onderdeel', cell: (r) => r.label },
                { header: 'Bedrag', numeric: true, cell: (r) => <Money cents={r.amountCents} /> },
                { header: 'Status', cell: (r) => rateStatusText[r.status] },
                {
                  header: 'Wijzigen',
                  cell: (r) => (
                    <Link href={`/beheer/bekostiging/tarieven/${r.id}`}>
                      Wijzig
                      <span class="npo-visually-hidden">
                        {' '}
                        {r.label} {y.label}
                      </span>
                    </Link>
                  ),
                },
              ]}
            />
            {y.previousRunId && (
              <Paragraph>
                <Link href={`/beheer/bekostiging/verschillen?schooljaar=${y.label}`}>
                  Verschillen met de vorige berekening van {y.label}
                </Link>
              </Paragraph>
            )}
          </section>
        ))}
      <section aria-labelledby="berekeningen">
        <Heading level={2} id="berekeningen">
          Laatste berekeningen
        </Heading>
        <Table
          caption="Laatste berekeningen van alle scholen"
          rows={runs}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Moment', cell: (r) => formatDateTime(r.created_at, ctx.locale) },
            { header: 'Schooljaar', cell: (r) => r.label },
            { header: 'Aanleiding', cell: (r) => `${r.reason}${r.person ? ` (${r.person})` : ''}` },
            { header: 'Scholen', numeric: true, cell: (r) => formatNumber(r.school_count) },
            { header: 'Totaal', numeric: true, cell: (r) => formatCents(r.total_cents) },
          ]}
        />
      </section>
    </Layout>
  );
}

export function RateEditPage({
  ctx,
  rate,
  year,
  form,
  history,
}: {
  ctx: ViewContext;
  rate: RateRow;
  year: FundingYear;
  form: FormState;
  history: {
    id: number;
    at: Date;
    old_amount_cents: number | null;
    new_amount_cents: number | null;
    old_status: string;
    new_status: string;
    reason: string;
    person: string | null;
  }[];
}) {
  return (
    <Layout
      ctx={ctx}
      title={`${rate.label} ${year.label} wijzigen`}
      breadcrumbs={[
        { href: '/beheer/bekostiging', label: 'Bekostiging' },
        { label: `${rate.label} ${year.label}` },
      ]}
    >
      <Heading level={1}>
        {rate.label} ({year.label})
      </Heading>
      <DataSummary
        items={[
          { key: 'Huidig bedrag', value: <Money cents={rate.amountCents} /> },
          { key: 'Status', value: rateStatusText[rate.status] },
          { key: 'Eenheid', value: rate.unit },
          { key: 'Bron', value: rate.source ?? 'geen' },
        ]}
      />
      <form method="post" action={`/beheer/bekostiging/tarieven/${rate.id}`} novalidate>
        <ErrorSummary form={form} title="Het bedrag is niet gewijzigd. Verbeter het volgende:" />
        <CsrfField token={ctx.csrfToken()} />
        <TextField
          name="bedrag"
          label="Bedrag in euro"
          description="Bijvoorbeeld 701,16. Laat leeg als het bedrag niet bekend is."
          form={form}
          inputMode="decimal"
          maxLength={20}
        />
        <SelectField
          name="status"
          label="Status"
          required
          form={form}
          options={[
            { value: 'definitief', label: 'Definitief' },
            { value: 'voorlopig', label: 'Voorlopig' },
            { value: 'onbekend', label: 'Onbekend (geen bedrag)' },
          ]}
        />
        <TextArea name="reden" label="Reden en bron van de wijziging" form={form} rows={3} maxLength={1000} />
        <Button>Opslaan en opnieuw berekenen</Button>
      </form>
      {history.length > 0 && (
        <Table
          caption="Eerdere wijzigingen"
          rows={history}
          rowKey={(h) => h.id}
          columns={[
            { header: 'Moment', cell: (h) => formatDateTime(h.at, ctx.locale) },
            { header: 'Van', numeric: true, cell: (h) => <Money cents={h.old_amount_cents} /> },
            { header: 'Naar', numeric: true, cell: (h) => <Money cents={h.new_amount_cents} /> },
            {
              header: 'Status',
              cell: (h) => `${rateStatusText[h.old_status]} → ${rateStatusText[h.new_status]}`,
            },
            { header: 'Reden', cell: (h) => `${h.reason}${h.person ? ` (${h.person})` : ''}` },
          ]}
        />
      )}
    </Layout>
  );
}

export function DifferencesPage({
  ctx,
  year,
  years,
  boards,
  schools,
}: {
  ctx: ViewContext;
  year: FundingYear | undefined;
  years: FundingYear[];
  boards: { board_id: number; code: string | null; name: string; old_total: number; new_total: number }[];
  schools: {
    school_id: number;
    code: string;
    name: string;
    board_name: string | null;
    old_total: number | null;
    new_total: number | null;
  }[];
}) {
  const shown = schools.slice(0, 500);
  return (
    <Layout
      ctx={ctx}
      title="Verschillen met de vorige berekening"
      breadcrumbs={[{ href: '/beheer/bekostiging', label: 'Bekostiging' }, { label: 'Verschillen' }]}
    >
      <Heading level={1}>Verschillen met de vorige berekening</Heading>
      <YearChooser
        action="/beheer/bekostiging/verschillen"
        years={years.filter((y) => y.previousRunId)}
        selected={year?.label}
      />
      {!year || !year.previousRunId ? (
        <Paragraph>Er is nog geen eerdere berekening om mee te vergelijken.</Paragraph>
      ) : (
        <>
          <Paragraph>
            {boards.length === 0 && schools.length === 0
              ? `De laatste berekening van ${year.label} geeft dezelfde bedragen als de vorige.`
              : `${formatNumber(schools.length)} scholen en ${formatNumber(boards.length)} besturen krijgen in ${year.label} een ander bedrag dan bij de vorige berekening.`}
          </Paragraph>
          {boards.length > 0 && (
            <Table
              caption={`Verschil per bestuur ${year.label}`}
              rows={boards}
              rowKey={(b) => b.board_id}
              columns={[
                { header: 'Bestuur', cell: (b) => b.name },
                { header: 'Was', numeric: true, cell: (b) => formatCents(Number(b.old_total)) },
                { header: 'Wordt', numeric: true, cell: (b) => formatCents(Number(b.new_total)) },
                {
                  header: 'Verschil',
                  numeric: true,
                  cell: (b) => diffText(Number(b.old_total), Number(b.new_total)),
                },
              ]}
            />
          )}
          {shown.length > 0 && (
            <Table
              caption={`Verschil per school ${year.label}${schools.length > shown.length ? ` (de ${shown.length} grootste)` : ''}`}
              rows={shown}
              rowKey={(s) => s.school_id}
              columns={[
                {
                  header: 'School',
                  cell: (s) => <Link href={`/bedragen/scholen/${encodeURIComponent(s.code)}`}>{s.name}</Link>,
                },
                { header: 'Bestuur', cell: (s) => s.board_name ?? '' },
                { header: 'Was', numeric: true, cell: (s) => <Money cents={s.old_total} /> },
                { header: 'Wordt', numeric: true, cell: (s) => <Money cents={s.new_total} /> },
                { header: 'Verschil', numeric: true, cell: (s) => diffText(s.old_total, s.new_total) },
              ]}
            />
          )}
        </>
      )}
    </Layout>
  );
}
