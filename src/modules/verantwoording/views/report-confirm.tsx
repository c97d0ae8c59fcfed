// Asking before confirming or reopening an annual report (a GET page at the address the action
// posts to), and the page that explains why a report cannot be confirmed yet.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { ConfirmPage } from '../../../ui/confirm-page.tsx';
import { Alert, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import { formatCents } from '../../../platform/i18n/i18n.ts';
import type { ReportState } from '../services/report.ts';
import { reportCrumbs, yearBase } from './report-base.ts';

type Board = { id: number; name: string };

export function ConfirmReportPage({
  ctx,
  board,
  state,
}: {
  ctx: ViewContext;
  board: Board;
  state: ReportState;
}) {
  const base = yearBase(board.id, state.year);
  const crumbs = reportCrumbs(board.id, `Jaarverslag ${state.year}`, base);
  const t = state.figures.totals;
  return (
    <ConfirmPage
      ctx={ctx}
      title={`Jaarverslag ${state.year} bevestigen?`}
      breadcrumbs={[...crumbs, { label: 'Bevestigen' }]}
      action={`${base}/bevestigen`}
      fields={{ revisie: String(state.revision) }}
      confirmLabel={`Ja, jaarverslag ${state.year} bevestigen`}
      back={{ href: base, label: 'Nee, terug naar het verslag' }}
    >
      <Paragraph>
        De cijfers worden vastgelegd zoals ze nu zijn: {t.schools} {t.schools === 1 ? 'school' : 'scholen'},{' '}
        {formatCents(t.plannedCents)} gepland en {formatCents(t.spentCents)} uitgegeven in {state.year}, met
        de teksten die u opsloeg. Wijzigingen in de schoolprogramma’s tellen daarna niet meer mee in dit
        verslag.
      </Paragraph>
      <Paragraph>
        Moet er later toch iets veranderen, dan kunt u het verslag heropenen en opnieuw bevestigen.
      </Paragraph>
    </ConfirmPage>
  );
}

export function ReopenReportPage({ ctx, board, year }: { ctx: ViewContext; board: Board; year: number }) {
  const base = yearBase(board.id, year);
  return (
    <ConfirmPage
      ctx={ctx}
      title={`Jaarverslag ${year} heropenen?`}
      breadcrumbs={[...reportCrumbs(board.id, `Jaarverslag ${year}`, base), { label: 'Heropenen' }]}
      action={`${base}/heropenen`}
      confirmLabel={`Ja, jaarverslag ${year} heropenen`}
      back={{ href: base, label: 'Nee, terug naar het verslag' }}
    >
      <Paragraph>
        Het verslag wordt weer een concept. De vastgelegde cijfers vervallen: het platform haalt ze opnieuw
        uit de schoolprogramma’s van uw scholen, tot u het verslag opnieuw bevestigt. Uw teksten blijven
        staan.
      </Paragraph>
    </ConfirmPage>
  );
}

/** Why confirming is not possible now, with the way back. */
export function CannotConfirmPage({
  ctx,
  board,
  year,
  reason,
  action = 'bevestigen',
}: {
  ctx: ViewContext;
  board: Board;
  year: number;
  reason: string;
  action?: 'bevestigen' | 'heropenen';
}) {
  const base = yearBase(board.id, year);
  const title = `Jaarverslag ${year} ${action}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      breadcrumbs={[
        ...reportCrumbs(board.id, `Jaarverslag ${year}`, base),
        { label: action === 'bevestigen' ? 'Bevestigen' : 'Heropenen' },
      ]}
    >
      <Heading level={1}>{title}</Heading>
      <Alert type="info">{reason}</Alert>
      <Paragraph>
        <Link href={base}>Terug naar het verslag</Link>
      </Paragraph>
    </Layout>
  );
}
