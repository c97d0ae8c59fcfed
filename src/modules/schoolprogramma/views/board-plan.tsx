// The board-level plan's home page: the GMR's status, the draft's interventions with the schools'
// contributions, and the versions put to the GMR.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { ConfirmLink } from '../../../ui/confirm-page.tsx';
import { Alert, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { VersionRow } from '../repository/board-plan-versions.ts';
import type { BoardPlanSnapshot } from '../services/board-plan-snapshot.ts';
import { statusText, type PlanStatus } from '../services/board-plan-rules.ts';
import { boardPlanBase, boardPlanCrumbs, InterventionBlock } from './board-plan-parts.tsx';

export function BoardPlanPage({
  ctx,
  board,
  draft,
  versions,
  status,
  changed,
  canEdit,
  saved,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  draft: BoardPlanSnapshot;
  versions: VersionRow[];
  status: PlanStatus;
  changed: boolean;
  canEdit: boolean;
  saved?: string;
}) {
  const base = boardPlanBase(board.id);
  return (
    <Layout ctx={ctx} title={`Bovenschools plan ${board.name}`} breadcrumbs={boardPlanCrumbs(board.id)}>
      <Heading level={1}>Bovenschools plan {board.name}</Heading>
      {saved && <Alert type="ok">{saved}</Alert>}
      <Paragraph lead>
        Hier staan de interventies die het bestuur voor meerdere scholen samen uitvoert, betaald uit het deel
        van het geld van de scholen dat hun MR daarvoor beschikbaar stelde. De GMR stemt in met elke versie
        van dit plan.
      </Paragraph>
      <Alert type={status.kind === 'wacht' || status.kind === 'geen-instemming' ? 'warning' : 'info'}>
        {statusText(status)}
        {status.kind === 'instemming' || status.kind === 'geen-instemming'
          ? ` (vergadering van ${formatDate(status.meetingOn, ctx.locale)})`
          : ''}
        .
        {changed && status.kind !== 'geen-versie'
          ? ' Het plan is daarna gewijzigd; voor de wijzigingen is een nieuwe versie met een nieuw besluit van de GMR nodig.'
          : ''}
      </Alert>
      <Heading level={2}>Bovenschoolse interventies (werkversie)</Heading>
      {draft.interventions.length === 0 && (
        <Paragraph>Er staan nog geen bovenschoolse interventies in het plan.</Paragraph>
      )}
      {draft.interventions.map((i) => (
        <InterventionBlock
          key={i.id}
          ctx={ctx}
          intervention={i}
          headingLevel={3}
          actions={
            canEdit && (
              <p class="nl-paragraph">
                <Link href={`${base}/interventies/${i.id}`}>
                  Wijzigen<span class="npo-visually-hidden"> ({i.title})</span>
                </Link>{' '}
                <ConfirmLink href={`${base}/interventies/${i.id}/verwijderen`}>
                  Verwijderen<span class="npo-visually-hidden"> ({i.title})</span>
                </ConfirmLink>
              </p>
            )
          }
        />
      ))}
      {canEdit && (
        <p class="nl-paragraph">
          <Link href={`${base}/interventies/nieuw`}>Bovenschoolse interventie toevoegen</Link>
          {draft.interventions.length > 0 && changed && (
            <>
              {' · '}
              <Link href={`${base}/indienen`}>Nieuwe versie aan de GMR voorleggen</Link>
            </>
          )}
        </p>
      )}
      <Heading level={2}>Versies voor de GMR</Heading>
      {versions.length === 0 ? (
        <Paragraph>Er is nog geen versie aan de GMR voorgelegd.</Paragraph>
      ) : (
        <Table
          caption="Versies van het bovenschools plan"
          rows={versions}
          rowKey={(v) => v.id}
          columns={[
            {
              header: 'Versie',
              cell: (v) => <Link href={`${base}/versies/${v.number}`}>Versie {v.number}</Link>,
            },
            { header: 'Voorgelegd', cell: (v) => formatDateTime(new Date(v.submitted_at), ctx.locale) },
            {
              header: 'Besluit van de GMR',
              cell: (v) =>
                v.decision === 'instemming'
                  ? `Instemming (${formatDate(v.meeting_on!, ctx.locale)})`
                  : v.decision === 'geen-instemming'
                    ? `Geen instemming (${formatDate(v.meeting_on!, ctx.locale)})`
                    : v.number === versions[0]!.number
                      ? 'Wacht op besluit'
                      : 'Vervangen door een nieuwere versie',
            },
          ]}
        />
      )}
    </Layout>
  );
}
