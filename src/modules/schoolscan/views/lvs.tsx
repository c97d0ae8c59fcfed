// The page where school staff import their LVS export and see earlier imports, and the report
// of a refused file (a reason per line).
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, CsrfField, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ImportListRow } from '../repository/lvs.ts';
import type { LineProblem } from '../services/parse/lvs-parse.ts';
import { columns, maxDataLines, maxFileMegabytes } from '../services/parse/lvs-format.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';

export interface ImportReport {
  fileName: string;
  /** The saved column mapping the file was read with, if any. */
  mappingName?: string;
  fileProblem: string | null;
  problems: LineProblem[];
  warnings: string[];
}

/** At most this many line problems on the page; the rest is counted. */
const shownProblems = 200;

export function LvsPage({
  ctx,
  school,
  imports,
  report,
  done,
  formError,
  idempotencyKey,
  mappingNames = new Map(),
  savedMapping,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  imports: ImportListRow[];
  report?: ImportReport;
  done?: ImportListRow;
  formError?: string;
  idempotencyKey?: string;
  /** Per import id, the name of the column mapping it was read with. */
  mappingNames?: Map<number, string>;
  /** A mapping just saved or changed. */
  savedMapping?: { id: number; name: string };
}) {
  const action = `${scanBase(school.id)}/toetsgegevens`;
  const mappingsHref = `${action}/koppelingen`;
  const doneMapping = done ? mappingNames.get(done.id) : undefined;
  return (
    <Layout
      ctx={ctx}
      title={`Toetsgegevens ${school.name}`}
      breadcrumbs={scanCrumbs(school, [{ label: 'Toetsgegevens' }])}
    >
      <Heading level={1}>Toetsgegevens importeren</Heading>
      {savedMapping && !done && !report && (
        <Alert type="ok">
          <p class="nl-paragraph">
            De koppeling "{savedMapping.name}" is opgeslagen. Het bestand zelf is niet bewaard: kies het
            hieronder nog een keer om het in te lezen. Een export met dezelfde kolommen wordt herkend en met
            deze koppeling ingelezen.
          </p>
        </Alert>
      )}
      {done && (
        <Alert type="ok">
          <p class="nl-paragraph">
            Het bestand {done.file_name} is ingelezen: {formatNumber(done.rows)} uitslagen van{' '}
            {formatNumber(done.pupils)} leerlingen ({done.school_years.join(', ')})
            {doneMapping ? `, met de koppeling "${doneMapping}"` : ''}. Het bestand zelf is niet bewaard.
          </p>
          {done.warnings.length > 0 && (
            <ul>
              {done.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <p class="nl-paragraph">
            <Link href={scanBase(school.id)}>Terug naar de schoolscan</Link>
          </p>
        </Alert>
      )}
      {report && (
        <Alert type="error">
          <p class="nl-paragraph">
            Het bestand {report.fileName} is niet ingelezen; er is niets opgeslagen.{' '}
            {report.mappingName ? `Het is gelezen met de koppeling "${report.mappingName}". ` : ''}
            {report.fileProblem ??
              `${formatNumber(report.problems.length)} ${report.problems.length === 1 ? 'regel klopt' : 'regels kloppen'} niet. Verbeter ${report.problems.length === 1 ? 'die regel' : 'die regels'} en upload het hele bestand opnieuw.`}
          </p>
          {report.warnings.length > 0 && (
            <ul>
              {report.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {!report.mappingName && report.fileProblem?.includes('verplichte kolom') && (
            <p class="nl-paragraph">
              Komt het bestand uit een export met andere kolomnamen?{' '}
              <Link href={mappingsHref}>Koppel de kolommen</Link> één keer; daarna wordt zo'n export herkend.
            </p>
          )}
        </Alert>
      )}
      {report && report.problems.length > 0 && (
        <>
          <Table
            caption="Regels die niet kloppen"
            rows={report.problems.slice(0, shownProblems)}
            rowKey={(p) => p.line}
            columns={[
              { header: 'Regel', numeric: true, cell: (p) => p.line },
              { header: 'Wat er niet klopt', cell: (p) => p.reason },
            ]}
          />
          {report.problems.length > shownProblems && (
            <Paragraph>
              En nog {formatNumber(report.problems.length - shownProblems)} regels met een fout; verbeter
              eerst de regels hierboven.
            </Paragraph>
          )}
        </>
      )}
      <Paragraph lead>
        Upload de export met toetsuitslagen uit uw leerlingvolgsysteem. Het platform leest alle regels; als er
        één regel niet klopt, wordt niets opgeslagen en ziet u per regel wat er mis is.
      </Paragraph>
      <Heading level={2}>Zo gaat het platform met de gegevens om</Heading>
      <ul class="utrecht-unordered-list">
        <li>
          De leerlingsleutel wordt bij het inlezen vervangen door een code die alleen binnen uw school te
          herleiden is. De leerlingsleutel zelf wordt niet opgeslagen.
        </li>
        <li>
          Kolommen met namen, een BSN of een ander persoonsnummer worden weggelaten en niet opgeslagen. U
          krijgt daarvan een melding. Laat zulke kolommen het liefst al weg uit de export.
        </li>
        <li>Het bestand zelf wordt niet bewaard; alleen de uitslagen per leerlingcode.</li>
        <li>Alleen de schoolleider en de teamleden van uw school zien de toetsgegevens.</li>
      </ul>
      <Heading level={2}>Het bestand</Heading>
      <Paragraph>
        Een CSV-bestand (UTF-8 of Windows-1252) met een puntkomma of komma als scheidingsteken, decimalen met
        een komma of punt, en datums als 25-01-2021. Hoogstens {maxFileMegabytes} MB en{' '}
        {formatNumber(maxDataLines)} regels. Een uitslag die al eerder is ingelezen (zelfde leerling,
        aanbieder, vakgebied, moment en schooljaar) wordt vervangen door de nieuwe.
      </Paragraph>
      <Paragraph>
        Heeft uw export andere kolomnamen of eigen codes (zoals "B", "M" en "E" of eigen toetscodes)?{' '}
        <Link href={mappingsHref}>Koppel de kolommen</Link> één keer per soort export. Een bestand met de
        kolommen van een bewaarde koppeling wordt daarna meteen met die koppeling ingelezen.
      </Paragraph>
      <Table
        caption="Kolommen van het bestand (de eerste regel noemt ze)"
        rows={columns}
        rowKey={(c) => c.key}
        columns={[
          { header: 'Kolom', cell: (c) => <code>{c.key}</code> },
          {
            header: 'Verplicht',
            cell: (c) => (c.required ? 'ja' : c.key === 'schooljaar' ? 'ja, of bij het moment' : 'nee'),
          },
          { header: 'Inhoud', cell: (c) => c.description },
        ]}
      />
      <form novalidate method="post" action={action} enctype="multipart/form-data" class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        <IdempotencyField value={idempotencyKey} />
        <ExportFileField error={formError} />
        <div class="utrecht-form-field utrecht-form-field--textarea">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="inhoud">
              Of plak de regels hier
            </label>
          </div>
          <div
            class="utrecht-form-field-description utrecht-form-field__description"
            id="inhoud-omschrijving"
          >
            Met de kopregel erbij, bijvoorbeeld gekopieerd uit een spreadsheet. Dit veld telt alleen als u
            geen bestand kiest.
          </div>
          <div class="utrecht-form-field__input">
            <textarea
              class="utrecht-textarea utrecht-textarea--html-textarea"
              id="inhoud"
              name="inhoud"
              rows={6}
              aria-describedby="inhoud-omschrijving"
            />
          </div>
        </div>
        <Button>Gegevens inlezen</Button>
      </form>
      <Heading level={2}>Eerdere imports</Heading>
      <Paragraph>
        De uitslagen blijven een beperkte tijd bewaard.{' '}
        <Link href={`${scanBase(school.id)}/bewaartermijn`}>
          Bekijk de bewaartermijn en wanneer uitslagen worden verwijderd
        </Link>
        .
      </Paragraph>
      {imports.length === 0 ? (
        <Paragraph>Er zijn nog geen toetsgegevens ingelezen.</Paragraph>
      ) : (
        <Table
          caption="Eerdere imports, nieuwste eerst"
          rows={imports}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Ingelezen', cell: (r) => formatDateTime(r.created_at) },
            { header: 'Door', cell: (r) => r.person_name ?? '–' },
            { header: 'Bestand', cell: (r) => r.file_name },
            { header: 'Uitslagen', numeric: true, cell: (r) => formatNumber(r.rows) },
            { header: 'Leerlingen', numeric: true, cell: (r) => formatNumber(r.pupils) },
            { header: 'Schooljaren', cell: (r) => r.school_years.join(', ') },
            { header: 'Koppeling', cell: (r) => mappingNames.get(r.id) ?? 'plat formaat' },
          ]}
        />
      )}
    </Layout>
  );
}

/** The file field of an LVS export, shared by the upload and the column-mapping form. */
export function ExportFileField({
  error,
  label = 'Exportbestand (CSV)',
}: {
  error?: string | undefined;
  label?: string;
}) {
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for="bestand">
          {label}
        </label>
      </div>
      {error && (
        <div class="utrecht-form-field-error-message utrecht-form-field__error-message" id="bestand-fout">
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <input
          type="file"
          id="bestand"
          name="bestand"
          accept=".csv,.txt,text/csv,text/plain"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'bestand-fout' : undefined}
        />
      </div>
    </div>
  );
}
