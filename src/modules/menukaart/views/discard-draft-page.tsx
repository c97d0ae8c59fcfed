// Asks the redactie before the draft of the menu is thrown away (works without JavaScript).
import type { ViewContext } from '../../../ui/context.ts';
import { Link, Paragraph } from '../../../ui/components.tsx';
import { ConfirmPage } from '../../../ui/confirm-page.tsx';
import { redactieCrumb } from './editor-home-page.tsx';

export function DiscardDraftPage({
  ctx,
  changes,
}: {
  ctx: ViewContext;
  /** How many changes the draft has against the version in force. */
  changes: number;
}) {
  return (
    <ConfirmPage
      ctx={ctx}
      title="Concept weggooien?"
      breadcrumbs={[redactieCrumb, { label: 'Concept weggooien' }]}
      action="/redactie/menukaart/concept/verwijderen"
      confirmLabel="Ja, concept weggooien"
      back={{ href: '/redactie/menukaart', label: 'Nee, terug naar de redactie' }}
    >
      <Paragraph>
        {changes === 0
          ? `Het concept heeft geen wijzigingen ten opzichte van de geldende menukaart.`
          : `Het concept heeft ${changes} ${changes === 1 ? 'wijziging' : 'wijzigingen'} ten opzichte van de geldende menukaart. Die gaan verloren.`}{' '}
        Dit kunt u niet ongedaan maken. De gepubliceerde versies blijven zoals ze zijn.
      </Paragraph>
      {changes > 0 && (
        <Paragraph>
          <Link href="/redactie/menukaart/concept/verschil">Bekijk eerst de wijzigingen</Link>
        </Paragraph>
      )}
    </ConfirmPage>
  );
}
