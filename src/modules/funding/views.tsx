// Views of the funding module: the public lookup "Bedragen per school", the board's overview
// with reservations, and the analist's rates pages.
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
import {
  format,
  formatCents,
  formatDate,
  formatDateTime,
  formatNumber,
  type Locale,
} from '../../platform/i18n/i18n.ts';
import { fundingText, type FundingText } from './messages.ts';
import { hundredthsToText } from './money.ts';
import { schoolTypeLabel } from './compute.ts';
import type { AllocationRow, FundingYear, RateRow, SchoolListRow, Totals } from './repository.ts';
import type { AllocationLine } from './tables.ts';

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

function allocationStatus(t: FundingText, s: string) {
  return (
    (
      { volledig: t.statusFull, onvolledig: t.statusPartial, onbekend: t.statusUnknown } as Record<
        string,
        string
      >
    )[s] ?? s
  );
}
function yearStatus(t: FundingText, s: string) {
  return (
    (
      { definitief: t.yearDefinitive, voorlopig: t.yearProvisional, 'geen-toekenning': t.yearNone } as Record<
        string,
        string
      >
    )[s] ?? s
  );
}
function rateStatus(t: FundingText, s: string) {
  return (
    (
      { definitief: t.yearDefinitive, voorlopig: t.yearProvisional, onbekend: t.rateUnknown } as Record<
        string,
        string
      >
    )[s] ?? s
  );
}

export const roundingRuleText = fundingText('nl').rounding;

function Money({ cents, locale = 'nl' }: { cents: number | null | undefined; locale?: Locale }) {
  return cents === null || cents === undefined ? (
    <span>{fundingText(locale).unknown}</span>
  ) : (
    <span>{formatCents(cents, locale)}</span>
  );
}

const sectorText = (s: string | null) => (s ? (schoolTypeLabel[s] ?? s) : '');

function allocationCell(a: AllocationRow | undefined, locale: Locale = 'nl') {
  const t = fundingText(locale);
  if (!a) return <span>{t.noAmount}</span>;
  if (a.totalCents === null) return <span>{t.unknown}</span>;
  return (
    <span>
      {formatCents(a.totalCents, locale)}
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
  locale,
  caption,
  schools,
  years,
  allocations,
}: {
  locale: Locale;
  caption: string;
  schools: SchoolListRow[];
  years: YearWithRun[];
  allocations: AllocationRow[];
}) {
  const t = fundingText(locale);
  const map = byRun(allocations);
  const paid = years.filter((y) => y.currentRunId);
  return (
    <Table
      caption={caption}
      rows={schools}
      rowKey={(s) => s.id}
      columns={[
        {
          header: t.colSchool,
          cell: (s) => <Link href={`/bedragen/scholen/${encodeURIComponent(s.code)}`}>{s.name}</Link>,
        },
        { header: t.colCode, cell: (s) => <span class="npo-reference">{s.code}</span> },
        { header: t.colPlace, cell: (s) => s.place ?? s.municipalityName ?? '' },
        { header: t.colKind, cell: (s) => sectorText(s.sector) + (s.closedOn ? t.closed : '') },
        ...paid.map((y) => ({
          header: format(t.amountIn, { year: y.label }),
          numeric: true,
          cell: (s: SchoolListRow) => allocationCell(map.get(`${y.currentRunId}|${s.id}`), locale),
        })),
      ]}
    />
  );
}

