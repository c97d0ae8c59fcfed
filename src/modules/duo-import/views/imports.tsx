// Views of the import pages: the upload form with recent imports, and one import's report.
import type { ViewContext } from '../../../ui/context.ts';
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
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';

export type UploadForm = FormState;

const statusText: Record<string, string> = {
  wachtend: 'Wacht op verwerking',
  bezig: 'Bezig',
  klaar: 'Klaar',
  mislukt: 'Mislukt, er is niets veranderd',
  bevestigen: 'Wacht op uw bevestiging',
};

const changeText: Record<string, string> = {
  gewijzigd: 'Gewijzigd',
  gesloten: 'Gesloten',
  heropend: 'Weer geopend',
  nieuw: 'Nieuw',
};

const countLabels: Record<string, string> = {
  dataRows: 'Regels met gegevens',
  schoolsAdded: 'Nieuwe scholen',
  schoolsChanged: 'Gewijzigde scholen',
  schoolsClosed: 'Gesloten (niet meer in het bestand)',
  schoolsReopened: 'Weer geopend',
  schoolsUnchanged: 'Ongewijzigde scholen',
  boardsAdded: 'Nieuwe besturen',
  boardsRenamed: 'Besturen met bijgewerkte naam',
  boardNamesKept: 'Gecorrigeerde bestuursnamen behouden',
  pupilCountsAdded: 'Nieuwe leerlingtellingen',
  pupilCountsChanged: 'Gewijzigde leerlingtellingen',
  scoresStored: 'Achterstandsscores opgeslagen',
  scoresWithoutSchool: 'Scores zonder bekende school',
  rejected: 'Afgewezen regels',
  schoolsNotClosed: 'Niet gesloten, want er zijn regels afgewezen',
  schoolsKeptNewer: 'Niet bijgewerkt: een nieuwer scholenbestand beschrijft ze al',
  schoolsAddedClosed: 'Alleen in dit oudere bestand: toegevoegd als gesloten',
};

function summaryOf(counts: Record<string, number>): string {
  const parts: string[] = [];
  if (counts.schoolsAdded || counts.schoolsChanged || counts.schoolsClosed) {
    parts.push(
      `${counts.schoolsAdded ?? 0} nieuw, ${counts.schoolsChanged ?? 0} gewijzigd, ${counts.schoolsClosed ?? 0} gesloten`,
    );
  }
  if (counts.pupilCountsAdded || counts.pupilCountsChanged)
    parts.push(`${counts.pupilCountsAdded ?? 0} + ${counts.pupilCountsChanged ?? 0} tellingen`);
  if (counts.scoresStored) parts.push(`${counts.scoresStored} scores`);
  return parts.join('; ') || '–';
}

