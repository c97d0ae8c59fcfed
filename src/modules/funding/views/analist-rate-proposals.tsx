// A rate change waiting for a second analist, on the rate's own page: who proposed what and why,
// and — for any other analist — the buttons to approve it or to reject it with a reason.
import type { ViewContext } from '../../../ui/context.ts';
import { Button, CsrfField, Heading, Paragraph, TextArea, type FormState } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { OpenProposal } from '../repository/rate-proposals.ts';
import { Money, rateStatusText } from './format.tsx';

export function ProposalPanel({
  ctx,
  proposal,
  rejectForm,
}: {
  ctx: ViewContext;
  proposal: OpenProposal;
  /** The reject form after a failed submit (a reason is required). */
  rejectForm?: FormState;
}) {
  const own = proposal.proposedBy === ctx.principal?.personId;
  const base = `/beheer/bekostiging/voorstellen/${proposal.id}`;
  const id = `voorstel-${proposal.id}`;
  return (
    <section aria-labelledby={id} class="npo-card npo-stack">
      <Heading level={2} id={id}>
        Wacht op goedkeuring: {proposal.rateLabel} ({proposal.yearLabel})
      </Heading>
      <Paragraph>
        {proposal.proposedByName ?? 'Een analist'} stelde op {formatDateTime(proposal.proposedAt, ctx.locale)}{' '}
        voor het bedrag te wijzigen van <Money cents={proposal.currentCents} /> (
        {rateStatusText[proposal.currentStatus]}) naar <Money cents={proposal.amountCents} /> (
        {rateStatusText[proposal.status]}). Reden: {proposal.reason}
      </Paragraph>
      {own ? (
        <Paragraph>Een andere analist moet uw voorstel goedkeuren of afwijzen.</Paragraph>
      ) : (
        <>
          <form method="post" action={`${base}/goedkeuren`} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <Button>Goedkeuren en opnieuw berekenen</Button>
          </form>
          <form method="post" action={`${base}/afwijzen`} novalidate class="npo-stack">
            <CsrfField token={ctx.csrfToken()} />
            <TextArea
              name="reden"
              label="Reden van afwijzen"
              form={rejectForm ?? { values: {}, errors: {} }}
              rows={2}
              maxLength={1000}
            />
            <Button variant="secondary">Afwijzen</Button>
          </form>
        </>
      )}
    </section>
  );
}
