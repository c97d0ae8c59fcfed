// Search results: interventions and kennisplein items for a visitor's query.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import type { Intervention } from '../services/menu.ts';
import type { FoundItem } from '../services/search-index.ts';
import { crumb } from './menu-parts.tsx';

export function SearchPage({
  ctx,
  q,
  notice,
  problem,
  interventions,
  items,
  suggestion,
}: {
  ctx: ViewContext;
  q: string;
  notice: string | null;
  problem: string | null;
  interventions: Intervention[];
  items: FoundItem[];
  /** The query with its typing errors corrected, when a word matched nothing exactly. */
  suggestion: string | null;
}) {
  const searchHref = (words: string) => `/menukaart/zoeken?q=${encodeURIComponent(words)}`;
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
      {suggestion && (
        <Paragraph>
          Bedoelde u <Link href={searchHref(suggestion)}>{suggestion}</Link>?
        </Paragraph>
      )}
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
                Geen interventies gevonden. Probeer een ander of korter woord, bijvoorbeeld{' '}
                <Link href={searchHref('lezen')}>lezen</Link> of{' '}
                <Link href={searchHref('feedback')}>feedback</Link>, of{' '}
                <Link href="/menukaart">bekijk de hele menukaart</Link>.
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
              <Paragraph>
                Geen voorbeelden of onderzoek gevonden.{' '}
                <Link href="/kennisplein">Bekijk alle voorbeelden op het kennisplein</Link>.
              </Paragraph>
            )}
          </section>
        </>
      )}
    </Layout>
  );
}
