// One version of the board-level plan as the GMR reads it: what was submitted, the GMR's decision
// (or that it is still open), the discussion, and a link to the decision form for GMR members.
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
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { VersionRow } from '../repository/board-plan-versions.ts';
import type { BoardPlanSnapshot } from '../services/board-plan-snapshot.ts';
import { boardPlanBase, boardPlanCrumbs, InterventionBlock } from './board-plan-parts.tsx';

export interface CommentRow {
  id: number;
  body: string;
  created_at: Date;
  person_name: string | null;
}

export function BoardPlanVersionPage({
  ctx,
  board,
  version: v,
  snapshot,
  decidable,
  canDecide,
  comments,
  form,
  saved,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  version: VersionRow;
  snapshot: BoardPlanSnapshot;
  decidable: 'ja' | 'al-besloten' | 'vervangen';
  canDecide: boolean;
  comments: CommentRow[];
  form: FormState;
  saved?: string;
}) {
  const base = `${boardPlanBase(board.id)}/versies/${v.number}`;
  const title = `Bovenschools plan ${board.name}, versie ${v.number}`;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={boardPlanCrumbs(board.id, `Versie ${v.number}`)}>
      <Heading level={1}>{title}</Heading>
      {saved && <Alert type="ok">{saved}</Alert>}
      <Paragraph>
        Deze versie is vastgelegd en verandert niet meer. Wijzigt het bestuur het plan, dan komt er een nieuwe
        versie waarover de GMR opnieuw besluit.
      </Paragraph>
      <DataSummary
        items={[
          {
            key: 'Voorgelegd',
            value: `${formatDateTime(new Date(v.submitted_at), ctx.locale)}${v.submitted_by_name ? ` door ${v.submitted_by_name}` : ''}`,
          },
          { key: 'Toelichting van het bestuur', value: v.note || 'Geen toelichting' },
          {
            key: 'Besluit van de GMR',
            value: v.decision
              ? `${v.decision === 'instemming' ? 'Instemming' : 'Geen instemming'} in de vergadering van ${formatDate(v.meeting_on!, ctx.locale)}`
              : decidable === 'vervangen'
                ? 'Geen besluit: deze versie is vervangen door een nieuwere versie'
                : 'Nog geen besluit',
          },
          ...(v.decision && v.reasons ? [{ key: 'Toelichting van de GMR', value: v.reasons }] : []),
        ]}
      />
      <p class="nl-paragraph">
        <Link href={`${base}/verschil`}>Wat is er veranderd ten opzichte van de vorige versie?</Link>
        {canDecide && decidable === 'ja' && (
          <>
            {' · '}
            <Link href={`${base}/besluit`}>Besluit van de GMR vastleggen</Link>
          </>
        )}
      </p>
      <Heading level={2}>Bovenschoolse interventies in deze versie</Heading>
      {snapshot.interventions.length === 0 && <Paragraph>Deze versie bevat geen interventies.</Paragraph>}
      {snapshot.interventions.map((i) => (
        <InterventionBlock key={i.id} ctx={ctx} intervention={i} headingLevel={3} />
      ))}
      <section aria-labelledby="reacties">
        <Heading level={2} id="reacties">
          Reacties
        </Heading>
        {comments.length === 0 ? (
          <Paragraph>Er zijn nog geen reacties op deze versie.</Paragraph>
        ) : (
          <ul class="npo-stack">
            {comments.map((c) => (
              <li key={c.id}>
                <p class="nl-paragraph">
                  <strong>{c.person_name ?? 'Onbekend'}</strong>,{' '}
                  {formatDateTime(new Date(c.created_at), ctx.locale)}
                </p>
                <p class="nl-paragraph">{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={`${base}/reacties`} novalidate>
          <ErrorSummary form={form} title="Uw reactie is niet geplaatst. Verbeter het volgende:" />
          <CsrfField token={ctx.csrfToken()} />
          <TextArea name="reactie" label="Uw reactie" form={form} rows={4} maxLength={5000} />
          <Button>Reactie plaatsen</Button>
        </form>
      </section>
    </Layout>
  );
}
