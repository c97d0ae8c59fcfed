// The assessment form of one group in step 3 or 4 (every staff member reads it; the school leader
// saves every group, a team member only the groups assigned to them).
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
  TextArea,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { AssessedStep } from '../tables.ts';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { AssessmentRow } from '../repository/wellbeing.ts';
import { sectionTexts } from '../services/scan.ts';
import {
  assessmentItems,
  groupNoteField,
  maxGroupNoteLength,
  maxItemNoteLength,
  noteField,
  scale,
  scoreField,
} from '../services/wellbeing.ts';
import { scanCrumbs, type SchoolRef } from './scan.tsx';
import { yearBase, groupUrl, scoreText } from './wellbeing.tsx';

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
