// The evaluation page of one intervention: the plan–do–check–act cycle in short, the latest
// decision (which the next version of the plan takes along), and every evaluation, newest first.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { EvaluationRow, PlanInterventionRef } from '../repository/evaluations.ts';
import { latestDecision } from '../services/evaluation.ts';
import { decisionLabel, evaluationBase, evaluationCrumbs, interventionName } from './evaluation-parts.tsx';

const short = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function EvaluationListPage({
  ctx,
  schoolId,
  intervention,
  evaluations,
  canEdit,
  saved,
}: {
  ctx: ViewContext;
  schoolId: number;
  intervention: PlanInterventionRef;
  evaluations: EvaluationRow[];
  canEdit: boolean;
  saved?: boolean;
}) {
  const base = evaluationBase(schoolId, intervention.id);
  const latest = latestDecision(evaluations);
  return (
    <Layout
      ctx={ctx}
      title={`Evaluatie ${interventionName(intervention)}`}
      breadcrumbs={evaluationCrumbs(schoolId, intervention)}
    >
      <Heading level={1}>Evaluatie van {interventionName(intervention)}</Heading>
      {saved && <Alert type="ok">De evaluatie is opgeslagen.</Alert>}
      <Paragraph lead>
        Plannen, doen, meten, bijsturen: leg op vaste momenten vast wat de interventie opleverde, koppel de
        gegevens uit latere schoolscans die het laten zien, en besluit of u doorgaat, bijstelt of stopt. Het
        laatste besluit neemt u mee in de volgende versie van het schoolprogramma.
      </Paragraph>
      {intervention.evaluation_plan.trim() !== '' && (
        <Paragraph>
          <strong>Zo is de evaluatie gepland:</strong> {intervention.evaluation_plan}
        </Paragraph>
      )}
      <section aria-labelledby="laatste-besluit" class="npo-card npo-stack">
        <Heading level={2} id="laatste-besluit">
          Laatste besluit
        </Heading>
        {latest ? (
          <Paragraph>
            <strong>{decisionLabel[latest.decision!]}</strong> (evaluatie van{' '}
            {formatDate(latest.evaluated_on)}): {latest.decision_reason}
          </Paragraph>
        ) : (
          <Paragraph>Er is nog geen besluit genomen over deze interventie.</Paragraph>
        )}
      </section>
      {canEdit && (
        <Paragraph>
          <Link href={`${base}/nieuw`}>Evaluatie toevoegen</Link>
        </Paragraph>
      )}
      {evaluations.length === 0 ? (
        <Paragraph>Deze interventie is nog niet geëvalueerd.</Paragraph>
      ) : (
        <Table
          caption="Evaluaties van deze interventie, nieuwste eerst"
          rows={evaluations}
          rowKey={(e) => e.id}
          columns={[
            {
              header: 'Datum',
              cell: (e) => (
                <Link href={`${base}/${e.id}`}>
                  {formatDate(e.evaluated_on)}
                  <span class="npo-visually-hidden"> ({canEdit ? 'wijzigen' : 'bekijken'})</span>
                </Link>
              ),
            },
            { header: 'Resultaten', cell: (e) => short(e.results) },
            { header: 'Gegevens', numeric: true, cell: (e) => String(e.evidence_links.length) },
            { header: 'Besluit', cell: (e) => (e.decision ? decisionLabel[e.decision] : 'Nog geen besluit') },
          ]}
        />
      )}
    </Layout>
  );
}
