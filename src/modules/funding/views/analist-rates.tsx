// The analist's pages for the rates: the overview with recent runs, and editing one rate.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
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
} from '../../../ui/components.tsx';
import { formatCents, formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { RateRow } from '../repository/rates.ts';
import type { FundingYear } from '../repository/years.ts';
import { rateStatusText, Money } from './format.tsx';
import type { OpenProposal } from '../repository/rate-proposals.ts';
import { ProposalPanel } from './analist-rate-proposals.tsx';

export function RatesAdminPage({
  ctx,
  years,
  rates,
  runs,
  pending,
  failed,
  saved,
  proposals,
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
  failed: FundingYear[];
  saved?: string;
  /** Rate changes waiting for a second analist. */
  proposals: OpenProposal[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Bedragen per leerling beheren"
      breadcrumbs={[{ href: '/overzicht', label: 'Overzicht' }, { label: 'Bekostiging' }]}
    >
      <Heading level={1}>Bedragen per leerling beheren</Heading>
      {saved && failed.length === 0 && <Alert type="ok">{saved}</Alert>}
      {proposals.length > 0 && (
        <Alert type="info">
          <Paragraph>
            {proposals.length === 1
              ? 'Eén wijziging wacht op de goedkeuring van een tweede analist:'
              : `${formatNumber(proposals.length)} wijzigingen wachten op de goedkeuring van een tweede analist:`}
          </Paragraph>
          <ul class="utrecht-unordered-list">
            {proposals.map((p) => (
              <li key={p.id}>
                <Link href={`/beheer/bekostiging/tarieven/${p.rateId}`}>
                  {p.rateLabel} ({p.yearLabel})
                </Link>
                : van <Money cents={p.currentCents} /> naar <Money cents={p.amountCents} />, voorgesteld door{' '}
                {p.proposedByName ?? 'een analist'}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {failed.map((y) => (
        <Alert type="error" key={y.schoolYearId}>
          De herberekening van de bedragen van {y.label} is mislukt
          {y.recomputeFailedAt ? ` (${formatDateTime(y.recomputeFailedAt)})` : ''}. De scholen zien nog de
          vorige bedragen. Controleer de bedragen van {y.label} hieronder en sla het gewijzigde bedrag opnieuw
          op; lukt het dan nog niet, neem contact op met de beheerder en noem deze melding: {y.recomputeError}
        </Alert>
      ))}
      {pending && (
        <Alert type="info">
          De bedragen van alle scholen worden opnieuw berekend. Vernieuw deze pagina over een paar seconden.
        </Alert>
      )}
      <Paragraph>
        Wijzigt u een bedrag, dan worden de bedragen van alle scholen in dat schooljaar opnieuw berekend. De
        vorige berekening blijft bewaard; de verschillen per school en bestuur ziet u daarna.
      </Paragraph>
      <Paragraph>
        <Link href="/beheer/bekostiging/aansluiting">
          Aansluiting van de landelijke totalen met de gepubliceerde bedragen
        </Link>
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
  proposal,
  rejectForm,
}: {
  ctx: ViewContext;
  rate: RateRow;
  year: FundingYear;
  form: FormState;
  /** A change of this rate waiting for a second analist. */
  proposal?: OpenProposal;
  rejectForm?: FormState;
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
      {proposal && <ProposalPanel ctx={ctx} proposal={proposal} rejectForm={rejectForm} />}
      {/* Step one asks nothing to be saved: it shows what the change would do (a GET). */}
      <form method="get" action={`/beheer/bekostiging/tarieven/${rate.id}/gevolgen`} novalidate>
        <ErrorSummary form={form} title="Het bedrag is niet gewijzigd. Verbeter het volgende:" />
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
        <Paragraph>
          U ziet eerst wat de wijziging doet voor de scholen. Een definitief bedrag verandert pas als een
          tweede analist de wijziging goedkeurt.
        </Paragraph>
        <Button>Gevolgen bekijken</Button>
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
