// Adding or changing one evaluation (school leader) or reading it (everyone else who may read
// the plan). After a conflict the page shows the user's own input in the form and, above it,
// the evaluation as someone else saved it in the meantime.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { FailedSubmitMessage, Heading, Link, Paragraph, type FormState } from '../../../ui/components.tsx';
import type { PlanLink } from '../tables.ts';
import type { EvaluationRow, PlanInterventionRef } from '../repository/evaluations.ts';
import {
  EvaluationForm,
  EvaluationSummary,
  evaluationBase,
  evaluationCrumbs,
  interventionName,
} from './evaluation-parts.tsx';

export function EvaluationEditPage({
  ctx,
  schoolId,
  intervention,
  evaluation,
  form,
  options,
  canEdit,
  conflict,
}: {
  ctx: ViewContext;
  schoolId: number;
  intervention: PlanInterventionRef;
  /** Undefined for a new evaluation. */
  evaluation?: EvaluationRow;
  form: FormState;
  options: PlanLink[];
  canEdit: boolean;
  /** The evaluation as saved by someone else while this user was editing. */
  conflict?: boolean;
}) {
  const base = evaluationBase(schoolId, intervention.id);
  const title = evaluation ? (canEdit ? 'Evaluatie wijzigen' : 'Evaluatie') : 'Evaluatie toevoegen';
  return (
    <Layout
      ctx={ctx}
      title={`${title} ${interventionName(intervention)}`}
      breadcrumbs={evaluationCrumbs(schoolId, intervention, title)}
    >
      <Heading level={1}>
        {title}: {interventionName(intervention)}
      </Heading>
      {conflict && evaluation && (
        <>
          <FailedSubmitMessage>
            Iemand anders heeft deze evaluatie opgeslagen terwijl u hem wijzigde. Uw wijzigingen zijn nog niet
            opgeslagen: ze staan hieronder in het formulier. Vergelijk ze met wat nu is opgeslagen en sla
            opnieuw op om uw versie te bewaren.
          </FailedSubmitMessage>
          <section aria-labelledby="nu-opgeslagen" class="npo-card npo-stack">
            <Heading level={2} id="nu-opgeslagen">
              Nu opgeslagen
            </Heading>
            <EvaluationSummary e={evaluation} />
          </section>
          <Heading level={2}>Uw wijzigingen</Heading>
        </>
      )}
      {canEdit ? (
        <EvaluationForm
          ctx={ctx}
          action={evaluation ? `${base}/${evaluation.id}` : `${base}/nieuw`}
          form={form}
          options={options}
          submit={evaluation ? 'Wijzigingen opslaan' : 'Evaluatie opslaan'}
        />
      ) : (
        evaluation && <EvaluationSummary e={evaluation} />
      )}
      <Paragraph>
        <Link href={base}>Terug naar de evaluaties van deze interventie</Link>
      </Paragraph>
    </Layout>
  );
}
