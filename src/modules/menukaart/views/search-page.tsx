// Search results: interventions and kennisplein items for a visitor's query.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import type { Intervention } from '../services/menu.ts';
import type { ItemRow } from '../repository/kennisplein.ts';
import { crumb } from './menu-parts.tsx';

export function SearchPage({
  ctx,
  q,
  notice,
  problem,
  interventions,
  items,
}: {
  ctx: ViewContext;
  q: string;
  notice: string | null;
  problem: string | null;
  interventions: Intervention[];
  items: (ItemRow & { school_name: string | null })[];
}) {
  return (
    <Layout
      ctx={ctx}
      title={q ? `Zoeken: ${q}` : 'Zoeken'}
      section="/menukaart"
      breadcrumbs={[crumb, { label: 'Zoeken' }]}
    >
      <Heading level={1}>Zoeken in de menukaart en het kennisplein</Heading>
      <form novalidate method="get" action="/menukaart/zoeken" role="search" class="npo-inline-form">
        <label class="utrecht-form-label" for="q">
          Zoekwoorden
        </label>
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          type="search"
          id="q"
          name="q"
          value={q}
          maxLength={100}
        />
        <Button>Zoeken</Button>
      </form>
      {notice && <Alert type="info">{notice}</Alert>}
      {problem && <Alert type="warning">{problem}</Alert>}
      {!problem && (
        <>
          <section aria-labelledby="r-interventies">
            <Heading level={2} id="r-interventies">
              Interventies ({interventions.length})
            </Heading>
            {interventions.length ? (
              <ul>
                {interventions.map((i) => (
                  <li key={i.code}>
                    <Link href={`/menukaart/${i.code}`}>
                      {i.code}. {i.nameNl}
                    </Link>
                    {i.withdrawn && ' (ingetrokken)'} — {i.summary}
                  </li>
                ))}
              </ul>
            ) : (
              <Paragraph>
                Geen interventies gevonden. Probeer een ander of korter woord, of bekijk de hele menukaart.
              </Paragraph>
            )}
          </section>
          <section aria-labelledby="r-kennisplein">
            <Heading level={2} id="r-kennisplein">
              Kennisplein ({items.length})
            </Heading>
            {items.length ? (
              <ul>
                {items.map((it) => (
                  <li key={it.id}>
                    <Link href={`/kennisplein/${it.id}`}>{it.title}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <Paragraph>Geen voorbeelden of onderzoek gevonden.</Paragraph>
            )}
          </section>
        </>
      )}
    </Layout>
  );
}
