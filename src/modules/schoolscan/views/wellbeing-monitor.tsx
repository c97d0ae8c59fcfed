// The aggregated results of a monitoring tool per group: entered one at a time, pasted or
// uploaded as a small CSV (all or nothing), each group by its own team member or the leader.
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
  Table,
  TextArea,
  TextField,
  SelectField,
  type FormState,
} from '../../../ui/components.tsx';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { MonitorRow } from '../repository/wellbeing.ts';
import {
  grades,
  minPupilsToConclude,
  monitorColumns,
  type MonitorCsvProblem,
} from '../services/wellbeing.ts';
import { scanCrumbs, type SchoolRef } from './scan.tsx';
import { ExportFileField } from './lvs.tsx';
import { yearBase, MonitorTable } from './wellbeing.tsx';

export interface MonitorImportReport {
  fileProblem: string | null;
  problems: MonitorCsvProblem[];
}

export function MonitorPage({
  ctx,
  school,
  year,
  results,
  scanDone,
  form,
  csv,
  report,
  notice,
  myGrades,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  /** A team member's own groups (they enter results for these only); null for the leader. */
  myGrades: number[] | null;
  results: MonitorRow[];
  scanDone: boolean;
  form?: FormState;
  csv?: string;
  report?: MonitorImportReport;
  notice?: string;
}) {
  const base = yearBase(school.id, year.id);
  const f = form ?? { values: {}, errors: {} };
  return (
    <Layout
      ctx={ctx}
      title={`Volginstrument sociaal-emotionele ontwikkeling – schoolscan ${year.label} ${school.name}`}
      breadcrumbs={scanCrumbs(school, [{ href: base, label: year.label }, { label: 'Volginstrument' }])}
    >
      <Heading level={1}>Uitkomsten van een volginstrument {year.label}</Heading>
      <Paragraph lead>
        Heeft uw school een instrument om de sociaal-emotionele ontwikkeling of het welbevinden te volgen? Zet
        hier de uitkomsten per groep, zoals het aandeel leerlingen dat extra aandacht nodig heeft. Alleen
        getallen per groep: geen namen, geen leerlingnummers en geen uitkomsten van afzonderlijke leerlingen.
      </Paragraph>
      {notice && <Alert type="ok">{notice}</Alert>}
      {results.length ? (
        <MonitorTable
          results={results}
          remove={scanDone ? undefined : { base: `${base}/volginstrument`, csrf: ctx.csrfToken() }}
        />
      ) : (
        <Paragraph>Er zijn nog geen uitkomsten ingevoerd.</Paragraph>
      )}
      <Paragraph>
        Uitkomsten over minder dan {minPupilsToConclude} leerlingen worden getoond, maar zijn te weinig om
        conclusies uit te trekken.
      </Paragraph>
      {scanDone ? (
        <Paragraph>
          De schoolscan is afgerond; er kunnen geen uitkomsten bij tot de schoolleider de scan opnieuw opent.
        </Paragraph>
      ) : (
        <>
          {myGrades && (
            <Paragraph>
              {myGrades.length
                ? `U zet hier uitkomsten van uw eigen ${myGrades.length === 1 ? 'groep' : 'groepen'}: ${myGrades.map((g) => `groep ${g}`).join(', ')}. De schoolleider kan alle groepen invullen.`
                : 'U bent nog niet aan een groep gekoppeld, dus u kunt hier geen uitkomsten invullen. De schoolleider koppelt teamleden aan groepen.'}
            </Paragraph>
          )}
          <form method="post" action={`${base}/volginstrument`} class="npo-stack" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <Heading level={2}>Eén uitkomst toevoegen</Heading>
            <ErrorSummary form={f} title="De uitkomst is niet opgeslagen. Verbeter het volgende:" />
            <SelectField
              name="groep"
              label="Groep"
              form={f}
              options={[
                { value: '', label: 'Kies een groep' },
                ...(myGrades ?? grades).map((g) => ({ value: String(g), label: `Groep ${g}` })),
              ]}
            />
            <TextField
              name="instrument"
              label="Instrument"
              description="De naam van het volginstrument."
              form={f}
              maxLength={100}
            />
            <TextField
              name="maat"
              label="Maat"
              description='Wat het getal zegt, bijvoorbeeld "aandeel leerlingen extra aandacht".'
              form={f}
              maxLength={100}
            />
            <TextField
              name="aantal"
              label="Aantal leerlingen"
              description="Over hoeveel leerlingen gaat de uitkomst?"
              form={f}
              inputMode="numeric"
            />
            <TextField
              name="waarde"
              label="Waarde"
              description="Een score of een percentage, bijvoorbeeld 12,5. Een uitkomst met dezelfde groep, instrument en maat wordt vervangen."
              form={f}
              inputMode="decimal"
            />
            <Button>Uitkomst opslaan</Button>
          </form>
          <form
            method="post"
            action={`${base}/volginstrument/importeren`}
            enctype="multipart/form-data"
            class="npo-stack"
            novalidate
          >
            <CsrfField token={ctx.csrfToken()} />
            <Heading level={2}>Meer uitkomsten tegelijk (CSV)</Heading>
            <Paragraph>
              Kies een klein CSV-bestand of plak de regels ervan, met als eerste regel de kolomnamen{' '}
              <code>{monitorColumns.join(';')}</code>. Eén regel per groep en maat. Klopt één regel niet, dan
              wordt niets opgeslagen en ziet u per regel wat er mis is.
            </Paragraph>
            {report && (
              <Alert type="error">
                <p class="nl-paragraph">
                  <a class="nl-link rhc-link" href="#regels">
                    De regels zijn niet ingelezen; er is niets opgeslagen.
                  </a>{' '}
                  {report.fileProblem ??
                    `${report.problems.length === 1 ? '1 regel klopt' : `${report.problems.length} regels kloppen`} niet.`}
                </p>
              </Alert>
            )}
            {report && report.problems.length > 0 && (
              <Table
                caption="Regels die niet kloppen"
                rows={report.problems}
                rowKey={(p) => p.line}
                columns={[
                  { header: 'Regel', numeric: true, cell: (p) => p.line },
                  { header: 'Wat er mis is', cell: (p) => p.message },
                ]}
              />
            )}
            <ExportFileField label="CSV-bestand met uitkomsten per groep" />
            <TextArea
              name="regels"
              label="Of plak de regels van het bestand"
              description="Dit veld telt alleen als u geen bestand kiest. Bijvoorbeeld: groep;instrument;maat;aantal leerlingen;waarde en daaronder 5;Ons volgsysteem;aandeel extra aandacht;24;12,5"
              form={{
                values: { regels: csv ?? '' },
                errors: report ? { regels: 'Verbeter de regels hierboven en plak ze opnieuw.' } : {},
              }}
              rows={8}
            />
            <Button>Regels inlezen</Button>
          </form>
        </>
      )}
      <Paragraph>
        <Link href={`${base}#stap-sociaal-emotioneel`}>Terug naar de schoolscan</Link>
      </Paragraph>
    </Layout>
  );
}
