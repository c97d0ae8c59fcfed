// One subject's page of the analysis (`…/analyse/<subject>-<provider>`): the comparison with its
// chart and table, the shares per level and the growth of the same pupils. These sit on their
// own page so the overview stays small: a large school's full analysis was about 260 kB of
// markup in one page.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { Analysis, Comparison } from '../services/analysis.ts';
import { GrowthSection } from './growth.tsx';
import { RenderedOnce } from '../../../platform/http/rendered-once.tsx';
import { focusHref, SubjectSection, subjectName } from './analysis.tsx';
import { yearLabel } from './format.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';

export function AnalysisSubjectPage({
  ctx,
  school,
  year,
  analysis,
  rows,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  /** null: the school has no results (yet). */
  analysis: Analysis | null;
  /** The comparisons of this subject and provider in the analysis. */
  rows: Comparison[];
}) {
  const base = `${scanBase(school.id)}/${year.id}`;
  const overview = analysis ? `${base}/analyse?jaar=${analysis.currentYear}` : `${base}/analyse`;
  const first = rows[0];
  const showProvider = new Set((analysis?.comparisons ?? []).map((c) => c.provider)).size > 1;
  const name = first ? subjectName(first, showProvider) : 'Vak';
  return (
    <Layout
      ctx={ctx}
      title={`${name}: analyse toetsgegevens ${year.label} ${school.name}`}
      breadcrumbs={scanCrumbs(school, [
        { href: base, label: year.label },
        { href: overview, label: 'Analyse' },
        { label: name },
      ])}
    >
      <Heading level={1}>{name}: niveaus en groei</Heading>
      {!analysis || !first ? (
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
            De uitslagen van {yearLabel(analysis.currentYear)} bij {name} naast die van dezelfde groep op
            hetzelfde moment in de jaren voor de coronatijd, van uw eigen school.{' '}
            <Link href={overview}>Terug naar de analyse van alle vakken</Link>.
          </Paragraph>
          <RenderedOnce
            owner={analysis}
            name={`vak ${first.subject} ${first.provider} ${base}`}
            render={() => (
              <SubjectSection
                rows={rows}
                showProvider={showProvider}
                year={analysis.currentYear}
                focusHref={(c) => focusHref(base, analysis.currentYear, c)}
              />
            )}
          />
          <GrowthSection analysis={analysis} subject={first.subject} provider={first.provider} />
        </>
      )}
    </Layout>
  );
}
