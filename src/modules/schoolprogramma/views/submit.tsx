// Submitting the draft to the MR: what will be frozen, a note for the MR, or why it cannot be
// submitted now (a version awaits a decision, or the plan has no interventions).
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  FailedSubmitMessage,
  Heading,
  Link,
  Paragraph,
  TextArea,
  type FormState,
} from '../../../ui/components.tsx';
import type { PlanSnapshot } from '../services/snapshot.ts';
import { noteMaxLength } from '../services/consent.ts';
import { planBase } from './base.ts';
import { consentCrumbs, SnapshotView, type SchoolRef } from './snapshot-view.tsx';

export function SubmitPage({
  ctx,
  school,
  snapshot,
  blocked,
  nextNumber,
  fingerprint,
  form,
  stale,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  snapshot: PlanSnapshot | null;
  /** Why it cannot be submitted now, with a link onward; null when it can. */
  blocked: { message: string; href: string; label: string } | null;
  nextNumber: number;
  fingerprint: string;
  form?: FormState;
  /** The draft changed since the page was opened: the note is kept, the new state shown. */
  stale?: boolean;
}) {
  const f = form ?? { values: {}, errors: {} };
  const title = `Schoolprogramma indienen bij de MR`;
  return (
    <Layout
      ctx={ctx}
      title={`${title} – ${school.name}`}
      breadcrumbs={consentCrumbs(school, [{ label: 'Indienen' }])}
    >
      <Heading level={1}>{title}</Heading>
      {stale && (
        <FailedSubmitMessage>
          Het concept is gewijzigd nadat u deze pagina opende. Er is nog niets ingediend. Hieronder staat het
          concept zoals het nu is; uw toelichting is bewaard. Controleer het en dien opnieuw in.
        </FailedSubmitMessage>
      )}
      {blocked ? (
        <>
          <Alert type="warning">{blocked.message}</Alert>
          <Paragraph>
            <Link href={blocked.href}>{blocked.label}</Link>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph lead>
            Bij indienen legt het platform het concept vast als versie {nextNumber}. Die versie verandert
            daarna niet meer. De leden van de MR krijgen een e-mail en beslissen over precies deze versie.
            Wijzigt u het plan later, dan dient u een nieuwe versie in.
          </Paragraph>
          <form method="post" action={`${planBase(school.id)}/indienen`} class="npo-stack" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <input type="hidden" name="inhoud" value={fingerprint} />
            <ErrorSummary form={f} title="De versie is niet ingediend:" />
            <TextArea
              name="toelichting"
              label="Toelichting voor de MR (niet verplicht)"
              description="Bijvoorbeeld wat er is veranderd ten opzichte van de vorige versie, en waarom."
              form={f}
              rows={5}
              maxLength={noteMaxLength}
            />
            <Button>Versie {nextNumber} indienen bij de MR</Button>
          </form>
        </>
      )}
      {snapshot && (
        <section aria-labelledby="wat-ingediend" class="npo-stack">
          <Heading level={2} id="wat-ingediend">
            {blocked ? 'Het concept zoals het nu is' : `Wat u indient als versie ${nextNumber}`}
          </Heading>
          <SnapshotView snapshot={snapshot} level={3} />
        </section>
      )}
    </Layout>
  );
}
