// The page that explains the menukaart's JSON API to developers.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph } from '../../../ui/components.tsx';
import { crumb } from './menu-parts.tsx';

export function ApiDocsPage({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout
      ctx={ctx}
      title="Open data: API van de menukaart"
      section="/menukaart"
      breadcrumbs={[crumb, { label: 'API' }]}
    >
      <Heading level={1}>Open data: API van de menukaart</Heading>
      <Paragraph>
        De menukaart is als JSON op te vragen, met dezelfde filters als deze website. De beschrijving volgt
        OpenAPI 3.1.
      </Paragraph>
      <ul>
        <li>
          <code>GET /api/v1/interventions</code>: alle interventies van de menukaart die nu geldt. Filters:{' '}
          <code>categorie</code> (A-F), <code>sector</code> (po, vo, vso), <code>kosten</code> (tot en met
          1-5), <code>bewijs</code> (ten minste 1-5), <code>sortering</code> (code, effect, effect-per-euro,
          naam), <code>versie</code> (bijvoorbeeld 2021-05).
        </li>
        <li>
          <code>GET /api/v1/interventions/B6</code>: één interventie met praktijkkaart (Markdown) en de
          geschiedenis van de scores.
        </li>
        <li>
          <Link href="/api/v1/openapi.json">OpenAPI-beschrijving (JSON)</Link>
        </li>
      </ul>
      <Paragraph>
        Antwoorden hebben een ETag; stuur die terug in <code>If-None-Match</code> en u krijgt 304 als er niets
        veranderde. Een onbekende filterwaarde geeft 400 met een uitleg. Onbekende scores zijn{' '}
        <code>null</code>; afgeleide waarden staan in <code>inferredFields</code>.
      </Paragraph>
    </Layout>
  );
}
