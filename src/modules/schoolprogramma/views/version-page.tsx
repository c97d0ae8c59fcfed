// One submitted version, rendered from its snapshot: status and decision, the note to the MR,
// links to the diff, the PDF and the decision form, the whole plan, and the MR's discussion.
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
import type { CommentRow, VersionRow } from '../repository/versions.ts';
import { commentMaxLength, statusOf, versionStatusLabels } from '../services/consent.ts';
import type { PlanSnapshot } from '../services/snapshot.ts';
import { planBase } from './base.ts';
import { consentCrumbs, SnapshotView, type SchoolRef } from './snapshot-view.tsx';

export type VersionNotice = 'ingediend' | 'reactie' | 'besluit';

const notices: Record<VersionNotice, string> = {
  ingediend: 'De versie is ingediend. De leden van de MR hebben een e-mail gekregen.',
  reactie: 'Uw reactie is geplaatst.',
  besluit: 'Het besluit van de MR is vastgelegd.',
};

export function VersionPage({
  ctx,
  school,
  version,
  snapshot,
  isLatest,
  comments,
  canComment,
  canDecide,
  notice,
  form,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  version: VersionRow;
  snapshot: PlanSnapshot;
  isLatest: boolean;
  comments: CommentRow[];
  canComment: boolean;
  canDecide: boolean;
  notice?: VersionNotice;
  form?: FormState;
}) {
  const base = `${planBase(school.id)}/versies/${version.number}`;
  const status = statusOf(version.decision);
  const f = form ?? { values: {}, errors: {} };
  return (
    <Layout
      ctx={ctx}
      title={`Versie ${version.number} van het schoolprogramma – ${school.name}`}
      breadcrumbs={consentCrumbs(school, [
        { href: `${planBase(school.id)}/versies`, label: 'Versies' },
        { label: `Versie ${version.number}` },
      ])}
    >
      <Heading level={1}>Versie {version.number} van het schoolprogramma</Heading>
      {notice && <Alert type="ok">{notices[notice]}</Alert>}
      <Paragraph>
        Deze versie is vastgelegd bij het indienen en verandert niet meer. Wijzigingen in het concept komen in
        een nieuwe versie.
      </Paragraph>
      <DataSummary
        items={[
          {
            key: 'Ingediend',
            value: `${formatDateTime(version.submitted_at)}${version.submittedByName ? ` door ${version.submittedByName}` : ''}`,
          },
          { key: 'Status', value: versionStatusLabels[status] },
          ...(version.meeting_on ? [{ key: 'MR-vergadering', value: formatDate(version.meeting_on) }] : []),
          ...(version.decision === 'geen-instemming' || version.reasons
            ? [{ key: 'Toelichting van de MR', value: version.reasons || '–' }]
            : []),
          ...(version.recorded_at
            ? [
                {
                  key: 'Besluit vastgelegd',
                  value: `${formatDateTime(version.recorded_at)}${version.recordedByName ? ` door ${version.recordedByName}` : ''}`,
                },
              ]
            : []),
          { key: 'Toelichting bij het indienen', value: version.note || '–' },
        ]}
      />
      <ul class="utrecht-unordered-list">
        <li>
          <Link href={`${base}/verschil`}>
            {version.number === 1
              ? 'Wat deze eerste versie bevat'
              : `Verschil met versie ${version.number - 1}`}
          </Link>
        </li>
        <li>
          <Link href={`${base}/pdf`}>Deze versie als pdf (voor de vergadering en het archief)</Link>
        </li>
        {canDecide && status === 'wacht-op-besluit' && isLatest && (
          <li>
            <Link href={`${base}/besluit`}>Het besluit van de MR vastleggen</Link>
          </li>
        )}
      </ul>
      <SnapshotView snapshot={snapshot} />
      <section aria-labelledby="reacties" class="npo-stack">
        <Heading level={2} id="reacties">
          Reacties
        </Heading>
        {comments.length === 0 ? (
          <Paragraph>Er zijn nog geen reacties op deze versie.</Paragraph>
        ) : (
          <ol class="utrecht-ordered-list npo-stack">
            {comments.map((c) => (
              <li key={c.id}>
                <Paragraph>
                  <strong>{c.personName ?? 'Onbekend'}</strong>, {formatDateTime(c.created_at)}
                </Paragraph>
                <Paragraph>{c.body}</Paragraph>
              </li>
            ))}
          </ol>
        )}
        {canComment && (
          <form method="post" action={`${base}/reacties`} class="npo-stack" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <ErrorSummary form={f} title="Uw reactie is niet geplaatst:" />
            <TextArea
              name="reactie"
              label="Uw reactie"
              description={`De MR en de schoolleiding lezen mee. Maximaal ${commentMaxLength} tekens.`}
              form={f}
              rows={4}
              maxLength={commentMaxLength}
            />
            <Button>Reactie plaatsen</Button>
          </form>
        )}
      </section>
    </Layout>
  );
}
