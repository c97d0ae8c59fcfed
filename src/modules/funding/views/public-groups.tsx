// The public pages per municipality and per board, and the list of municipalities.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { DataSummary, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { format, formatCents, formatNumber } from '../../../platform/i18n/i18n.ts';
import { fundingText } from '../messages.ts';
import type { AllocationRow, Totals } from '../repository/allocations.ts';
import type { SchoolListRow } from '../repository/schools.ts';
import type { FundingYear } from '../repository/years.ts';
import { Money, YearChooser } from './format.tsx';
import type { YearWithRun } from '../services/years.ts';
import { SchoolTable } from './school-table.tsx';

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
    <Layout translated ctx={ctx} title={title} section="/bedragen" breadcrumbs={crumbs}>
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
      translated
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
