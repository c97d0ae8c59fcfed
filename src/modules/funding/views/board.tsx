// The board's funding page: its schools' amounts and the reservations for a board-level pool.
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import type { ViewContext } from '../../../ui/context.ts';
import { ConfirmLink, ConfirmPage } from '../../../ui/confirm-page.tsx';
import { Layout } from '../../../ui/layout.tsx';
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
} from '../../../ui/components.tsx';
import { formatCents, formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { FundingYear } from '../repository/years.ts';
import type { BoardSchoolRow, PurposeChoices } from '../services/reservations.ts';
import { PurposeFields, purposeText } from './reservation-purpose.tsx';
import { yearStatusText, allocationCell, starNote, diffText, YearChooser } from './format.tsx';

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
  category_code: string | null;
  intervention_code: string | null;
  plan_intervention_title: string | null;
}

export function BoardFundingPage({
  ctx,
  board,
  year,
  years,
  rows,
  reservations,
  choices,
  form,
  saved,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  year: FundingYear;
  years: FundingYear[];
  rows: BoardSchoolRow[];
  reservations: ReservationRow[];
  choices: PurposeChoices;
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
              { header: 'Menukaart en plan', cell: (r) => purposeText(r) },
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
                    // Asks first on its own page (works without JavaScript); that page posts.
                    <ConfirmLink href={`${base}/reserveringen/${r.id}/intrekken`} variant="secondary-action">
                      Intrekken
                      <span class="npo-visually-hidden">
                        {' '}
                        ({r.school_name}, {formatCents(r.amount_cents)})
                      </span>
                    </ConfirmLink>
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
            <IdempotencyField value={form.values._sleutel} />
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
            <PurposeFields choices={choices} form={form} />
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

/** Asks the board before it withdraws a reservation: what is withdrawn and what that means. */
export function WithdrawReservationConfirm({
  ctx,
  boardId,
  reservation: r,
}: {
  ctx: ViewContext;
  boardId: number;
  reservation: {
    id: number;
    school_name: string;
    school_year: string;
    amount_cents: number;
    purpose: string;
  };
}) {
  const back = `/besturen/${boardId}/bekostiging?schooljaar=${encodeURIComponent(r.school_year)}`;
  return (
    <ConfirmPage
      ctx={ctx}
      title="Reservering intrekken?"
      breadcrumbs={[
        { href: '/overzicht', label: 'Overzicht' },
        { href: back, label: 'Bekostiging' },
        { label: 'Reservering intrekken' },
      ]}
      action={`/besturen/${boardId}/bekostiging/reserveringen/${r.id}/intrekken`}
      fields={{ schooljaar: r.school_year }}
      confirmLabel="Ja, reservering intrekken"
      back={{ href: back, label: 'Nee, terug naar de bekostiging' }}
    >
      <DataSummary
        items={[
          { key: 'School', value: r.school_name },
          { key: 'Schooljaar', value: r.school_year },
          { key: 'Bedrag', value: formatCents(r.amount_cents) },
          { key: 'Doel', value: r.purpose },
        ]}
      />
      <Paragraph>
        Als u de reservering intrekt, telt dit bedrag niet meer mee als gereserveerd van deze school. De
        reservering blijft in de lijst staan, met de datum waarop ze is ingetrokken.
      </Paragraph>
    </ConfirmPage>
  );
}
