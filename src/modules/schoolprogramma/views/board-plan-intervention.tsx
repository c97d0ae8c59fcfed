// Adding or changing a board-level intervention. A stale save (someone else changed it first)
// shows the user's own input again beside what is saved now.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { ConfirmPage } from '../../../ui/confirm-page.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  ErrorSummary,
  Heading,
  Paragraph,
  TextArea,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import type { PurposeMenu } from '../../funding/services/reservation-purpose.ts';
import { PurposeFields } from '../../funding/views/reservation-purpose.tsx';
import { boardPlanBase, boardPlanCrumbs } from './board-plan-parts.tsx';

export interface CurrentIntervention {
  title: string;
  category: string;
  intervention: string;
  description: string;
  responsible: string;
}

export function BoardInterventionFormPage({
  ctx,
  boardId,
  interventionId,
  menu,
  form,
  conflict,
}: {
  ctx: ViewContext;
  boardId: number;
  /** Undefined for a new one. */
  interventionId?: number;
  menu: PurposeMenu | null;
  form: FormState;
  /** What is saved now, when the user's save came too late. */
  conflict?: CurrentIntervention;
}) {
  const title = interventionId ? 'Bovenschoolse interventie wijzigen' : 'Bovenschoolse interventie toevoegen';
  const base = boardPlanBase(boardId);
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={boardPlanCrumbs(boardId, title)}>
      <Heading level={1}>{title}</Heading>
      {conflict && (
        <Alert type="warning">
          Iemand anders heeft deze interventie gewijzigd terwijl u bezig was. Uw invoer staat hieronder nog in
          het formulier; wat nu is opgeslagen staat eronder. Vergelijk beide en sla opnieuw op.
        </Alert>
      )}
      {!menu && (
        <Alert type="warning">
          Er is nog geen menukaart gepubliceerd; u kunt nog geen interventie toevoegen.
        </Alert>
      )}
      <form
        method="post"
        action={interventionId ? `${base}/interventies/${interventionId}` : `${base}/interventies/nieuw`}
        novalidate
      >
        <ErrorSummary form={form} title="De interventie is niet opgeslagen. Verbeter het volgende:" />
        <CsrfField token={ctx.csrfToken()} />
        {interventionId && <input type="hidden" name="revisie" value={form.values.revisie ?? ''} />}
        <TextField
          name="titel"
          label="Naam van de bovenschoolse interventie"
          required
          form={form}
          maxLength={200}
        />
        {menu && <PurposeFields choices={{ menu, plan: [] }} form={form} />}
        <TextArea
          name="beschrijving"
          label="Wat doet het bestuur, voor welke scholen en leerlingen?"
          form={form}
          rows={5}
          maxLength={5000}
        />
        <TextField
          name="verantwoordelijke"
          label="Verantwoordelijke"
          description="Een naam of functie."
          required
          form={form}
          maxLength={200}
        />
        <Button>Opslaan</Button>
      </form>
      {conflict && (
        <section aria-labelledby="nu-opgeslagen">
          <Heading level={2} id="nu-opgeslagen">
            Wat nu is opgeslagen
          </Heading>
          <DataSummary
            items={[
              { key: 'Naam', value: conflict.title },
              { key: 'Categorie', value: conflict.category },
              { key: 'Interventie', value: conflict.intervention || 'Geen bepaalde interventie' },
              { key: 'Beschrijving', value: conflict.description || 'Geen beschrijving' },
              { key: 'Verantwoordelijke', value: conflict.responsible },
            ]}
          />
        </section>
      )}
    </Layout>
  );
}

export function DeleteBoardInterventionPage({
  ctx,
  boardId,
  intervention,
  stale,
}: {
  ctx: ViewContext;
  boardId: number;
  intervention: { id: number; title: string; revision: number };
  /** The interventie changed after the user opened this page: ask again. */
  stale?: boolean;
}) {
  const base = boardPlanBase(boardId);
  return (
    <ConfirmPage
      ctx={ctx}
      title={`${intervention.title} verwijderen?`}
      breadcrumbs={boardPlanCrumbs(boardId, 'Interventie verwijderen')}
      action={`${base}/interventies/${intervention.id}/verwijderen`}
      fields={{ revisie: String(intervention.revision) }}
      confirmLabel="Ja, verwijderen uit de werkversie"
      back={{ href: base, label: 'Nee, terug naar het bovenschools plan' }}
    >
      {stale && (
        <Alert type="warning">
          Iemand anders heeft deze interventie gewijzigd nadat u deze pagina opende; er is niets verwijderd.
          Kijk de interventie na en bevestig opnieuw als u haar nog steeds wilt verwijderen.
        </Alert>
      )}
      <Paragraph>
        De interventie verdwijnt uit de werkversie van het plan. Versies die al aan de GMR zijn voorgelegd
        blijven zoals ze zijn. De reserveringen die eraan gekoppeld waren blijven bestaan, maar horen dan bij
        geen bovenschoolse interventie meer.
      </Paragraph>
    </ConfirmPage>
  );
}
