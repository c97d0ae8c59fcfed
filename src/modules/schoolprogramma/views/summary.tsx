// The public summary for parents: the school leader writes it and publishes or withdraws it;
// staff, MR and board read it here. Published, it is shown on the public school page.
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
import { ConfirmLink } from '../../../ui/confirm-page.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { summaryMaxLength } from '../services/consent.ts';
import { planBase } from './base.ts';
import { consentCrumbs, type SchoolRef } from './snapshot-view.tsx';

export type SummaryNotice = 'opgeslagen' | 'gepubliceerd' | 'ingetrokken';
const notices: Record<SummaryNotice, string> = {
  opgeslagen: 'De samenvatting is opgeslagen.',
  gepubliceerd: 'De samenvatting is gepubliceerd op de openbare pagina van de school.',
  ingetrokken: 'De samenvatting staat niet meer op de openbare pagina.',
};

export function SummaryPage({
  ctx,
  school,
  publicHref,
  text,
  publishedAt,
  revision,
  canEdit,
  notice,
  form,
  stale,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  publicHref: string;
  text: string;
  publishedAt: Date | null;
  revision: number;
  canEdit: boolean;
  notice?: SummaryNotice;
  form?: FormState;
  /** Someone else saved in between: the user's text is in the form, the saved one shown here. */
  stale?: boolean;
}) {
  const base = `${planBase(school.id)}/samenvatting`;
  const f = form ?? { values: { samenvatting: text }, errors: {} };
  return (
    <Layout
      ctx={ctx}
      title={`Samenvatting voor ouders – ${school.name}`}
      breadcrumbs={consentCrumbs(school, [{ label: 'Samenvatting voor ouders' }])}
    >
      <Heading level={1}>Samenvatting voor ouders</Heading>
      {notice && <Alert type="ok">{notices[notice]}</Alert>}
      {stale && (
        <FailedSubmitMessage>
          Iemand anders heeft de samenvatting opgeslagen nadat u deze pagina opende. Uw tekst is niet
          opgeslagen; hij staat hieronder in het formulier. Vergelijk hem met de opgeslagen tekst en sla
          opnieuw op.
        </FailedSubmitMessage>
      )}
      <Paragraph lead>
        Een korte tekst voor ouders over wat de school met het geld van het Nationaal Programma Onderwijs
        doet. Na publicatie staat hij op de <Link href={publicHref}>openbare pagina van de school</Link>.
      </Paragraph>
      <Paragraph>
        {publishedAt
          ? `Gepubliceerd sinds ${formatDateTime(publishedAt)}.`
          : 'Niet gepubliceerd: ouders zien deze tekst nog niet.'}
      </Paragraph>
      {(stale || !canEdit) && (
        <section aria-labelledby="opgeslagen" class="npo-card npo-stack">
          <Heading level={2} id="opgeslagen">
            De opgeslagen tekst
          </Heading>
          <Paragraph>{text.trim() || 'Er is nog geen samenvatting geschreven.'}</Paragraph>
        </section>
      )}
      {canEdit && (
        <form method="post" action={base} class="npo-stack" novalidate>
          <CsrfField token={ctx.csrfToken()} />
          <input type="hidden" name="revisie" value={String(revision)} />
          <ErrorSummary form={f} title="De samenvatting is niet opgeslagen:" />
          <TextArea
            name="samenvatting"
            label="Samenvatting"
            description={`In gewone woorden, zonder namen van leerlingen. Maximaal ${summaryMaxLength} tekens.`}
            form={f}
            rows={8}
            maxLength={summaryMaxLength}
          />
          <div class="npo-actions">
            <Button name="actie" value="opslaan" variant={publishedAt ? 'primary' : 'secondary'}>
              {publishedAt ? 'Opslaan (blijft gepubliceerd)' : 'Opslaan'}
            </Button>{' '}
            {!publishedAt && (
              <Button name="actie" value="publiceren">
                Opslaan en publiceren
              </Button>
            )}
          </div>
        </form>
      )}
      {canEdit && publishedAt && (
        <Paragraph>
          <ConfirmLink href={`${base}/intrekken`}>Publicatie intrekken</ConfirmLink>
        </Paragraph>
      )}
    </Layout>
  );
}
