// The hidden field with a form's idempotency key (see platform/http/idempotency.ts). A form shown
// again after a refusal keeps the key it was posted with, so the corrected post still counts once.
import { idempotencyField, newIdempotencyKey } from '../platform/http/idempotency.ts';

export function IdempotencyField({ value }: { value?: string }) {
  const key = value && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : newIdempotencyKey();
  return <input type="hidden" name={idempotencyField} value={key} />;
}
