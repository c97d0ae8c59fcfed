// The public page of one school: its amount per school year, line by line.
import { useId } from 'preact/hooks';
import type { ViewContext } from '../../../ui/context.ts';
import { placeLabel, placeName } from '../../../platform/search/place-names.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, DataSummary, Heading, Link, Paragraph, TableScroll } from '../../../ui/components.tsx';
import { format, formatDate, formatNumber, type Locale } from '../../../platform/i18n/i18n.ts';
import { fundingText } from '../messages.ts';
import { hundredthsToText } from '../services/money.ts';
import type { AllocationRow } from '../repository/allocations.ts';
import type { SchoolListRow } from '../repository/schools.ts';
import type { FundingYear } from '../repository/years.ts';
import type { AllocationLine } from '../tables.ts';
import { lineStatus, yearStatus, Money, sectorText } from './format.tsx';

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
  const captionId = `bedragen-${useId()}`;
  return (
    <TableScroll captionId={captionId}>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption" id={captionId}>
          {caption}
        </caption>
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
            <th scope="col" class="utrecht-table__header-cell">
              {t.colStatus}
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
              <td class="utrecht-table__cell">{l.status ? lineStatus(t, l.status) : ''}</td>
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
            <td class="utrecht-table__cell"></td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

export function SchoolPage({
  ctx,
  school,
  years,
  allocations,
  planSummary,
}: {
  ctx: ViewContext;
  school: SchoolListRow;
  years: FundingYear[];
  allocations: AllocationRow[];
  /** The school's published summary of its programme for parents (schoolprogramma module). */
  planSummary?: { text: string; publishedAt: Date };
}) {
  const t = fundingText(ctx.locale);
  const l = ctx.locale;
  return (
    <Layout
      translated
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
          { key: t.place, value: placeLabel(school.place) ?? '–' },
          {
            key: t.municipality,
            value: school.municipalityCode ? (
              <Link href={`/bedragen/gemeenten/${school.municipalityCode}`}>
                {placeName(school.municipalityName) ?? school.municipalityCode}
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
                    base: lineStatus(t, a.baseStatus ?? (a.status === 'onbekend' ? 'onbekend' : 'exact')),
                    supplement: lineStatus(t, a.supplementStatus ?? 'onbekend'),
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
      {planSummary && (
        <section aria-labelledby="schoolprogramma">
          <Heading level={2} id="schoolprogramma">
            {t.planSummaryTitle}
          </Heading>
          {/* The school writes in Dutch, also on the English page. */}
          <div lang="nl">
            {planSummary.text.split(/\n{2,}/).map((p, i) => (
              <Paragraph key={i}>{p}</Paragraph>
            ))}
          </div>
          <Paragraph>
            {format(t.planSummaryPublished, { date: formatDate(planSummary.publishedAt, l) })}
          </Paragraph>
        </section>
      )}
      <Paragraph>{t.rounding}</Paragraph>
      <Paragraph>{t.sources}</Paragraph>
    </Layout>
  );
}
