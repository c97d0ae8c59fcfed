// Putting the draft to the GMR: what will be frozen, a note for the GMR, and the plan's revision
// so a draft that changed meanwhile is not submitted unseen.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Button,
  CsrfField,
  ErrorSummary,
  FailedSubmitMessage,
  Heading,
  Paragraph,
  TextArea,
  type FormState,
} from '../../../ui/components.tsx';
import type { BoardPlanSnapshot } from '../services/board-plan-snapshot.ts';
import { boardPlanBase, boardPlanCrumbs, InterventionBlock } from './board-plan-parts.tsx';

export function BoardPlanSubmitPage({
  ctx,
  board,
  draft,
  nextNumber,
  gmrCount,
  form,
  problem,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  draft: BoardPlanSnapshot;
  nextNumber: number;
  gmrCount: number;
  form: FormState;
  /** Why the submit did not go through (no field to point at). */
  problem?: string;
}) {
  const title = `Versie ${nextNumber} aan de GMR voorleggen`;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={boardPlanCrumbs(board.id, 'Voorleggen aan de GMR')}>
      <Heading level={1}>{title}</Heading>
      {problem && <FailedSubmitMessage>{problem}</FailedSubmitMessage>}
      <Paragraph>
        Als u deze versie voorlegt, wordt het plan zoals het hieronder staat vastgelegd als versie{' '}
        {nextNumber}. Die versie verandert daarna niet meer.{' '}
        {gmrCount === 1 ? 'Het GMR-lid krijgt' : `De ${gmrCount} GMR-leden krijgen`} een e-mail met een link
        naar de versie.
      </Paragraph>
      {draft.interventions.map((i) => (
        <InterventionBlock key={i.id} ctx={ctx} intervention={i} headingLevel={2} />
      ))}
      <form method="post" action={`${boardPlanBase(board.id)}/indienen`} novalidate>
        <ErrorSummary form={form} title="De versie is niet voorgelegd. Verbeter het volgende:" />
        <CsrfField token={ctx.csrfToken()} />
        <input type="hidden" name="revisie" value={form.values.revisie ?? ''} />
        <TextArea
          name="toelichting"
          label="Toelichting voor de GMR (niet verplicht)"
          description="Bijvoorbeeld wat er veranderd is sinds de vorige versie, en waarom."
          form={form}
          rows={4}
          maxLength={5000}
        />
        <Button>Versie {nextNumber} voorleggen</Button>
      </form>
    </Layout>
  );
}
