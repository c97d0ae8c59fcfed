// Before a rate changes: what it does to the schools' amounts per sector, and the confirmation.
// A change that needs a second analist is put forward for approval instead of made.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  Heading,
  Link,
  Paragraph,
  Table,
} from '../../../ui/components.tsx';
import { formatNumber } from '../../../platform/i18n/i18n.ts';
import type { RateRow } from '../repository/rates.ts';
import type { FundingYear } from '../repository/years.ts';
import type { RateChange } from '../services/rates.ts';
import type { RateImpact } from '../services/rate-impact.ts';
import { diffText, Money, rateStatusText, sectorText } from './format.tsx';

/** The edit form again with these values (the way back from the confirmation). */
export const rateFormHref = (rateId: number, v: { bedrag: string; status: string; reden: string }) =>
  `/beheer/bekostiging/tarieven/${rateId}?${new URLSearchParams(v).toString()}`;

export function RateImpactPage({
  ctx,
  rate,
  year,
  change,
  values,
  impact,
  secondApproval,
}: {
  ctx: ViewContext;
  rate: RateRow;
  year: FundingYear;
  change: RateChange;
  values: { bedrag: string; status: string; reden: string };
  impact: RateImpact;
  secondApproval: boolean;
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Gevolgen van de wijziging: ${rate.label} ${year.label}`}
      breadcrumbs={[
        { href: '/beheer/bekostiging', label: 'Bekostiging' },
        { href: `/beheer/bekostiging/tarieven/${rate.id}`, label: `${rate.label} ${year.label}` },
        { label: 'Gevolgen' },
      ]}
    >
      <Heading level={1}>Gevolgen van de wijziging</Heading>
      <Paragraph lead>
        Controleer wat de wijziging doet voordat u haar bevestigt. Er is nog niets opgeslagen.
      </Paragraph>
      <DataSummary
        items={[
          { key: 'Bedrag', value: `${rate.label} (${year.label})` },
          {
            key: 'Van',
            value: (
              <>
                <Money cents={rate.amountCents} /> ({rateStatusText[rate.status]})
              </>
            ),
          },
          {
            key: 'Naar',
            value: (
              <>
                <Money cents={change.amountCents} /> ({rateStatusText[change.status]})
              </>
            ),
          },
          { key: 'Reden', value: change.reason },
        ]}
      />
      <Paragraph>
        {impact.schoolsAffected === 0
          ? 'Geen enkele school krijgt door deze wijziging een ander bedrag.'
          : `${formatNumber(impact.schoolsAffected)} ${impact.schoolsAffected === 1 ? 'school krijgt' : 'scholen krijgen'} een ander bedrag. Samen verandert de toekenning met `}
        {impact.schoolsAffected > 0 && <>{diffText(impact.beforeCents, impact.afterCents)}.</>}
      </Paragraph>
      <Table
        caption={`Gevolgen per sector, schooljaar ${year.label}`}
        rows={impact.perSector}
        rowKey={(s) => s.sector}
        columns={[
          { header: 'Sector', cell: (s) => sectorText(s.sector) },
          { header: 'Scholen met een ander bedrag', numeric: true, cell: (s) => formatNumber(s.schools) },
          { header: 'Nu', numeric: true, cell: (s) => <Money cents={s.beforeCents} /> },
          { header: 'Na de wijziging', numeric: true, cell: (s) => <Money cents={s.afterCents} /> },
          { header: 'Verschil', numeric: true, cell: (s) => diffText(s.beforeCents, s.afterCents) },
        ]}
      />
      {secondApproval && (
        <Alert type="info">
          Dit bedrag is of wordt definitief. Een tweede analist moet de wijziging goedkeuren; tot dan blijven
          de bedragen van de scholen zoals ze zijn.
        </Alert>
      )}
      <form method="post" action={`/beheer/bekostiging/tarieven/${rate.id}`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <input type="hidden" name="bedrag" value={values.bedrag} />
        <input type="hidden" name="status" value={values.status} />
        <input type="hidden" name="reden" value={values.reden} />
        <Button>
          {secondApproval ? 'Voorleggen aan een tweede analist' : 'Wijzigen en opnieuw berekenen'}
        </Button>
      </form>
      <Paragraph>
        <Link href={rateFormHref(rate.id, values)}>Terug naar het formulier</Link>
      </Paragraph>
    </Layout>
  );
}
