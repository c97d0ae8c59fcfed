// The school's schoolscan pages: the years, one scan with its steps, and the conclusions that
// the medezeggenschapsraad reads.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout, type Crumb } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  Heading,
  Link,
  Paragraph,
  Table,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { SectionName } from '../tables.ts';
import type { SchoolYearRow, ScanRow, SectionRow } from '../repository/scans.ts';
import type { SchoolFacts } from '../repository/platform-data.ts';
import type { VerdictCount } from '../services/analysis.ts';
import { maxSectionLength, sectionTexts } from '../services/scan.ts';
import { subjectLabel } from '../services/parse/lvs-format.ts';
import { decimal, yearLabel } from './format.ts';
import { MonitorOverview, StepGroupsOverview, type WellbeingData } from './wellbeing.tsx';

export interface SchoolRef {
  id: number;
  name: string;
}

export const scanBase = (schoolId: number) => `/scholen/${schoolId}/schoolscan`;

export function scanCrumbs(school: SchoolRef, extra: Crumb[] = []): Crumb[] {
  return [
    { href: '/overzicht', label: 'Overzicht' },
    ...(extra.length ? [{ href: scanBase(school.id), label: 'Schoolscan' }] : [{ label: 'Schoolscan' }]),
    ...extra,
  ];
}

const statusText = (s: { status: string } | undefined) =>
  !s ? 'Nog niet begonnen' : s.status === 'afgerond' ? 'Afgerond' : 'In bewerking';

export function ScanOverviewPage({
  ctx,
  school,
  years,
  dataYears,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  years: { year: SchoolYearRow; scan: { status: string; completed_at: Date | null } | undefined }[];
  dataYears: { yearStart: number; results: number; pupils: number }[];
}) {
  const base = scanBase(school.id);
  return (
    <Layout ctx={ctx} title={`Schoolscan ${school.name}`} breadcrumbs={scanCrumbs(school)}>
      <Heading level={1}>Schoolscan {school.name}</Heading>
      <Paragraph lead>
        Met de schoolscan brengt het team in kaart waar de leerlingen staan na de coronatijd: eerst de context
        van de school, dan de toetsgegevens uit het leerlingvolgsysteem, de sociaal-emotionele ontwikkeling en
        het welbevinden, de executieve functies, en tot slot de conclusies waarop het schoolprogramma bouwt.
        Teamleden werken mee; de schoolleider rondt de scan af.
      </Paragraph>
      <Table
        caption="Schoolscans per schooljaar"
        rows={years}
        rowKey={(r) => r.year.id}
        columns={[
          {
            header: 'Schooljaar',
            cell: (r) => <Link href={`${base}/${r.year.id}`}>Schoolscan {r.year.label}</Link>,
          },
          {
            header: 'Stand',
            cell: (r) =>
              r.scan?.completed_at ? `Afgerond op ${formatDate(r.scan.completed_at)}` : statusText(r.scan),
          },
        ]}
      />
      <Heading level={2}>Toetsgegevens</Heading>
      {dataYears.length === 0 ? (
        <Paragraph>
          Er zijn nog geen toetsgegevens van uw school.{' '}
          <Link href={`${base}/toetsgegevens`}>Importeer de export van uw leerlingvolgsysteem</Link> om de
          analyse te kunnen maken.
        </Paragraph>
      ) : (
        <>
          <Table
            caption="Toetsgegevens per schooljaar"
            rows={dataYears}
            rowKey={(r) => r.yearStart}
            columns={[
              { header: 'Schooljaar', cell: (r) => yearLabel(r.yearStart) },
              { header: 'Uitslagen', numeric: true, cell: (r) => formatNumber(r.results) },
              { header: 'Leerlingen', numeric: true, cell: (r) => formatNumber(r.pupils) },
            ]}
          />
          <Paragraph>
            <Link href={`${base}/toetsgegevens`}>Toetsgegevens importeren of bekijken</Link>
          </Paragraph>
        </>
      )}
      <Paragraph>
        <Link href={`${base}/conclusies`}>Conclusies van afgeronde schoolscans</Link> (dit leest ook de
        medezeggenschapsraad).
      </Paragraph>
    </Layout>
  );
}

