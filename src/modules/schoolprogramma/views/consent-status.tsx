// Where the plan stands in the consent flow, for the plan's home page: one sentence (e.g. "the
// draft differs from the adopted version 2") with links to the versions and to submitting.
import { Alert, Link } from '../../../ui/components.tsx';
import type { ConsentStatus } from '../services/consent-state.ts';
import { planBase } from './base.ts';

export function ConsentStatusLine({
  schoolId,
  status,
  canSubmit,
}: {
  schoolId: number;
  status: Pick<ConsentStatus, 'sentence' | 'pending' | 'versions'>;
  canSubmit: boolean;
}) {
  const base = planBase(schoolId);
  return (
    <Alert type={status.pending ? 'warning' : 'info'}>
      {status.sentence} {status.versions.length > 0 && <Link href={`${base}/versies`}>Alle versies</Link>}
      {canSubmit && !status.pending && (
        <>
          {status.versions.length > 0 && ' · '}
          <Link href={`${base}/indienen`}>Indienen bij de MR</Link>
        </>
      )}
    </Alert>
  );
}
