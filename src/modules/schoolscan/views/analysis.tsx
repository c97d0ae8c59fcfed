// The analysis page: per subject (and test provider) the groups and moments of the chosen
// school year against the school's own cohorts from before 2020-2021, as a chart with a table
// beside it, then the shares per level.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, Heading, Link, Paragraph, SelectField, Table } from '../../../ui/components.tsx';
import { formatNumber } from '../../../platform/i18n/i18n.ts';
import type { SchoolYearRow } from '../repository/scans.ts';
import { minGroupSize, monthsPerStep, type Analysis, type Comparison } from '../services/analysis.ts';
import { levelScales, providerLabel, subjectLabel } from '../services/parse/lvs-format.ts';
import { DelayChart, LevelChart } from './charts.tsx';
import { RenderedOnce } from '../../../platform/http/rendered-once.tsx';
import { decimal, delayText, groupMoment, percent, signed, verdictText, yearLabel } from './format.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';
import { comparisonAnchor } from '../services/focus-points.ts';

export function AnalysisPage({
  ctx,
  school,
  year,
  analysis,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  analysis: Analysis | null;
}) {
  const base = `${scanBase(school.id)}/${year.id}`;
  const groups = new Map<string, Comparison[]>();
  for (const c of analysis?.comparisons ?? []) {
    const k = `${c.subject}|${c.provider}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const providersUsed = new Set((analysis?.comparisons ?? []).map((c) => c.provider));
  return (
    <Layout
      ctx={ctx}
      title={`Analyse toetsgegevens ${year.label} ${school.name}`}
      breadcrumbs={scanCrumbs(school, [{ href: base, label: year.label }, { label: 'Analyse' }])}
    >
      <Heading level={1}>Analyse van de toetsgegevens</Heading>
      {!analysis ? (
        <Alert type="info">
          Er zijn nog geen toetsgegevens van {school.name}.{' '}
          <Link href={`${scanBase(school.id)}/toetsgegevens`}>
            Importeer de export van uw leerlingvolgsysteem
          </Link>{' '}
          om de analyse te zien.
        </Alert>
      ) : (
        <>
          <Paragraph lead>
            De uitslagen van {yearLabel(analysis.currentYear)} naast die van dezelfde groep op hetzelfde
            moment in de jaren voor de coronatijd, van uw eigen school.
          </Paragraph>
          {analysis.years.length > 1 && (
            <form novalidate method="get" action={`${base}/analyse`} class="npo-year-chooser">
              <SelectField
                name="jaar"
                label="Schooljaar van de toetsgegevens"
                form={{ values: { jaar: String(analysis.currentYear) }, errors: {} }}
                options={analysis.years.map((y) => ({ value: String(y), label: yearLabel(y) }))}
              />
              <Button variant="secondary">Toon dit schooljaar</Button>
            </form>
          )}
          <section aria-labelledby="zo-lezen" class="npo-card npo-stack">
            <Heading level={2} id="zo-lezen">
              Zo leest u de analyse
            </Heading>
            <ul class="utrecht-unordered-list">
              <li>
                <strong>Vergelijking:</strong> het gemiddelde van de groep nu tegenover alle leerlingen van
                die groep op hetzelfde moment in de schooljaren voor 2020-2021
                {analysis.baselineYears.length
                  ? ` (bij u: ${analysis.baselineYears.map(yearLabel).join(', ')})`
                  : ''}
                . De eindtoetsen van juni 2020 tellen niet mee: die zijn na de eerste schoolsluiting
                afgenomen.
              </li>
              <li>
                <strong>Vertraging in maanden:</strong> het verschil gedeeld door de groei per maand die uw
                eigen leerlingen laten zien tussen twee toetsmomenten (dezelfde leerlingen, twee keer
                getoetst; tussen twee momenten zitten {monthsPerStep} onderwijsmaanden). Het is een schatting,
                geen meting.
              </li>
              <li>
                <strong>Voorzichtig:</strong> groepen met minder dan {minGroupSize} leerlingen zijn te klein
                om conclusies uit te trekken. Een verschil dat kleiner is dan twee keer de standaardfout kan
                toeval zijn; dan staat er "geen duidelijk verschil".
              </li>
              {providersUsed.size > 1 && (
                <li>
                  Uitslagen van verschillende toetsaanbieders hebben eigen schalen en worden niet met elkaar
                  vergeleken.
                </li>
              )}
            </ul>
          </section>
          {analysis.baselineYears.length === 0 && (
            <Alert type="warning">
              Er zijn geen uitslagen van voor 2020-2021. Zonder die jaren is er niets om mee te vergelijken;
              de tabellen tonen alleen de gemiddelden van nu. Importeer ook oudere schooljaren als u die hebt.
            </Alert>
          )}
          {analysis.comparisons.length === 0 && (
            <Alert type="info">Er zijn geen uitslagen in {yearLabel(analysis.currentYear)}.</Alert>
          )}
          <RenderedOnce
            owner={analysis}
            // The links to a new focus point and to the subject pages name the scan's address:
            // part of the key.
            name={`vakken ${base}`}
            render={() => (
              <>
                {[...groups.values()].map((rows) => (
                  <SubjectSection
                    key={`${rows[0]!.subject}-${rows[0]!.provider}`}
                    rows={rows}
                    showProvider={providersUsed.size > 1}
                    year={analysis.currentYear}
                    focusHref={(c) => focusHref(base, analysis.currentYear, c)}
                    detailHref={subjectHref(base, rows[0]!, analysis.currentYear)}
                  />
                ))}
                {analysis.comparisons.length > 0 && (
                  <GrowthLinks
                    subjects={[...groups.values()].map((rows) => ({
                      name: subjectName(rows[0]!, providersUsed.size > 1),
                      href: `${subjectHref(base, rows[0]!, analysis.currentYear)}#groei`,
                    }))}
                  />
                )}
              </>
            )}
          />
        </>
      )}
    </Layout>
  );
}

