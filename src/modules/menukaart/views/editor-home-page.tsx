// The redactie's home page: the version in force, the draft with its interventions and categories, and the versions.
import type { ViewContext } from '../../../ui/context.ts';
import { ConfirmLink } from '../../../ui/confirm-page.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, CsrfField, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { Category, Intervention } from '../services/menu.ts';
import type { VersionRow } from '../repository/versions.ts';
import { EffectValue, EvidenceValue, CostValue } from './menu-parts.tsx';

export const redactieCrumb = { href: '/redactie/menukaart', label: 'Redactie menukaart' };

export function EditorHome({
  ctx,
  inForce,
  draft,
  categories,
  interventions,
  versions,
  scheduled,
  pending,
  message,
}: {
  ctx: ViewContext;
  inForce: VersionRow;
  draft: VersionRow | undefined;
  categories: Category[];
  interventions: Intervention[];
  versions: VersionRow[];
  /** Published versions whose date is still to come. */
  scheduled: VersionRow[];
  pending: number;
  message?: string;
}) {
  return (
    <Layout ctx={ctx} title="Redactie menukaart" breadcrumbs={[{ label: 'Redactie menukaart' }]}>
      <Heading level={1}>Redactie menukaart</Heading>
      {message && <Alert type="ok">{message}</Alert>}
      <Paragraph>
        Nu geldt de <strong>{inForce.title}</strong> (vanaf {formatDate(inForce.valid_from!)}). Wijzigingen
        maakt u in een concept; scholen zien ze pas als u het concept publiceert als nieuwe versie.
      </Paragraph>
      <Paragraph>
        <Link href="/redactie/kennisplein">
          Kennisplein: {pending} {pending === 1 ? 'voorbeeld wacht' : 'voorbeelden wachten'} op een besluit
        </Link>
      </Paragraph>
      {scheduled.length > 0 && (
        <section aria-labelledby="gepland">
          <Heading level={2} id="gepland">
            Geplande versies
          </Heading>
          <Paragraph>
            Deze versies zijn gepubliceerd met een latere datum. Tot die datum ziet iedereen de versie die nu
            geldt; tot dan kunt u de planning annuleren.
          </Paragraph>
          <Table
            caption="Geplande versies, eerstvolgende eerst"
            rowKey={(v) => v.id}
            rows={scheduled}
            columns={[
              { header: 'Versie', cell: (v) => v.title },
              { header: 'Geldt vanaf', cell: (v) => formatDate(v.valid_from!) },
              { header: 'Toelichting', cell: (v) => v.note },
              {
                header: 'Actie',
                cell: (v) => (
                  <ConfirmLink href={`/redactie/menukaart/versie/${v.id}/annuleren`}>
                    Planning annuleren<span class="npo-visually-hidden"> van {v.title}</span>
                  </ConfirmLink>
                ),
              },
            ]}
          />
        </section>
      )}
      {draft ? (
        <section aria-labelledby="concept">
          <Heading level={2} id="concept">
            Concept voor de volgende versie
          </Heading>
          <div class="npo-inline-form">
            <Link href="/redactie/menukaart/concept/verschil">Verschil met de versie die nu geldt</Link>
            <Link href="/redactie/menukaart/concept/voorbeeld">Voorbeeld bekijken en publiceren</Link>
            <Link href="/redactie/menukaart/concept/nieuw">Nieuwe interventie toevoegen</Link>
          </div>
          <Table
            caption="Categorieën in het concept"
            rowKey={(c) => c.code}
            rows={categories}
            columns={[
              { header: 'Code', cell: (c) => c.code },
              { header: 'Naam', cell: (c) => c.name },
              {
                header: 'Actie',
                cell: (c) => (
                  <Link href={`/redactie/menukaart/concept/categorie/${c.code}`}>
                    Bewerken<span class="npo-visually-hidden"> categorie {c.code}</span>
                  </Link>
                ),
              },
            ]}
          />
          <Table
            caption="Interventies in het concept"
            rowKey={(i) => i.code}
            rows={interventions}
            columns={[
              { header: 'Code', cell: (i) => i.code },
              {
                header: 'Naam',
                cell: (i) => (
                  <>
                    {i.nameNl}
                    {i.withdrawn && ' (ingetrokken)'}
                  </>
                ),
              },
              { header: 'Effect', cell: (i) => <EffectValue i={i} /> },
              { header: 'Bewijs', cell: (i) => <EvidenceValue i={i} /> },
              { header: 'Kosten', cell: (i) => <CostValue i={i} /> },
              { header: 'Praktijkkaart', cell: (i) => (i.praktijkkaart ? 'compleet' : 'ontbreekt') },
              {
                header: 'Actie',
                cell: (i) => (
                  <Link href={`/redactie/menukaart/concept/interventie/${i.code}`}>
                    Bewerken<span class="npo-visually-hidden"> {i.code}</span>
                  </Link>
                ),
              },
            ]}
          />
          {/* Asks first on its own page (works without JavaScript); that page posts. */}
          <p class="nl-paragraph">
            <ConfirmLink href="/redactie/menukaart/concept/verwijderen" variant="secondary-action">
              Concept weggooien
            </ConfirmLink>
          </p>
        </section>
      ) : (
        <form novalidate method="post" action="/redactie/menukaart/concept">
          <CsrfField token={ctx.csrfToken()} />
          <Paragraph>
            Er is geen concept. Begin een concept: dat is een kopie van de nieuwste versie.
          </Paragraph>
          <Button>Concept beginnen</Button>
        </form>
      )}
      <section aria-labelledby="versies">
        <Heading level={2} id="versies">
          Gepubliceerde versies
        </Heading>
        <Table
          caption="Versies van de menukaart"
          rowKey={(v) => v.id}
          rows={versions}
          columns={[
            {
              header: 'Versie',
              cell: (v) => (
                <>
                  {v.title}
                  {v.id === inForce.id && <strong> (geldt nu)</strong>}
                  {scheduled.some((x) => x.id === v.id) && <strong> (gepland)</strong>}
                </>
              ),
            },
            { header: 'Geldig vanaf', cell: (v) => formatDate(v.valid_from!) },
            { header: 'Gepubliceerd', cell: (v) => (v.published_at ? formatDateTime(v.published_at) : '') },
            { header: 'Toelichting', cell: (v) => v.note },
          ]}
        />
        <Link href="/menukaart/versies">Versies en verschillen op de publieke site</Link>
      </section>
    </Layout>
  );
}
