// Steps 3 and 4 on the scan page: the overview of all groups per step and the monitoring results,
// and the helpers of the pages of steps 3 and 4 (wellbeing-group, wellbeing-groups and
// wellbeing-monitor.tsx).
import { Button, CsrfField, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatNumber } from '../../../platform/i18n/i18n.ts';
import type { AssessedStep } from '../tables.ts';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { AssessmentRow, AssignmentRow, MonitorRow } from '../repository/wellbeing.ts';
import {
  assessmentItems,
  grades,
  isComplete,
  lowScore,
  minPupilsToConclude,
  scale,
  scaleLabel,
  type StepSummary,
} from '../services/wellbeing.ts';
import { scanBase } from './scan.tsx';
import { decimal } from './format.ts';

export const yearBase = (schoolId: number, schoolYearId: number) => `${scanBase(schoolId)}/${schoolYearId}`;
export const groupUrl = (schoolId: number, schoolYearId: number, step: AssessedStep, grade: number) =>
  `${yearBase(schoolId, schoolYearId)}/stappen/${step}/groepen/${grade}`;

export const scoreText = (v: number | undefined) =>
  v === undefined ? 'Niet beoordeeld' : `${v} ${scaleLabel(v)}${v <= lowScore ? ' (laag)' : ''}`;

export const teachersOf = (assignments: AssignmentRow[], grade: number) =>
  assignments
    .filter((a) => a.grade === grade)
    .map((a) => a.name)
    .join(', ') || 'Nog niemand toegewezen';

export const stateOf = (step: AssessedStep, row: AssessmentRow | undefined) =>
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

export function MonitorTable({
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
