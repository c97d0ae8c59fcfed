// The confirmation pages before a goal or an intervention leaves the plan. An intervention with
// recorded spending cannot leave: the page says so and points to a correction instead.
import type { ViewContext } from '../../../ui/context.ts';
import { ConfirmPage } from '../../../ui/confirm-page.tsx';
import { Alert, Link, Paragraph } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { Heading } from '../../../ui/components.tsx';
import { formatDate, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { GoalRow } from '../repository/goals.ts';
import type { DeleteRefusal, PlanInterventionRow } from '../repository/plan-interventions.ts';
import { planBase } from './base.ts';
import { planCrumbs, type SchoolRef } from './plan-parts.tsx';

export function DeleteGoalPage({
  ctx,
  school,
  goal,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  goal: GoalRow;
}) {
  const base = planBase(school.id);
  return (
    <ConfirmPage
      ctx={ctx}
      title="Doel verwijderen?"
      breadcrumbs={planCrumbs(school, [{ label: 'Doel verwijderen' }])}
      action={`${base}/doelen/${goal.id}/verwijderen`}
      confirmLabel="Doel verwijderen"
      back={{ href: `${base}#doel-${goal.id}`, label: 'Niet verwijderen, terug naar het schoolprogramma' }}
    >
      <Paragraph>
        U verwijdert het doel “{goal.what}” (bereikt op {formatDate(goal.due_on)}) uit het schoolprogramma.
        Interventies die aan dit doel bijdroegen, blijven staan; alleen de koppeling met dit doel verdwijnt.
      </Paragraph>
      <Paragraph>Versies die al aan de MR zijn voorgelegd, veranderen niet.</Paragraph>
    </ConfirmPage>
  );
}

export const expensesMessage = (n: number) =>
  `Deze interventie kan niet worden verwijderd: er ${n === 1 ? 'is 1 uitgave' : `zijn ${formatNumber(n)} uitgaven`} op geboekt. Uitgaven blijven altijd bewaard. Is er iets verkeerd geboekt, leg dan bij de uitgaven een correctie vast.`;

export function DeleteInterventionPage({
  ctx,
  school,
  intervention,
  refusal,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  intervention: PlanInterventionRow;
  /** Why it cannot be removed now (expenses booked, or F would be left alone); null: it can. */
  refusal: DeleteRefusal | null;
}) {
  const base = planBase(school.id);
  const name = `${intervention.code} ${intervention.name}`;
  if (refusal && refusal.reason !== 'onbekend')
    return (
      <Layout
        ctx={ctx}
        title={`${name} kan niet worden verwijderd`}
        breadcrumbs={planCrumbs(school, [{ label: 'Interventie verwijderen' }])}
      >
        <Heading level={1}>{name} kan niet worden verwijderd</Heading>
        <Alert type="error">
          {refusal.reason === 'uitgaven' ? expensesMessage(refusal.expenses) : refusal.message}
        </Alert>
        <Paragraph>
          {refusal.reason === 'uitgaven' && (
            <>
              <Link href={`${base}/uitgaven`}>Naar de uitgaven</Link> ·{' '}
            </>
          )}
          <Link href={`${base}#interventie-${intervention.id}`}>Terug naar het schoolprogramma</Link>
        </Paragraph>
      </Layout>
    );
  return (
    <ConfirmPage
      ctx={ctx}
      title={`${name} verwijderen?`}
      breadcrumbs={planCrumbs(school, [{ label: 'Interventie verwijderen' }])}
      action={`${base}/interventies/${intervention.id}/verwijderen`}
      confirmLabel="Interventie verwijderen"
      back={{
        href: `${base}#interventie-${intervention.id}`,
        label: 'Niet verwijderen, terug naar het schoolprogramma',
      }}
    >
      <Paragraph>
        U verwijdert {name} uit het schoolprogramma, met de begroting die erbij hoort. Er zijn nog geen
        uitgaven op geboekt.
      </Paragraph>
      <Paragraph>Versies die al aan de MR zijn voorgelegd, veranderen niet.</Paragraph>
    </ConfirmPage>
  );
}