export interface SectionForm extends FormState {
  version: number;
  /** The text someone else saved in the meantime, shown above the writer's own. */
  theirs?: string;
}

export function ScanPage({
  ctx,
  school,
  year,
  scan,
  sections,
  forms,
  facts,
  lvsPupils,
  dataYear,
  summary,
  wellbeing,
  isLeader,
  notice,
  completeError,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  scan: ScanRow | undefined;
  sections: SectionRow[];
  forms: Partial<Record<SectionName, SectionForm>>;
  facts: SchoolFacts;
  lvsPupils: number | null;
  dataYear: number | null;
  summary: VerdictCount[];
  /** Steps 3 and 4: the groups' assessments, assignments and monitoring results. */
  wellbeing: WellbeingData;
  isLeader: boolean;
  notice?: string;
  completeError?: string;
}) {
  const base = `${scanBase(school.id)}/${year.id}`;
  const done = scan?.status === 'afgerond';
  const saved = (s: SectionName) => sections.find((x) => x.section === s);
  const formFor = (s: SectionName): SectionForm => {
    const f = forms[s];
    if (f) return f;
    const row = saved(s);
    return { values: { tekst: row?.body ?? '' }, errors: {}, version: row?.version ?? 0 };
  };
  const SectionBlock = ({ name, children }: { name: SectionName; children?: ComponentChildren }) => {
    const t = sectionTexts[name];
    const row = saved(name);
    const form = formFor(name);
    return (
      <section aria-labelledby={`stap-${name}`} class="npo-stack">
        <Heading level={2} id={`stap-${name}`}>
          {t.title}
        </Heading>
        {children}
        {row && (
          <Paragraph>
            Laatst opgeslagen op {formatDateTime(row.updated_at)}
            {row.updated_by_name ? ` door ${row.updated_by_name}` : ''}.
          </Paragraph>
        )}
        {done && form.errors.tekst && (
          <Alert type="error">
            <p class="nl-paragraph">{form.errors.tekst}</p>
            <p class="nl-paragraph">Uw tekst, zodat u hem kunt bewaren:</p>
            <p class="nl-paragraph npo-diff-text">{form.values.tekst}</p>
          </Alert>
        )}
        {done ? (
          <div class="npo-card">
            <Heading level={3}>{t.question}</Heading>
            {row?.body ? (
              <p class="nl-paragraph npo-diff-text">{row.body}</p>
            ) : (
              <Paragraph>Niet ingevuld.</Paragraph>
            )}
          </div>
        ) : (
          <form novalidate method="post" action={`${base}/stappen/${name}`} class="npo-stack">
            <CsrfField token={ctx.csrfToken()} />
            <input type="hidden" name="versie" value={String(form.version)} />
            {form.errors.tekst && (
              <Alert type="error">
                <a class="nl-link rhc-link" href={`#tekst-${name}`}>
                  {form.errors.tekst}
                </a>
              </Alert>
            )}
            {form.theirs !== undefined && (
              <div class="npo-card">
                <Heading level={3}>De tekst die intussen is opgeslagen</Heading>
                <p class="nl-paragraph npo-diff-text">{form.theirs || '(leeg)'}</p>
              </div>
            )}
            <TextAreaFor name={name} form={form} label={t.question} description={t.hint} />
            <Button>Stap opslaan</Button>
          </form>
        )}
      </section>
    );
  };
  return (
    <Layout
      ctx={ctx}
      title={`Schoolscan ${year.label} ${school.name}`}
      breadcrumbs={scanCrumbs(school, [{ label: year.label }])}
    >
      <Heading level={1}>
        Schoolscan {year.label} <span class="npo-brand__sub">{school.name}</span>
      </Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <DataSummary
        items={[
          {
            key: 'Stand',
            value: done
              ? `Afgerond op ${formatDate(scan!.completed_at!)}${scan!.completed_by_name ? ` door ${scan!.completed_by_name}` : ''}`
              : scan
                ? 'In bewerking'
                : 'Nog niet begonnen: de scan begint zodra iemand een stap opslaat',
          },
        ]}
      />
      {done && (
        <Paragraph>
          Deze schoolscan is afgerond. De medezeggenschapsraad kan de conclusies lezen.
          {isLeader ? ' Wilt u nog iets veranderen? Open de scan dan opnieuw (onderaan de pagina).' : ''}
        </Paragraph>
      )}

      <SectionBlock name="context">
        <Heading level={3}>Wat het platform al weet over uw school</Heading>
        <DataSummary
          items={[
            {
              key: 'Leerlingen (DUO-telling)',
              value: facts.pupils?.pupils
                ? `${formatNumber(facts.pupils.pupils)} op ${formatDate(facts.pupils.teldatum)}`
                : 'Geen telling bekend in het platform',
            },
            {
              key: 'Achterstandsscore (CBS)',
              value: facts.score
                ? `${decimal(facts.score.scoreHundredths / 100, 2)} (peildatum ${formatDate(facts.score.peildatum)})`
                : 'Geen score bekend in het platform',
            },
            {
              key: 'Leerlingen in de toetsgegevens',
              value:
                lvsPupils === null || dataYear === null
                  ? 'Nog geen toetsgegevens geïmporteerd'
                  : `${formatNumber(lvsPupils)} in schooljaar ${yearLabel(dataYear)}`,
            },
          ]}
        />
      </SectionBlock>

      <SectionBlock name="cognitief">
        {summary.length === 0 ? (
          <Paragraph>
            Er zijn nog geen toetsgegevens om te analyseren.{' '}
            <Link href={`${scanBase(school.id)}/toetsgegevens`}>
              Importeer de export van uw leerlingvolgsysteem
            </Link>
            .
          </Paragraph>
        ) : (
          <>
            <Table
              caption={`Samenvatting van de analyse${dataYear !== null ? ` voor ${yearLabel(dataYear)}` : ''} (aantal groepen en momenten)`}
              rows={summary}
              rowKey={(r) => r.subject}
              columns={[
                { header: 'Vakgebied', cell: (r) => subjectLabel(r.subject) },
                { header: 'Lager dan eerder', numeric: true, cell: (r) => r.achter },
                { header: 'Hoger dan eerder', numeric: true, cell: (r) => r.voor },
                { header: 'Geen duidelijk verschil', numeric: true, cell: (r) => r.geenVerschil },
                { header: 'Geen conclusie mogelijk', numeric: true, cell: (r) => r.geenConclusie },
              ]}
            />
            <Paragraph>
              <Link href={`${base}/analyse`}>Lees de analyse per vakgebied, groep en moment</Link>
            </Paragraph>
          </>
        )}
      </SectionBlock>

      <SectionBlock name="sociaal-emotioneel">
        <StepGroupsOverview schoolId={school.id} year={year} step="sociaal-emotioneel" data={wellbeing} />
        <MonitorOverview schoolId={school.id} year={year} results={wellbeing.monitor} />
      </SectionBlock>

      <SectionBlock name="executieve-functies">
        <StepGroupsOverview schoolId={school.id} year={year} step="executieve-functies" data={wellbeing} />
      </SectionBlock>

      <SectionBlock name="conclusies" />

      <section aria-labelledby="aandachtspunten" class="npo-stack">
        <Heading level={2} id="aandachtspunten">
          Aandachtspunten
        </Heading>
        <Paragraph>
          <Link href={`${base}/aandachtspunten`}>Bekijk de aandachtspunten</Link> die het team uit de analyse
          haalt{done ? '' : ', en voeg ze toe of wijzig ze'}.
        </Paragraph>
        <Paragraph>
          <Link href={`${base}/keuzehulp`}>Keuzehulp: interventies kiezen bij de aandachtspunten</Link>
        </Paragraph>
      </section>

      {isLeader && (
        <section aria-labelledby="afronden" class="npo-stack">
          <Heading level={2} id="afronden">
            {done ? 'Scan opnieuw openen' : 'Scan afronden'}
          </Heading>
          {completeError && <Alert type="error">{completeError}</Alert>}
          {done ? (
            <form novalidate method="post" action={`${base}/heropenen`}>
              <CsrfField token={ctx.csrfToken()} />
              <Paragraph>
                Na openen kan het team de stappen weer aanpassen. Rond de scan daarna opnieuw af.
              </Paragraph>
              <Button variant="secondary">Scan opnieuw openen</Button>
            </form>
          ) : (
            <form novalidate method="post" action={`${base}/afronden`}>
              <CsrfField token={ctx.csrfToken()} />
              <Paragraph>
                Als de stappen zijn ingevuld, rondt u als schoolleider de scan af. Daarna kan niemand de tekst
                meer veranderen zonder de scan opnieuw te openen, en leest de medezeggenschapsraad de
                conclusies.
              </Paragraph>
              <Button>Schoolscan afronden</Button>
            </form>
          )}
        </section>
      )}
    </Layout>
  );
}

