// The public lookup page "Bedragen per school": search form, results and the rates of each year.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, Heading, Link, Paragraph, Table, TextField } from '../../../ui/components.tsx';
import type { OpenDataLoadStatus } from '../services/open-data-load.ts';
import { format, formatCents, formatDate, formatNumber } from '../../../platform/i18n/i18n.ts';
import { fundingText } from '../messages.ts';
import type { AllocationRow } from '../repository/allocations.ts';
import type { RateRow } from '../repository/rates.ts';
import type { SchoolListRow } from '../repository/schools.ts';
import type { FundingYear } from '../repository/years.ts';
import { yearStatus, rateStatus, Money } from './format.tsx';
import type { YearWithRun } from '../services/years.ts';
import { SchoolTable } from './school-table.tsx';

export function LookupPage({
  ctx,
  q,
  tooShort,
  results,
  more,
  years,
  allocations,
  rates,
  loading,
}: {
  ctx: ViewContext;
  q: string;
  tooShort: boolean;
  results: SchoolListRow[] | null;
  more: boolean;
  years: YearWithRun[];
  allocations: AllocationRow[];
  rates: RateRow[];
  /** The load of the shipped open data at first start, while it is not done. */
  loading: OpenDataLoadStatus | null;
}) {
  const t = fundingText(ctx.locale);
  const l = ctx.locale;
  return (
    <Layout translated ctx={ctx} title={t.title} section="/bedragen" breadcrumbs={[{ label: t.title }]}>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>{t.lead}</Paragraph>
      {loading && loading.status !== 'klaar' && (
        <Alert type={loading.status === 'mislukt' ? 'warning' : 'info'}>
          {loading.status === 'mislukt'
            ? t.loadingFailed
            : format(loading.filesDone < loading.filesTotal ? t.loading : t.loadingComputing, {
                done: String(loading.filesDone),
                total: String(loading.filesTotal),
              })}
        </Alert>
      )}
      <form novalidate method="get" action="/bedragen" role="search">
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
            {/* Notes, rate names and payment texts are data, written in Dutch only. */}
            {y.note && (
              <div lang="nl">
                <Paragraph>{y.note}</Paragraph>
              </div>
            )}
            {y.teldatum && (
              <Paragraph>
                {format(t.teldatum, { date: formatDate(y.teldatum, ctx.locale) })}
                {y.teldatumStatus && y.teldatumStatus !== 'bevestigd' ? (
                  <>
                    {' ('}
                    <span lang="nl">{y.teldatumStatus}</span>)
                  </>
                ) : (
                  ''
                )}
                .
              </Paragraph>
            )}
            {yr.length > 0 && (
              <Table
                caption={format(t.ratesCaption, { year: y.label })}
                rows={yr}
                rowKey={(r) => r.id}
                columns={[
                  { header: t.colPart, cell: (r) => <span lang="nl">{r.label}</span> },
                  { header: t.colUnit, cell: (r) => <span lang="nl">{r.unit}</span> },
                  {
                    header: t.colAmount,
                    numeric: true,
                    cell: (r) => <Money cents={r.amountCents} locale={ctx.locale} />,
                  },
                  { header: t.colStatus, cell: (r) => rateStatus(t, r.status) },
                  {
                    header: t.colNote,
                    cell: (r) => (
                      <>
                        {r.note && <span lang="nl">{r.note}</span>}
                        {r.note && r.payment ? ' ' : ''}
                        {r.payment && (
                          <>
                            {t.payment.split('{text}')[0]}
                            <span lang="nl">{r.payment}</span>
                            {t.payment.split('{text}')[1]}
                          </>
                        )}
                      </>
                    ),
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
