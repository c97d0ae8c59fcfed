// The page where the school leader chooses how long the platform keeps the school's imported
// test results, with what is deleted and when in plain words, and per import when its results
// go (or went). Team members read the page; only the leader sees the form.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ImportExpiryRow } from '../repository/retention.ts';
import { defaultRetentionMonths, retentionChoices, retentionLabel } from '../services/retention.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';

export interface RetentionSetting {
  months: number;
  /** Null when the school never chose: the default applies. */
  chosen: { at: Date; by: string | null } | null;
}

export function RetentionPage({
  ctx,
  school,
  setting,
  imports,
  canChange,
  form,
  saved,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  setting: RetentionSetting;
  imports: ImportExpiryRow[];
  canChange: boolean;
  form?: FormState;
  saved?: boolean;
}) {
  const action = `${scanBase(school.id)}/bewaartermijn`;
  const f = form ?? { values: { bewaartermijn: String(setting.months) }, errors: {} };
  return (
    <Layout
      ctx={ctx}
      title={`Bewaartermijn toetsgegevens ${school.name}`}
      breadcrumbs={scanCrumbs(school, [
        { href: `${scanBase(school.id)}/toetsgegevens`, label: 'Toetsgegevens' },
        { label: 'Bewaartermijn' },
      ])}
    >
      <Heading level={1}>Bewaartermijn van de toetsgegevens</Heading>
      {saved && <Alert type="ok">De bewaartermijn is opgeslagen: {retentionLabel(setting.months)}.</Alert>}
      <Paragraph lead>
        De toetsuitslagen die u inleest, blijven niet altijd op het platform. De schoolleider kiest hoe lang
        ze bewaard blijven; daarna worden ze verwijderd.
      </Paragraph>
      <section aria-labelledby="wat-wanneer" class="npo-card npo-stack">
        <Heading level={2} id="wat-wanneer">
          Wat wordt verwijderd, en wanneer
        </Heading>
        <ul class="utrecht-unordered-list">
          <li>
            <strong>Wat:</strong> de uitslagen per leerling uit de export van uw leerlingvolgsysteem: per
            leerling (alleen onder een code, nooit met naam) de groep, het vak, het toetsmoment, de scores en
            de niveaus.
          </li>
          <li>
            <strong>Wanneer:</strong> als de bewaartermijn voorbij is, gerekend vanaf de dag waarop het
            bestand is ingelezen. Het platform kijkt elke nacht welke uitslagen over hun termijn zijn en
            verwijdert die. Leest u dezelfde uitslagen later opnieuw in, dan telt de termijn vanaf dat nieuwe
            inlezen.
          </li>
          <li>
            <strong>Wat blijft:</strong> de registratie van het inlezen zelf (datum, bestandsnaam, aantal
            uitslagen en leerlingen, schooljaren). Daarin staan geen gegevens van leerlingen. De teksten van
            uw schoolscan blijven ook staan.
          </li>
          <li>
            <strong>Gevolg:</strong> de analyse toont verwijderde uitslagen niet meer. Het platform kan ze
            niet terughalen; u kunt ze wel opnieuw inlezen uit uw leerlingvolgsysteem.
          </li>
          <li>
            Kiest u een kortere termijn, dan worden oudere uitslagen in de eerstvolgende nacht al verwijderd.
          </li>
        </ul>
      </section>
      <section aria-labelledby="termijn" class="npo-stack">
        <Heading level={2} id="termijn">
          De bewaartermijn van {school.name}
        </Heading>
        <Paragraph>
          Nu: <strong>{retentionLabel(setting.months)}</strong>{' '}
          {setting.chosen
            ? `(gekozen${setting.chosen.by ? ` door ${setting.chosen.by}` : ''} op ${formatDateTime(setting.chosen.at)}).`
            : `(de standaardtermijn; de school heeft nog niet zelf gekozen).`}
        </Paragraph>
        {canChange ? (
          <form method="post" action={action} class="npo-stack" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <ErrorSummary form={f} title="De bewaartermijn is niet opgeslagen:" />
            <SelectField
              name="bewaartermijn"
              label="Bewaartermijn"
              description="Hoe lang na het inlezen de uitslagen per leerling bewaard blijven."
              form={f}
              options={retentionChoices.map((m) => ({
                value: String(m),
                label: `${retentionLabel(m)}${m === defaultRetentionMonths ? ' (standaard)' : ''}`,
              }))}
            />
            <Button>Bewaartermijn opslaan</Button>
          </form>
        ) : (
          <Paragraph>Alleen de schoolleider kan de bewaartermijn wijzigen.</Paragraph>
        )}
      </section>
      <section aria-labelledby="per-bestand" class="npo-stack">
        <Heading level={2} id="per-bestand">
          Per ingelezen bestand
        </Heading>
        {imports.length === 0 ? (
          <Paragraph>
            Er zijn nog geen toetsgegevens ingelezen.{' '}
            <Link href={`${scanBase(school.id)}/toetsgegevens`}>Toetsgegevens importeren</Link>
          </Paragraph>
        ) : (
          <Table
            caption="Ingelezen bestanden en wanneer hun uitslagen worden verwijderd, nieuwste eerst"
            rows={imports}
            rowKey={(r) => r.id}
            columns={[
              { header: 'Ingelezen', cell: (r) => formatDateTime(r.created_at) },
              { header: 'Bestand', cell: (r) => r.file_name },
              { header: 'Uitslagen nog bewaard', numeric: true, cell: (r) => formatNumber(r.kept) },
              {
                header: 'Verwijderd',
                cell: (r) =>
                  r.purged_at
                    ? `Verwijderd op ${formatDate(r.purged_at)} (${formatNumber(r.purged_rows ?? 0)} uitslagen)`
                    : r.kept === 0
                      ? 'Niets meer bewaard: de uitslagen zijn later opnieuw ingelezen'
                      : `Na ${formatDate(r.expires_at)}`,
              },
            ]}
          />
        )}
      </section>
    </Layout>
  );
}