/** The address of a subject's own page (levels and growth): `…/analyse/rekenen-wiskunde-cito`. */
export const subjectKey = (c: { subject: string; provider: string }) => `${c.subject}-${c.provider}`;
export const subjectHref = (base: string, c: Comparison, year: number) =>
  `${base}/analyse/${subjectKey(c)}?jaar=${year}`;
export const subjectName = (c: Comparison, showProvider: boolean) =>
  `${subjectLabel(c.subject)}${showProvider ? ` (${providerLabel(c.provider)})` : ''}`;
export const focusHref = (base: string, year: number, c: Comparison) =>
  `${base}/aandachtspunten/nieuw?vergelijking=${comparisonAnchor(c)}&jaar=${year}`;

/** On the overview: per subject a link to its levels and growth (kept off the overview for its size). */
function GrowthLinks({ subjects }: { subjects: { name: string; href: string }[] }) {
  return (
    <section aria-labelledby="groei" class="npo-stack">
      <Heading level={2} id="groei">
        Groei van dezelfde leerlingen en niveaus
      </Heading>
      <Paragraph>
        Per vak staan op een eigen pagina de aandelen leerlingen per niveau en de groei van dezelfde
        leerlingen tussen twee toetsmomenten na elkaar, elk met een grafiek en een tabel.
      </Paragraph>
      <ul class="utrecht-unordered-list">
        {subjects.map((s) => (
          <li key={s.href}>
            <Link href={s.href}>{s.name}: niveaus en groei van dezelfde leerlingen</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SubjectSection({
  rows,
  showProvider,
  year,
  focusHref,
  detailHref,
}: {
  rows: Comparison[];
  showProvider: boolean;
  year: number;
  /** The form for a new focus point, prefilled from this comparison. */
  focusHref: (c: Comparison) => string;
  /** On the overview: the subject's own page, where the levels are (and not here). */
  detailHref?: string;
}) {
  const first = rows[0]!;
  const name = subjectName(first, showProvider);
  const id = `${first.subject}-${first.provider}`;
  const scale = rows.find((r) => r.levelScale)?.levelScale ?? null;
  const levelRows = rows.filter((r) => r.levelScale === scale && r.levels.length);
  return (
    <section aria-labelledby={`vak-${id}`} class="npo-stack">
      <Heading level={2} id={`vak-${id}`}>
        {name}
      </Heading>
      <figure class="npo-stack">
        <DelayChart
          id={`grafiek-${id}`}
          title={`${name}: geschatte vertraging in maanden per groep en moment, ${yearLabel(year)} tegenover de jaren voor 2020-2021`}
          description="Een balk naar links betekent dat de groep lager scoort dan eerdere jaargangen, naar rechts hoger. Een grijze balk is een verschil dat door toeval kan zijn ontstaan. Zonder balk is er geen schatting; de tabel hieronder zegt waarom."
          bars={rows.map((r) => ({
            label: `Groep ${r.grade} ${r.moment === 'M' ? 'midden' : 'eind'}`,
            uncertain: r.verdict === 'geen-duidelijk-verschil',
            months:
              r.verdict === 'te-klein' || r.verdict === 'geen-basis' || r.verdict === 'basis-te-klein'
                ? null
                : r.delayMonths,
            missing:
              r.verdict === 'te-klein'
                ? 'te weinig leerlingen'
                : r.verdict === 'geen-basis' || r.verdict === 'basis-te-klein'
                  ? 'niets om mee te vergelijken'
                  : 'geen schatting in maanden',
          }))}
        />
        <figcaption class="nl-paragraph">De getallen bij de grafiek staan in de tabel hieronder.</figcaption>
      </figure>
      <Table
        caption={`${name}: ${yearLabel(year)} tegenover de jaren voor 2020-2021`}
        rows={rows}
        rowKey={(r) => `${r.grade}${r.moment}`}
        columns={[
          // A stable anchor per comparison: focus points link here.
          {
            header: 'Groep en moment',
            cell: (r) => <span id={comparisonAnchor(r)}>{groupMoment(r.grade, r.moment)}</span>,
          },
          { header: 'Leerlingen nu', numeric: true, cell: (r) => formatNumber(r.current?.n ?? 0) },
          { header: 'Gemiddelde nu', numeric: true, cell: (r) => decimal(r.current?.mean) },
          {
            header: 'Gemiddelde voor 2020-2021',
            numeric: true,
            cell: (r) =>
              r.baseline
                ? `${decimal(r.baseline.mean)} (${formatNumber(r.baseline.n)} lln., ${r.baselineYears.length} ${r.baselineYears.length === 1 ? 'jaargang' : 'jaargangen'})`
                : '–',
          },
          { header: 'Verschil in score', numeric: true, cell: (r) => signed(r.difference) },
          {
            header: 'Geschatte vertraging',
            cell: (r) =>
              r.verdict === 'geen-duidelijk-verschil' && r.delayMonths !== null
                ? `${delayText(r)} (kan toeval zijn)`
                : delayText(r),
          },
          {
            header: 'Groei sinds vorig moment per maand (nu / voor 2020-2021)',
            numeric: true,
            cell: (r) => `${decimal(r.growthNow?.mean, 2)} / ${decimal(r.growthBefore?.mean, 2)}`,
          },
          {
            header: 'Wat dit zegt',
            cell: (r) => (
              <>
                {verdictText[r.verdict]}
                {r.notes.map((n) => (
                  <span key={n} class="npo-line-note">
                    <br />
                    {n}
                  </span>
                ))}
                {r.growth && (
                  <span class="npo-line-note">
                    <br />
                    Groei gebruikt voor de schatting: {decimal(r.growth.perMonth, 2)} punt per maand (
                    {r.growth.source}; {formatNumber(r.growth.pairs)} leerlingen).
                  </span>
                )}
              </>
            ),
          },
          {
            header: 'Aandachtspunt',
            cell: (r) => (
              <Link href={focusHref(r)}>
                Maak hiervan een aandachtspunt
                <span class="npo-visually-hidden">
                  : {name}, {groupMoment(r.grade, r.moment)}
                </span>
              </Link>
            ),
          },
        ]}
      />
      {detailHref && (
        <Paragraph>
          <Link href={detailHref}>{name}: niveaus en groei van dezelfde leerlingen</Link>
        </Paragraph>
      )}
      {!detailHref && scale && levelRows.length > 0 && (
        <>
          <Heading level={3}>Niveaus {scale === 'IV' ? 'I tot en met V' : 'A tot en met E'}</Heading>
          <figure class="npo-stack">
            <LevelChart
              id={`niveaus-${id}`}
              title={`${name}: aandeel leerlingen per niveau, ${yearLabel(year)} en de jaren voor 2020-2021`}
              description={`Per groep en moment twee balken: nu en voor 2020-2021. ${scale === 'IV' ? 'Niveau I' : 'Niveau A'} is het hoogste niveau.`}
              levels={levelScales[scale]}
              bars={levelRows.flatMap((r) => [
                {
                  label: `Groep ${r.grade} ${r.moment === 'M' ? 'midden' : 'eind'}, nu`,
                  shares: r.levels.map((l) => ({ level: l.level, share: l.current })),
                },
                {
                  label: `Groep ${r.grade} ${r.moment === 'M' ? 'midden' : 'eind'}, voor 2020`,
                  shares: r.levels.map((l) => ({ level: l.level, share: l.baseline ?? 0 })),
                },
              ])}
            />
            <figcaption class="nl-paragraph">De percentages staan in de tabel hieronder.</figcaption>
          </figure>
          <Table
            caption={`${name}: aandeel leerlingen per niveau, nu (en voor 2020-2021)`}
            rows={levelRows}
            rowKey={(r) => `${r.grade}${r.moment}`}
            columns={[
              { header: 'Groep en moment', cell: (r) => groupMoment(r.grade, r.moment) },
              ...levelScales[scale].map((level, i) => ({
                header: `Niveau ${level}`,
                numeric: true,
                cell: (r: Comparison) => {
                  const l = r.levels[i];
                  return l ? `${percent(l.current)} (${percent(l.baseline)})` : '–';
                },
              })),
              {
                header: 'Opmerking',
                cell: (r: Comparison) =>
                  r.verdict === 'te-klein'
                    ? 'Te weinig leerlingen om conclusies uit te trekken'
                    : r.levels.some((l) => l.baseline === null)
                      ? 'Geen niveaus van voor 2020-2021'
                      : '',
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