export function ImportPage({
  ctx,
  form,
  imports,
  kinds,
}: {
  ctx: ViewContext;
  form: UploadForm;
  imports: {
    id: number;
    created_at: Date;
    file_name: string;
    status: string;
    problem_count: number;
    counts: Record<string, number>;
    person: string | null;
  }[];
  kinds: Record<string, string>;
}) {
  const fileError = form.errors.bestand;
  return (
    <Layout
      ctx={ctx}
      title="Open data importeren"
      breadcrumbs={[{ href: '/overzicht', label: 'Overzicht' }, { label: 'Imports' }]}
    >
      <Heading level={1}>Open data importeren</Heading>
      <Paragraph>
        Upload een bestand van DUO (scholen, leerlingen of besturen; puntkomma-gescheiden, zoals DUO het
        publiceert) of de CBS-tabel met achterstandsscores. Elk bestand wordt in één keer verwerkt: is het
        bestand onbruikbaar, dan verandert er niets. Na de import worden de bedragen van alle scholen opnieuw
        berekend.
      </Paragraph>
      <Heading level={2}>Wanneer scholen worden gesloten</Heading>
      <ul class="utrecht-unordered-list">
        <li>
          Een scholenbestand van DUO noemt alle open vestigingen van zijn sector. Een school die er niet meer
          in staat, wordt gesloten, maar alleen als het bestand volledig en foutloos is: wordt er ook maar één
          regel afgewezen, dan sluiten we geen enkele school (een school op een afgewezen regel wordt dus
          nooit gesloten).
        </li>
        <li>
          Zou een bestand meer dan 10 % van de open scholen van een sector sluiten, dan vragen we u eerst om
          een bevestiging. Zo sluit een afgekapt bestand niet per ongeluk duizenden scholen.
        </li>
        <li>
          Elk bestand krijgt een peildatum: de datum uit het bestand of de bestandsnaam, de datum die u
          hieronder opgeeft, of anders de dag van uploaden. Een bestand dat ouder is dan het nieuwste
          ingelezen scholenbestand voegt alleen ontbrekende scholen toe (als gesloten); het sluit en hernoemt
          geen huidige scholen.
        </li>
      </ul>
      <form method="post" action="/beheer/imports" enctype="multipart/form-data" novalidate>
        <ErrorSummary form={form} title="Het bestand is niet geüpload. Verbeter het volgende:" />
        <CsrfField token={ctx.csrfToken()} />
        <SelectField
          name="soort"
          label="Soort bestand"
          required
          form={form}
          options={Object.entries(kinds).map(([value, label]) => ({ value, label }))}
        />
        <TextField
          name="jaar"
          type="number"
          label="Jaar van de telling (alleen als de bestandsnaam het niet noemt)"
          description="De teldatum is 1 oktober van dat jaar. Bijvoorbeeld 2019 voor leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv."
          form={form}
          inputMode="numeric"
        />
        <TextField
          name="peildatum"
          label="Peildatum van een scholen- of bestuurbestand (als het bestand die niet noemt)"
          description="De dag waarop de gegevens in het bestand golden, als JJJJ-MM-DD, bijvoorbeeld 2020-12-01. Laat leeg voor een bestand dat u vandaag bij DUO hebt gedownload."
          form={form}
        />
        <div
          class={`utrecht-form-field utrecht-form-field--text${fileError ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="bestand">
              Bestand
            </label>
          </div>
          {fileError && (
            <div class="utrecht-form-field-error-message utrecht-form-field__error-message" id="bestand-fout">
              {fileError}
            </div>
          )}
          <div class="utrecht-form-field__input">
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              type="file"
              id="bestand"
              name="bestand"
              accept=".csv,.txt,.xlsx"
              required
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={fileError ? 'bestand-fout' : undefined}
            />
          </div>
        </div>
        <Button>Uploaden en importeren</Button>
      </form>
      <section aria-labelledby="recent">
        <Heading level={2} id="recent">
          Laatste imports
        </Heading>
        {imports.length === 0 ? (
          <Paragraph>Er is nog niets geïmporteerd.</Paragraph>
        ) : (
          <Table
            caption="De laatste 20 imports"
            rows={imports}
            rowKey={(i) => i.id}
            columns={[
              { header: 'Moment', cell: (i) => formatDateTime(i.created_at, ctx.locale) },
              { header: 'Bestand', cell: (i) => <Link href={`/beheer/imports/${i.id}`}>{i.file_name}</Link> },
              { header: 'Status', cell: (i) => statusText[i.status] ?? i.status },
              { header: 'Resultaat', cell: (i) => summaryOf(i.counts ?? {}) },
              { header: 'Afgewezen regels', numeric: true, cell: (i) => formatNumber(i.problem_count) },
              { header: 'Door', cell: (i) => i.person ?? 'opdrachtregel' },
            ]}
          />
        )}
      </section>
    </Layout>
  );
}

export function ImportReportPage({
  ctx,
  row,
  progress,
  changes,
}: {
  ctx: ViewContext;
  row: {
    id: number;
    created_at: Date;
    finished_at: Date | null;
    file_name: string;
    file_kind: string | null;
    status: string;
    problem_count: number;
    problems: { line: number; reason: string }[];
    counts: Record<string, number>;
    message: string | null;
    size_bytes: number;
    person: string | null;
    peildatum: string | null;
    peildatum_source: string | null;
  };
  progress: { phase: string; done: number; total: number } | null;
  changes: {
    id: number;
    change: string;
    field: string | null;
    old_value: string | null;
    new_value: string | null;
    code: string | null;
    name: string;
    kind: string;
  }[];
}) {
  const running = row.status === 'wachtend' || row.status === 'bezig';
  const counts = Object.entries(row.counts ?? {}).filter(
    ([k, v]) => k in countLabels && (v > 0 || k === 'rejected'),
  );
  return (
    <Layout
      ctx={ctx}
      title={`Import ${row.file_name}`}
      breadcrumbs={[{ href: '/beheer/imports', label: 'Imports' }, { label: row.file_name }]}
    >
      <Heading level={1}>Import {row.file_name}</Heading>
      <DataSummary
        items={[
          { key: 'Status', value: statusText[row.status] ?? row.status },
          {
            key: 'Geüpload',
            value: `${formatDateTime(row.created_at, ctx.locale)}${row.person ? ` door ${row.person}` : ''}`,
          },
          ...(row.finished_at ? [{ key: 'Klaar', value: formatDateTime(row.finished_at, ctx.locale) }] : []),
          { key: 'Grootte', value: `${formatNumber(Math.ceil(row.size_bytes / 1024))} kB` },
          ...(row.peildatum
            ? [{ key: 'Peildatum', value: `${row.peildatum} (${row.peildatum_source ?? 'bron onbekend'})` }]
            : []),
        ]}
      />
      {running && (
        <div data-vernieuw="2000">
          <p class="nl-paragraph" role="status">
            {progress
              ? `${progress.phase} (stap ${progress.done + 1} van ${progress.total + 1})`
              : 'Het bestand wacht op verwerking.'}
          </p>
          <progress
            max={(progress?.total ?? 3) + 1}
            value={(progress?.done ?? 0) + 1}
            aria-label="Voortgang van de import"
          />
          <Paragraph>
            <Link href={`/beheer/imports/${row.id}`}>Vernieuw deze pagina</Link> om de voortgang te zien.
          </Paragraph>
        </div>
      )}
      {row.status === 'mislukt' && (
        <Alert type="error">
          Het bestand is niet geïmporteerd; er is niets veranderd. {row.message} Pas het bestand aan of kies
          het juiste soort en upload het opnieuw.
        </Alert>
      )}
      {row.status === 'bevestigen' && (
        <>
          <Alert type="warning">
            Het bestand is nog niet geïmporteerd; er is niets veranderd. {row.message}
          </Alert>
          <form novalidate method="post" action={`/beheer/imports/${row.id}/bevestigen`}>
            <CsrfField token={ctx.csrfToken()} />
            <Paragraph>
              Weet u zeker dat deze scholen gesloten zijn? Kies dan “Importeren en scholen sluiten”. Twijfelt
              u, annuleer dan en download het bestand opnieuw bij DUO.
            </Paragraph>
            <Button name="besluit" value="sluiten" variant="danger">
              Importeren en scholen sluiten
            </Button>{' '}
            <Button name="besluit" value="annuleren" variant="secondary">
              Annuleren
            </Button>
          </form>
        </>
      )}
      {row.status === 'klaar' && (
        <>
          <Alert type="ok">Het bestand is geïmporteerd en de bedragen zijn opnieuw berekend.</Alert>
          <Table
            caption="Resultaat van de import"
            rows={counts}
            rowKey={([k]) => k}
            columns={[
              { header: 'Onderdeel', cell: ([k]) => countLabels[k] },
              { header: 'Aantal', numeric: true, cell: ([, v]) => formatNumber(v) },
            ]}
          />
        </>
      )}
      {changes.length > 0 && (
        <section aria-labelledby="wijzigingen">
          <Heading level={2} id="wijzigingen">
            Wijzigingen
          </Heading>
          <Paragraph>
            Wat deze import aan bestaande scholen en besturen veranderde (nieuwe scholen en besturen staan
            alleen in de telling).
            {changes.length > 300 ? ' Hieronder staan de eerste 300.' : ''}
          </Paragraph>
          <Table
            caption={`Wijzigingen door ${row.file_name}`}
            rows={changes.slice(0, 300)}
            rowKey={(c) => c.id}
            columns={[
              { header: 'School of bestuur', cell: (c) => `${c.name} (${c.code ?? ''})` },
              { header: 'Wijziging', cell: (c) => changeText[c.change] ?? c.change },
              { header: 'Gegeven', cell: (c) => c.field ?? '–' },
              { header: 'Was', cell: (c) => c.old_value ?? '–' },
              { header: 'Wordt', cell: (c) => c.new_value ?? '–' },
            ]}
          />
        </section>
      )}
      {row.problems.length > 0 && (
        <section aria-labelledby="afgewezen">
          <Heading level={2} id="afgewezen">
            Afgewezen regels
          </Heading>
          {row.problem_count > row.problems.length && (
            <Paragraph>
              Er zijn {formatNumber(row.problem_count)} regels afgewezen; hieronder staan de eerste{' '}
              {formatNumber(row.problems.length)}.
            </Paragraph>
          )}
          <Table
            caption={`Afgewezen regels in ${row.file_name}`}
            rows={row.problems}
            rowKey={(p) => `${p.line}-${p.reason}`}
            columns={[
              { header: 'Regel', numeric: true, cell: (p) => String(p.line) },
              { header: 'Reden', cell: (p) => p.reason },
            ]}
          />
        </section>
      )}
      <Paragraph>
        <Link href="/beheer/imports">Terug naar de imports</Link>
      </Paragraph>
    </Layout>
  );
}