function TextAreaFor({
  name,
  form,
  label,
  description,
}: {
  name: SectionName;
  form: SectionForm;
  label: string;
  description: string;
}) {
  // One field name ('tekst') per form; the id carries the step so the page has unique ids.
  const id = `tekst-${name}`;
  const values = { [id]: form.values.tekst };
  const errors = { [id]: form.errors.tekst };
  return <TextAreaNamed id={id} label={label} description={description} form={{ values, errors }} />;
}

/** A TextArea whose id differs from its form field name ('tekst'). */
function TextAreaNamed({
  id,
  label,
  description,
  form,
}: {
  id: string;
  label: string;
  description: string;
  form: FormState;
}) {
  const error = form.errors[id];
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--textarea${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field-description utrecht-form-field__description" id={`${id}-omschrijving`}>
        {description}
      </div>
      {error && (
        <div class="utrecht-form-field-error-message utrecht-form-field__error-message" id={`${id}-fout`}>
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <textarea
          class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          id={id}
          name="tekst"
          rows={8}
          maxLength={maxSectionLength}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-omschrijving${error ? ` ${id}-fout` : ''}`}
        >
          {form.values[id] ?? ''}
        </textarea>
      </div>
    </div>
  );
}

export function ConclusionsPage({
  ctx,
  school,
  scans,
  focusPoints,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  scans: { id: number; label: string; completed_at: Date | null; body: string | null }[];
  /** The focus points of a completed scan (views/focus-points.tsx fills this). */
  focusPoints?: (scanId: number) => ComponentChildren;
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Conclusies van de schoolscan ${school.name}`}
      breadcrumbs={[{ href: '/overzicht', label: 'Overzicht' }, { label: 'Conclusies schoolscan' }]}
    >
      <Heading level={1}>Conclusies van de schoolscan</Heading>
      <Paragraph lead>
        Hier staan de conclusies van de schoolscans die de schoolleider van {school.name} heeft afgerond. De
        toetsgegevens van leerlingen blijven bij het team van de school.
      </Paragraph>
      {scans.length === 0 ? (
        <Alert type="info">
          Er is nog geen schoolscan afgerond. Zodra dat gebeurt, staan de conclusies hier.
        </Alert>
      ) : (
        scans.map((s) => (
          <section key={s.id} aria-labelledby={`scan-${s.id}`} class="npo-card npo-stack">
            <Heading level={2} id={`scan-${s.id}`}>
              Schoolscan {s.label}
            </Heading>
            {s.completed_at && <Paragraph>Afgerond op {formatDate(s.completed_at)}.</Paragraph>}
            <p class="nl-paragraph npo-diff-text">{s.body ?? ''}</p>
            {focusPoints?.(s.id)}
          </section>
        ))
      )}
    </Layout>
  );
}
