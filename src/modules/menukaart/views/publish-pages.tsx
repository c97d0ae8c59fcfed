// Publishing the draft, in steps that work without JavaScript: a preview of the public menu as it
// will look, the form with the date from which it applies, a confirmation that says what will
// happen, and (while that date is still to come) cancelling the scheduled version.
import type { ViewContext } from '../../../ui/context.ts';
import { ConfirmPage } from '../../../ui/confirm-page.tsx';
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
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { VersionRow } from '../repository/versions.ts';
import { redactieCrumb } from './editor-home-page.tsx';

const publishHref = '/redactie/menukaart/concept/publiceren';

/** On top of every preview page: what it is, and the way on. */
export function PreviewNotice() {
  return (
    <Alert type="warning">
      <strong>Voorbeeld: dit is nog niet gepubliceerd.</strong> Zo ziet de menukaart eruit als u het concept
      publiceert. Scholen en bezoekers zien deze pagina niet.{' '}
      <Link href={publishHref}>Verder naar publiceren</Link> ·{' '}
      <Link href="/redactie/menukaart/concept/voorbeeld">Voorbeeld van de hele menukaart</Link> ·{' '}
      <Link href="/redactie/menukaart">Terug naar de redactie</Link>
    </Alert>
  );
}

export function PublishPage({
  ctx,
  form,
  diffCount,
}: {
  ctx: ViewContext;
  form: FormState;
  diffCount: number;
}) {
  return (
    <Layout ctx={ctx} title="Concept publiceren" breadcrumbs={[redactieCrumb, { label: 'Publiceren' }]}>
      <Heading level={1}>Concept publiceren als nieuwe versie</Heading>
      <Paragraph>
        Het concept verschilt op {diffCount} {diffCount === 1 ? 'interventie' : 'interventies'} van de versie
        die nu geldt. Bekijk eerst{' '}
        <Link href="/redactie/menukaart/concept/voorbeeld">het voorbeeld van de menukaart</Link> en{' '}
        <Link href="/redactie/menukaart/concept/verschil">het verschil per onderdeel</Link>. Na het invullen
        vragen we u nog om bevestiging.
      </Paragraph>
      <ErrorSummary form={form} title="Het concept is niet gepubliceerd. Controleer deze velden:" />
      <form novalidate method="post" action={publishHref} class="npo-stack">
        <CsrfField token={ctx.csrfToken()} />
        <TextField
          name="titel"
          label="Titel van de versie"
          form={form}
          required
          description="Bijvoorbeeld: Menukaart september 2023."
        />
        <TextField
          name="geldigVanaf"
          label="Geldig vanaf"
          form={form}
          required
          inputMode="numeric"
          autocomplete="off"
          description="Als dag-maand-jaar, bijvoorbeeld 1-9-2027. Vandaag of later: tot die datum zien scholen de versie die nu geldt."
        />
        <TextArea name="toelichting" label="Wat is er veranderd?" form={form} rows={4} required />
        <TextField name="bron" label="Bron (webadres, niet verplicht)" form={form} type="url" />
        <Button>Controleren</Button>
      </form>
    </Layout>
  );
}

export function PublishConfirmPage({
  ctx,
  values,
  today,
  diffCount,
}: {
  ctx: ViewContext;
  values: { title: string; validFrom: string; note: string; sourceUrl: string | null };
  today: string;
  diffCount: number;
}) {
  const now = values.validFrom === today;
  return (
    <Layout ctx={ctx} title="Publiceren bevestigen" breadcrumbs={[redactieCrumb, { label: 'Publiceren' }]}>
      <Heading level={1}>Deze versie publiceren?</Heading>
      <DataSummary
        items={[
          { key: 'Titel', value: values.title },
          { key: 'Geldig vanaf', value: formatDate(values.validFrom) },
          { key: 'Wat is er veranderd?', value: <span class="npo-diff-text">{values.note}</span> },
          { key: 'Bron', value: values.sourceUrl ?? 'geen' },
          { key: 'Verschil', value: `${diffCount} ${diffCount === 1 ? 'interventie' : 'interventies'}` },
        ]}
      />
      <Paragraph>
        {now
          ? 'De menukaart verandert direct: scholen en bezoekers zien vanaf nu de nieuwe versie.'
          : `De versie wordt gepland. Tot ${formatDate(values.validFrom)} zien scholen en bezoekers de versie die nu geldt. Tot die datum kunt u de planning annuleren.`}
      </Paragraph>
      <form novalidate method="post" action={publishHref} class="npo-confirm-form">
        <CsrfField token={ctx.csrfToken()} />
        <input type="hidden" name="titel" value={values.title} />
        <input type="hidden" name="geldigVanaf" value={values.validFrom} />
        <input type="hidden" name="toelichting" value={values.note} />
        <input type="hidden" name="bron" value={values.sourceUrl ?? ''} />
        <Button name="bevestigd" value="ja">
          {now ? 'Ja, nu publiceren' : 'Ja, publiceren en plannen'}
        </Button>
        <Button name="bevestigd" value="nee" variant="secondary">
          Nee, gegevens aanpassen
        </Button>
      </form>
    </Layout>
  );
}

/** Asks before a scheduled version goes back to being the draft. */
export function CancelScheduledPage({ ctx, version }: { ctx: ViewContext; version: VersionRow }) {
  return (
    <ConfirmPage
      ctx={ctx}
      title={`Planning van ${version.title} annuleren?`}
      breadcrumbs={[redactieCrumb, { label: 'Planning annuleren' }]}
      action={`/redactie/menukaart/versie/${version.id}/annuleren`}
      confirmLabel="Planning annuleren"
      back={{ href: '/redactie/menukaart', label: 'Terug, niets annuleren' }}
    >
      <Paragraph>
        {version.title} zou gelden vanaf {formatDate(version.valid_from!)}. Na annuleren wordt de versie weer
        het concept: er gaat niets van uw werk verloren, de versie wordt niet openbaar en u kunt haar later
        opnieuw publiceren.
      </Paragraph>
    </ConfirmPage>
  );
}