const starNote = fundingText('nl').star;

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
  const t = fundingText(ctx.locale);
  const l = ctx.locale;
  return (
    <Layout ctx={ctx} title={t.title} section="/bedragen" breadcrumbs={[{ label: t.title }]}>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>{t.lead}</Paragraph>
      <form method="get" action="/bedragen" role="search">
        <TextField
          name="q"
          type="search"
          label={t.searchLabel}
          description={t.searchHint}
          form={{ values: { q }, errors: tooShort ? { q: t.searchTooShort } : {} }}
          maxLength={100}
        />
        <Button>{t.searchButton}</Button>
      </form>
      {results && (
        <section aria-labelledby="resultaten">
          <Heading level={2} id="resultaten">
            {t.results}
          </Heading>
          {results.length === 0 ? (
            <Paragraph>{format(t.noResults, { q })}</Paragraph>
          ) : (
            <>
              <SchoolTable
                locale={l}
                caption={format(t.resultsCaption, { q })}
                schools={results}
                years={years}
                allocations={allocations}
              />
              {more && <Paragraph>{t.more}</Paragraph>}
              <Paragraph>{t.star}</Paragraph>
            </>
          )}
        </section>
      )}
      <section aria-labelledby="landelijk">
        <Heading level={2} id="landelijk">
          {t.national}
        </Heading>
        <Table
          caption={t.nationalCaption}
          rows={years}
          rowKey={(y) => y.schoolYearId}
          columns={[
            { header: t.colYear, cell: (y) => y.label },
            { header: t.colStatus, cell: (y) => yearStatus(t, y.status) },
            { header: t.colTeldatum, cell: (y) => (y.teldatum ? formatDate(y.teldatum, l) : t.none) },
            {
              header: t.colSchools,
              numeric: true,
              cell: (y) => (y.runTotal ? formatNumber(y.runTotal.schools, l) : '–'),
            },
            {
              header: t.colTotal,
              numeric: true,
              cell: (y) => (y.runTotal ? formatCents(y.runTotal.totalCents, l) : '–'),
            },
            {
              header: t.colOpenData,
              cell: (y) =>
                y.currentRunId ? (
                  <Link href={`/bedragen/open-data.csv?schooljaar=${y.label}`}>CSV {y.label}</Link>
                ) : (
                  <span>{t.noAmounts}</span>
                ),
            },
          ]}
        />
        <ul>
          <li>
            <Link href="/bedragen/gemeenten">{t.perMunicipality}</Link>
          </li>
          <li>
            <Link href="/bedragen/open-data.csv">{t.allCsv}</Link>
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
  const t = fundingText(ctx.locale);
  return (
    <section aria-labelledby="bedragen-per-leerling">
      <Heading level={2} id="bedragen-per-leerling">
        {t.howTitle}
      </Heading>
      <Paragraph>
        {t.how} {t.rounding} {t.noGuess}
      </Paragraph>
      {years.map((y) => {
        const yr = rates.filter((r) => r.schoolYearId === y.schoolYearId);
        return (
          <div key={y.schoolYearId}>
            <Heading level={3}>{format(t.schoolYear, { year: y.label })}</Heading>
            {y.note && <Paragraph>{y.note}</Paragraph>}
            {y.teldatum && (
              <Paragraph>
                {format(t.teldatum, { date: formatDate(y.teldatum, ctx.locale) })}
                {y.teldatumStatus && y.teldatumStatus !== 'bevestigd' ? ` (${y.teldatumStatus})` : ''}.
              </Paragraph>
            )}
            {yr.length > 0 && (
              <Table
                caption={format(t.ratesCaption, { year: y.label })}
                rows={yr}
                rowKey={(r) => r.id}
                columns={[
                  { header: t.colPart, cell: (r) => r.label },
                  { header: t.colUnit, cell: (r) => r.unit },
                  {
                    header: t.colAmount,
                    numeric: true,
                    cell: (r) => <Money cents={r.amountCents} locale={ctx.locale} />,
                  },
                  { header: t.colStatus, cell: (r) => rateStatus(t, r.status) },
                  {
                    header: t.colNote,
                    cell: (r) =>
                      [r.note, r.payment ? format(t.payment, { text: r.payment }) : null]
                        .filter(Boolean)
                        .join(' '),
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
  locale,
  lines,
  caption,
  total,
}: {
  locale: Locale;
  lines: AllocationLine[];
  caption: string;
  total: number | null;
}) {
  const t = fundingText(locale);
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">
              {t.colPart}
            </th>
            <th scope="col" class="utrecht-table__header-cell npo-numeric">
              {t.colQuantity}
            </th>
            <th scope="col" class="utrecht-table__header-cell npo-numeric">
              {t.colRate}
            </th>
            <th scope="col" class="utrecht-table__header-cell npo-numeric">
              {t.colAmount}
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
                  ? t.unknown
                  : l.hundredths
                    ? hundredthsToText(l.quantity)
                    : formatNumber(l.quantity, locale)}
              </td>
              <td class="utrecht-table__cell npo-numeric">
                <Money cents={l.rateCents} locale={locale} />
              </td>
              <td class="utrecht-table__cell npo-numeric">
                <Money cents={l.amountCents} locale={locale} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="utrecht-table__row">
            <th scope="row" colSpan={3} class="utrecht-table__header-cell">
              {t.total}
            </th>
            <td class="utrecht-table__cell npo-numeric">
              <strong>
                <Money cents={total} locale={locale} />
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
  const t = fundingText(ctx.locale);
  const l = ctx.locale;
  return (
    <Layout
      ctx={ctx}
      title={format(t.schoolTitle, { name: school.name })}
      section="/bedragen"
      breadcrumbs={[{ href: '/bedragen', label: t.title }, { label: school.name }]}
    >
      <Heading level={1}>{school.name}</Heading>
      {school.closedOn && (
        <Alert type="info">{format(t.closedAlert, { date: formatDate(school.closedOn, l) })}</Alert>
      )}
      <DataSummary
        items={[
          { key: t.colCode, value: <span class="npo-reference">{school.code}</span> },
          { key: t.kind, value: sectorText(school.sector) },
          { key: t.place, value: school.place ?? '–' },
          {
            key: t.municipality,
            value: school.municipalityCode ? (
              <Link href={`/bedragen/gemeenten/${school.municipalityCode}`}>
                {school.municipalityName ?? school.municipalityCode}
              </Link>
            ) : (
              '–'
            ),
          },
          {
            key: t.board,
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
              {format(t.schoolYear, { year: y.label })}
            </Heading>
            {y.status === 'geen-toekenning' ? (
              <Paragraph>{l === 'nl' && y.note ? y.note : t.noNewAmount}</Paragraph>
            ) : !a ? (
              <Paragraph>{t.noAllocation}</Paragraph>
            ) : (
              <>
                <Paragraph>
                  {format(t.allocationStatus, {
                    status: allocationStatus(t, a.status),
                    yearStatus: yearStatus(t, y.status).toLowerCase(),
                  })}
                  {y.teldatum ? format(t.teldatumSentence, { date: formatDate(y.teldatum, l) }) : ''}
                </Paragraph>
                <Lines
                  locale={l}
                  lines={a.lines}
                  caption={format(t.calculation, { year: y.label })}
                  total={a.totalCents}
                />
              </>
            )}
          </section>
        );
      })}
      <Paragraph>{t.rounding}</Paragraph>
      <Paragraph>{t.sources}</Paragraph>
    </Layout>
  );
}

export function GroupPage({
  ctx,
  group,
  schools,
  years,
  allocations,
  totals,
}: {
  ctx: ViewContext;
  group:
    | { kind: 'gemeente'; code: string; name: string }
    | { kind: 'bestuur'; code: string; name: string; provisional: boolean };
  schools: SchoolListRow[];
  years: YearWithRun[];
  allocations: AllocationRow[];
  totals: { year: string; totals: Totals }[];
}) {
  const t = fundingText(ctx.locale);
  const l = ctx.locale;
  const title =
    group.kind === 'gemeente'
      ? format(t.municipalityTitle, { name: group.name })
      : format(t.boardTitle, { name: group.name });
  const intro =
    group.kind === 'gemeente'
      ? format(t.municipalityIntro, { name: group.name, code: group.code })
      : format(t.boardIntro, { code: group.code }) + (group.provisional ? t.boardProvisional : '');
  const crumbs =
    group.kind === 'gemeente'
      ? [
          { href: '/bedragen', label: t.title },
          { href: '/bedragen/gemeenten', label: t.perMunicipalityCrumb },
          { label: group.name },
        ]
      : [{ href: '/bedragen', label: t.title }, { label: group.name }];
  return (
    <Layout ctx={ctx} title={title} section="/bedragen" breadcrumbs={crumbs}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{intro}</Paragraph>
      <DataSummary
        items={[
          { key: t.schools, value: formatNumber(schools.length, l) },
          ...totals.map((x) => ({
            key: format(t.totalYear, { year: x.year }),
            value: format(t.totalKnown, {
              amount: formatCents(x.totals.totalCents, l),
              known: formatNumber(x.totals.known, l),
              schools: formatNumber(x.totals.schools, l),
            }),
          })),
        ]}
      />
      <SchoolTable
        locale={l}
        caption={format(t.schoolsOf, { name: group.name })}
        schools={schools}
        years={years}
        allocations={allocations}
      />
      <Paragraph>{t.star}</Paragraph>
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
  const t = fundingText(ctx.locale);
  const l = ctx.locale;
  return (
    <Layout
      ctx={ctx}
      title={t.perMunicipality}
      section="/bedragen"
      breadcrumbs={[{ href: '/bedragen', label: t.title }, { label: t.perMunicipalityCrumb }]}
    >
      <Heading level={1}>{t.perMunicipality}</Heading>
      <YearChooser
        locale={l}
        action="/bedragen/gemeenten"
        years={years.filter((y) => y.currentRunId)}
        selected={year?.label}
      />
      <Table
        caption={year ? format(t.municipalitiesCaptionYear, { year: year.label }) : t.municipalitiesCaption}
        rows={rows}
        rowKey={(r) => r.code}
        columns={[
          {
            header: t.colMunicipality,
            cell: (r) => <Link href={`/bedragen/gemeenten/${r.code}`}>{r.name ?? r.code}</Link>,
          },
          { header: t.colMunicipalityCode, cell: (r) => r.code },
          { header: t.colSchools, numeric: true, cell: (r) => formatNumber(r.schools, l) },
          {
            header: t.colSum,
            numeric: true,
            cell: (r) => <Money cents={r.total === null ? null : Number(r.total)} locale={l} />,
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
  locale = 'nl',
}: {
  action: string;
  years: FundingYear[];
  selected?: string;
  locale?: Locale;
}) {
  if (years.length < 2) return null;
  const t = fundingText(locale);
  return (
    <form method="get" action={action} class="npo-year-chooser">
      <SelectField
        name="schooljaar"
        label={t.colYear}
        form={{ values: { schooljaar: selected }, errors: {} }}
        options={years.map((y) => ({ value: y.label, label: y.label }))}
      />
      <Button variant="secondary">{t.chooseYear}</Button>
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
