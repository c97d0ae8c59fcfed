// Steps 3 and 4 of the scan: the overview of all groups on the scan page, the assessment form of
// one group, the assignment of team members to groups, and the monitoring results per group.
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
  Table,
  TextArea,
  TextField,
  SelectField,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { AssessedStep } from '../tables.ts';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { AssessmentRow, AssignmentRow, MonitorRow } from '../repository/wellbeing.ts';
import { sectionTexts } from '../services/scan.ts';
import {
  assessmentItems,
  grades,
  groupNoteField,
  isComplete,
  lowScore,
  maxGroupNoteLength,
  maxItemNoteLength,
  minPupilsToConclude,
  monitorColumns,
  noteField,
  scale,
  scaleLabel,
  scoreField,
  type MonitorCsvProblem,
  type StepSummary,
} from '../services/wellbeing.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';
import { decimal } from './format.ts';
import { ExportFileField } from './lvs.tsx';

export const yearBase = (schoolId: number, schoolYearId: number) => `${scanBase(schoolId)}/${schoolYearId}`;
export const groupUrl = (schoolId: number, schoolYearId: number, step: AssessedStep, grade: number) =>
  `${yearBase(schoolId, schoolYearId)}/stappen/${step}/groepen/${grade}`;

const scoreText = (v: number | undefined) =>
  v === undefined ? 'Niet beoordeeld' : `${v} ${scaleLabel(v)}${v <= lowScore ? ' (laag)' : ''}`;

const teachersOf = (assignments: AssignmentRow[], grade: number) =>
  assignments
    .filter((a) => a.grade === grade)
    .map((a) => a.name)
    .join(', ') || 'Nog niemand toegewezen';

const stateOf = (step: AssessedStep, row: AssessmentRow | undefined) =>
  !row ? 'Nog niet ingevuld' : isComplete(step, row.scores) ? 'Ingevuld' : 'Deels ingevuld';

/** What the scan page shows of steps 3 and 4. */
export interface WellbeingData {
  assessments: AssessmentRow[];
  summaries: Record<AssessedStep, StepSummary>;
  assignments: AssignmentRow[];
  /** The groups of the signed-in team member; null for the school leader (every group). */
  myGrades: number[] | null;
  monitor: MonitorRow[];
}

/** The part of a step on the scan page: every group, the mean per item, the low scores in words. */
export function StepGroupsOverview({
  schoolId,
  year,
  step,
  data,
}: {
  schoolId: number;
  year: SchoolYearRow;
  step: AssessedStep;
  data: WellbeingData;
}) {
  const { assignments, myGrades } = data;
  const rows = data.assessments.filter((a) => a.step === step);
  const summary = data.summaries[step];
  const items = assessmentItems[step];
  const rowOf = (g: number) => rows.find((r) => r.grade === g);
  return (
    <>
      <Heading level={3}>Beoordeling door het team, per groep</Heading>
      <Paragraph>
        De leerkrachten beoordelen hun groep op {items.length} onderdelen, van 1 (grote zorg) tot 5 (goed).{' '}
        {myGrades === null
          ? 'Als schoolleider kunt u elke groep invullen.'
          : myGrades.length
            ? `U vult de beoordeling in voor groep ${myGrades.join(', ')}.`
            : 'U bent nog niet aan een groep gekoppeld; u kunt de beoordelingen lezen.'}{' '}
        <Link href={`${yearBase(schoolId, year.id)}/groepen`}>Wie vult welke groep in?</Link>
      </Paragraph>
      <Paragraph>
        Scores: {scale.map((p) => `${p.value} ${p.label.toLowerCase()}`).join(', ')}; – betekent nog geen
        score. Een score van {lowScore} of lager heet laag.
      </Paragraph>
      <Table
        caption={`Scores per groep (${summary.complete.length} van ${grades.length} groepen volledig ingevuld)`}
        rows={[...grades]}
        rowKey={(g) => g}
        columns={[
          {
            header: 'Groep',
            cell: (g) => <Link href={groupUrl(schoolId, year.id, step, g)}>Groep {g}</Link>,
          },
          { header: 'Leerkracht(en)', cell: (g) => teachersOf(assignments, g) },
          ...items.map((item) => ({
            header: item.label,
            cell: (g: number) => {
              const row = rowOf(g);
              const v = row?.scores[item.key];
              return v === undefined ? '–' : v <= lowScore ? `${v} (laag)` : String(v);
            },
          })),
          { header: 'Stand', cell: (g) => stateOf(step, rowOf(g)) },
        ]}
      />
      <Table
        caption="Samenvatting over de groepen"
        rows={summary.items}
        rowKey={(i) => i.key}
        columns={[
          { header: 'Onderdeel', cell: (i) => i.label },
          {
            header: 'Gemiddelde (1 tot 5)',
            numeric: true,
            cell: (i) => (i.mean === null ? 'Nog geen scores' : decimal(i.mean, 1)),
          },
          { header: 'Aantal groepen', numeric: true, cell: (i) => i.groups },
          {
            header: `Groepen met een lage score (${lowScore} of lager)`,
            cell: (i) => (i.lowGroups.length ? i.lowGroups.map((g) => `groep ${g}`).join(', ') : 'Geen'),
          },
        ]}
      />
      {summary.low.length > 0 ? (
        <>
          <Paragraph>Deze onderdelen kregen een lage score en vragen aandacht:</Paragraph>
          <ul>
            {summary.low.map((l) => (
              <li key={`${l.grade}-${l.key}`}>
                Groep {l.grade}: {l.label} — {l.score} ({scaleLabel(l.score)})
              </li>
            ))}
          </ul>
        </>
      ) : summary.assessed.length > 0 ? (
        <Paragraph>Geen enkele groep kreeg op een onderdeel een lage score ({lowScore} of lager).</Paragraph>
      ) : null}
    </>
  );
}

/** The monitoring results on the scan page (step 3). */
export function MonitorOverview({
  schoolId,
  year,
  results,
}: {
  schoolId: number;
  year: SchoolYearRow;
  results: MonitorRow[];
}) {
  return (
    <>
      <Heading level={3}>Uitkomsten van een volginstrument (niet verplicht)</Heading>
      {results.length === 0 ? (
        <Paragraph>
          Gebruikt uw school een instrument om de sociaal-emotionele ontwikkeling te volgen? Dan kunt u de
          uitkomsten per groep toevoegen.
        </Paragraph>
      ) : (
        <MonitorTable results={results} />
      )}
      <Paragraph>
        <Link href={`${yearBase(schoolId, year.id)}/volginstrument`}>
          Uitkomsten van een volginstrument toevoegen of bekijken
        </Link>
      </Paragraph>
    </>
  );
}

function MonitorTable({
  results,
  remove,
}: {
  results: MonitorRow[];
  /** On the monitoring page: a button per row to remove it. */
  remove?: { base: string; csrf: string };
}) {
  return (
    <Table
      caption="Uitkomsten per groep"
      rows={results}
      rowKey={(r) => r.id}
      columns={[
        { header: 'Groep', cell: (r) => `Groep ${r.grade}` },
        { header: 'Instrument', cell: (r) => r.instrument },
        { header: 'Maat', cell: (r) => r.measure },
        { header: 'Leerlingen', numeric: true, cell: (r) => formatNumber(r.pupils) },
        { header: 'Waarde', numeric: true, cell: (r) => decimal(r.value, Number.isInteger(r.value) ? 0 : 2) },
        {
          header: 'Opmerking',
          cell: (r) =>
            r.pupils < minPupilsToConclude
              ? `Te weinig leerlingen (minder dan ${minPupilsToConclude}) om conclusies uit te trekken`
              : '',
        },
        ...(remove
          ? [
              {
                header: 'Verwijderen',
                cell: (r: MonitorRow) => (
                  <form
                    novalidate
                    method="post"
                    action={`${remove.base}/${r.id}/verwijderen`}
                    class="npo-inline-form"
                  >
                    <CsrfField token={remove.csrf} />
                    <Button variant="secondary">
                      Verwijder
                      <span class="npo-visually-hidden">
                        {' '}
                        groep {r.grade}, {r.instrument}, {r.measure}
                      </span>
                    </Button>
                  </form>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export interface AssessmentForm extends FormState {
  version: number;
  /** What a colleague saved in the meantime. */
  theirs?: AssessmentRow;
}

function SavedAssessment({ step, row }: { step: AssessedStep; row: AssessmentRow }) {
  return (
    <DataSummary
      items={[
        ...assessmentItems[step].map((i) => ({
          key: i.label,
          value: `${scoreText(row.scores[i.key])}${row.notes[i.key] ? `. ${row.notes[i.key]}` : ''}`,
        })),
        { key: 'Notitie over de groep', value: row.group_note || 'Geen' },
      ]}
    />
  );
}

export function GroupAssessmentPage({
  ctx,
  school,
  year,
  step,
  grade,
  row,
  form,
  teachers,
  canSave,
  scanDone,
  notice,
  refusal,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  step: AssessedStep;
  grade: number;
  row: AssessmentRow | undefined;
  form: AssessmentForm | undefined;
  teachers: string;
  canSave: boolean;
  scanDone: boolean;
  notice?: string;
  refusal?: string;
}) {
  const base = yearBase(school.id, year.id);
  const t = sectionTexts[step];
  const items = assessmentItems[step];
  const f: AssessmentForm = form ?? {
    values: Object.fromEntries([
      ...items.map((i) => [
        scoreField(i.key),
        row?.scores[i.key] !== undefined ? String(row.scores[i.key]) : '',
      ]),
      ...items.map((i) => [noteField(i.key), row?.notes[i.key] ?? '']),
      [groupNoteField, row?.group_note ?? ''],
    ]),
    errors: {},
    version: row?.version ?? 0,
  };
  const title = `Groep ${grade}: ${t.title.replace(/^Stap \d\. /, '').toLowerCase()}`;
  return (
    <Layout
      ctx={ctx}
      title={`${title} – schoolscan ${year.label} ${school.name}`}
      breadcrumbs={scanCrumbs(school, [
        { href: `${base}#stap-${step}`, label: year.label },
        { label: `Groep ${grade}` },
      ])}
    >
      <Heading level={1}>
        Groep {grade} <span class="npo-brand__sub">{t.title}</span>
      </Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {refusal && <Alert type="error">{refusal}</Alert>}
      <DataSummary
        items={[
          { key: 'Schoolscan', value: `${year.label}, ${school.name}` },
          { key: 'Leerkracht(en)', value: teachers },
          {
            key: 'Laatst opgeslagen',
            value: row
              ? `${formatDateTime(row.updated_at)}${row.updated_by_name ? ` door ${row.updated_by_name}` : ''}`
              : 'Nog niet ingevuld',
          },
        ]}
      />
      {!canSave || scanDone ? (
        <>
          {form && (
            <Alert type="error">
              {Object.values(form.errors)
                .filter(Boolean)
                .map((e) => (
                  <p class="nl-paragraph" key={e}>
                    {e}
                  </p>
                ))}
              <p class="nl-paragraph">Uw keuzes, zodat u ze kunt bewaren:</p>
              <ul>
                {items.map((i) => (
                  <li key={i.key}>
                    {i.label}:{' '}
                    {form.values[scoreField(i.key)]
                      ? scoreText(Number(form.values[scoreField(i.key)]))
                      : 'geen score'}
                    {form.values[noteField(i.key)] ? `. ${form.values[noteField(i.key)]}` : ''}
                  </li>
                ))}
                {form.values[groupNoteField] && <li>Notitie over de groep: {form.values[groupNoteField]}</li>}
              </ul>
            </Alert>
          )}
          <Paragraph>
            {scanDone
              ? 'De schoolscan is afgerond; de beoordeling kan niet meer veranderen tenzij de schoolleider de scan opnieuw opent.'
              : `U kunt deze beoordeling lezen. Invullen kunnen de leerkrachten van groep ${grade} en de schoolleider; vraag de schoolleider u aan de groep te koppelen als dat uw groep is.`}
          </Paragraph>
          {row ? <SavedAssessment step={step} row={row} /> : <Paragraph>Nog niet ingevuld.</Paragraph>}
        </>
      ) : (
        <form method="post" action={groupUrl(school.id, year.id, step, grade)} class="npo-stack" novalidate>
          <CsrfField token={ctx.csrfToken()} />
          <input type="hidden" name="versie" value={String(f.version)} />
          <Paragraph>
            Hoe staat de groep er als geheel voor? Kies per onderdeel een score van 1 tot en met 5. U kunt de
            beoordeling half invullen, opslaan en later afmaken.
          </Paragraph>
          <ErrorSummary form={f} title="De beoordeling is niet opgeslagen. Verbeter het volgende:" />
          {f.theirs && (
            <div class="npo-card">
              <Heading level={2}>Wat intussen is opgeslagen</Heading>
              <SavedAssessment step={step} row={f.theirs} />
            </div>
          )}
          {items.map((item) => (
            <ItemFieldset key={item.key} item={item} form={f} />
          ))}
          <TextArea
            name={groupNoteField}
            label="Notitie over de groep (niet verplicht)"
            description="Wat wilt u verder kwijt over de groep? Schrijf geen namen van leerlingen op."
            form={f}
            rows={4}
            maxLength={maxGroupNoteLength}
          />
          <Button>Beoordeling opslaan</Button>
        </form>
      )}
      <Paragraph>
        <Link href={`${base}#stap-${step}`}>Terug naar de schoolscan</Link>
      </Paragraph>
    </Layout>
  );
}

function ItemFieldset({
  item,
  form,
}: {
  item: { key: string; label: string; description: string };
  form: FormState;
}) {
  const name = scoreField(item.key);
  const error = form.errors[name];
  const chosen = form.values[name] ?? '';
  return (
    <fieldset
      class={`utrecht-form-fieldset npo-card${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={name}
      aria-describedby={`${name}-omschrijving${error ? ` ${name}-fout` : ''}`}
    >
      <legend class="utrecht-form-fieldset__legend">{item.label}</legend>
      <p class="nl-paragraph" id={`${name}-omschrijving`}>
        {item.description}
      </p>
      {error && (
        <div class="utrecht-form-field-error-message" id={`${name}-fout`}>
          {error}
        </div>
      )}
      {scale.map((s) => (
        <div key={s.value}>
          <input
            type="radio"
            class="utrecht-radio-button utrecht-radio-button--html-input"
            id={`${name}-${s.value}`}
            name={name}
            value={String(s.value)}
            checked={chosen === String(s.value)}
          />{' '}
          <label for={`${name}-${s.value}`}>
            {s.value} {s.label}: {s.description}
          </label>
        </div>
      ))}
      <div>
        <input
          type="radio"
          class="utrecht-radio-button utrecht-radio-button--html-input"
          id={`${name}-leeg`}
          name={name}
          value=""
          checked={chosen === ''}
        />{' '}
        <label for={`${name}-leeg`}>Nog geen score</label>
      </div>
      <TextArea
        name={noteField(item.key)}
        label={`Toelichting bij ${item.label.toLowerCase()} (niet verplicht)`}
        form={form}
        rows={2}
        maxLength={maxItemNoteLength}
      />
    </fieldset>
  );
}

export function GroupsPage({
  ctx,
  school,
  year,
  team,
  assignments,
  isLeader,
  form,
  notice,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  team: { id: number; name: string }[];
  assignments: AssignmentRow[];
  isLeader: boolean;
  form?: FormState & { chosen: Record<number, string[]> };
  notice?: string;
}) {
  const base = yearBase(school.id, year.id);
  const chosen = (grade: number, personId: number) =>
    form
      ? (form.chosen[grade] ?? []).includes(String(personId))
      : assignments.some((a) => a.grade === grade && a.person_id === personId);
  return (
    <Layout
      ctx={ctx}
      title={`Groepen en leerkrachten – schoolscan ${year.label} ${school.name}`}
      breadcrumbs={scanCrumbs(school, [{ href: base, label: year.label }, { label: 'Groepen' }])}
    >
      <Heading level={1}>Groepen en leerkrachten {year.label}</Heading>
      <Paragraph lead>
        Bij de stappen over sociaal-emotionele ontwikkeling en executieve functies beoordeelt het team elke
        groep. De schoolleider koppelt teamleden aan hun groepen; een teamlid vult de beoordeling in van de
        eigen groepen en leest die van de andere groepen.
      </Paragraph>
      {notice && <Alert type="ok">{notice}</Alert>}
      <Table
        caption={`Groepen in schooljaar ${year.label}`}
        rows={[...grades]}
        rowKey={(g) => g}
        columns={[
          { header: 'Groep', cell: (g) => `Groep ${g}` },
          { header: 'Leerkracht(en)', cell: (g) => teachersOf(assignments, g) },
        ]}
      />
      {isLeader &&
        (team.length === 0 ? (
          <Alert type="info">
            Er zijn nog geen teamleden bij deze school. Nodig eerst teamleden uit; daarna kunt u ze hier aan
            groepen koppelen.
          </Alert>
        ) : (
          <form method="post" action={`${base}/groepen`} class="npo-stack" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <Heading level={2}>Teamleden koppelen</Heading>
            {form && (
              <ErrorSummary form={form} title="De koppeling is niet opgeslagen. Verbeter het volgende:" />
            )}
            <Paragraph>
              Kies per groep de teamleden die de groep beoordelen. Een groep kan meer leerkrachten hebben.
            </Paragraph>
            {grades.map((g) => (
              <fieldset
                key={g}
                class={`utrecht-form-fieldset${form?.errors[`groep-${g}`] ? ' utrecht-form-fieldset--invalid' : ''}`}
                id={`groep-${g}`}
              >
                <legend class="utrecht-form-fieldset__legend">Groep {g}</legend>
                {form?.errors[`groep-${g}`] && (
                  <div class="utrecht-form-field-error-message">{form.errors[`groep-${g}`]}</div>
                )}
                <ul class="npo-checklist">
                  {team.map((p) => (
                    <li key={p.id}>
                      <input
                        type="checkbox"
                        id={`groep-${g}-${p.id}`}
                        name={`groep-${g}`}
                        value={String(p.id)}
                        checked={chosen(g, p.id)}
                      />{' '}
                      <label for={`groep-${g}-${p.id}`}>{p.name}</label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
            <Button>Koppeling opslaan</Button>
          </form>
        ))}
      <Paragraph>
        <Link href={base}>Terug naar de schoolscan</Link>
      </Paragraph>
    </Layout>
  );
}

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
