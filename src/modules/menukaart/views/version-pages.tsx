// The published menu versions and the differences between two of them.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { type InterventionDiff } from '../services/catalogue.ts';
import type { VersionRow } from '../repository/versions.ts';
import { crumb } from './menu-parts.tsx';
import { MarkedText } from './marked-text.tsx';

export function VersionsPage({
  ctx,
  versions,
  inForceId,
}: {
  ctx: ViewContext;
  versions: VersionRow[];
  inForceId: number;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Versies van de menukaart"
      section="/menukaart"
      breadcrumbs={[crumb, { label: 'Versies' }]}
    >
      <Heading level={1}>Versies van de menukaart</Heading>
      <Paragraph>
        De menukaart verandert als er nieuw onderzoek is of als interventies worden toegevoegd of ingetrokken.
        Elke versie blijft hier te zien, met wat er veranderde.
      </Paragraph>
      <Table
        caption="Gepubliceerde versies, nieuwste eerst"
        rowKey={(v) => v.id}
        rows={versions}
        columns={[
          {
            header: 'Versie',
            cell: (v) => (
              <>
                {v.title}
                {v.id === inForceId && <strong> (geldt nu)</strong>}
              </>
            ),
          },
          { header: 'Geldig vanaf', cell: (v) => formatDate(v.valid_from!) },
          { header: 'Wat veranderde', cell: (v) => v.note },
          {
            header: 'Basis',
            cell: (v) => (v.source_url ? <Link href={v.source_url}>{v.basis || 'bron'}</Link> : v.basis),
          },
          {
            header: 'Verschil',
            cell: (v) => {
              const prev = versions.find((x) => x.id === v.based_on);
              return prev ? (
                <Link href={`/menukaart/verschil?van=${prev.label}&naar=${v.label}`}>
                  Verschil met {prev.title}
                </Link>
              ) : (
                '—'
              );
            },
          },
        ]}
      />
    </Layout>
  );
}

export function DiffList({
  changes,
  categoryChanges,
}: {
  changes: InterventionDiff[];
  categoryChanges: { code: string; before: string; after: string }[];
}) {
  if (changes.length === 0 && categoryChanges.length === 0)
    return <Paragraph>Er zijn geen verschillen.</Paragraph>;
  return (
    <>
      <Paragraph>
        Per onderdeel staat de hele tekst. Doorgestreepte woorden vervallen, onderstreepte woorden zijn nieuw.
      </Paragraph>
      {categoryChanges.length > 0 && (
        <section aria-labelledby="d-cat">
          <Heading level={2} id="d-cat">
            Categorieën
          </Heading>
          <ul>
            {categoryChanges.map((c) => (
              <li key={c.code}>
                {c.code}:{' '}
                {c.before ? <MarkedText before={c.before} after={c.after} /> : <>(nieuw) {c.after}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.map((d) => (
        <section key={d.code} aria-labelledby={`d-${d.code}`}>
          <Heading level={2} id={`d-${d.code}`}>
            {d.code}. {d.name}: {d.kind}
          </Heading>
          {d.changes.length > 0 && (
            <Table
              caption={`Wijzigingen in ${d.code}`}
              rowKey={(c) => c.field}
              rows={d.changes}
              columns={[
                { header: 'Onderdeel', cell: (c) => c.label },
                {
                  // The whole text, with the words removed and added marked: never shortened.
                  header: 'Wijziging',
                  cell: (c) => <MarkedText before={c.before} after={c.after} />,
                },
              ]}
            />
          )}
        </section>
      ))}
    </>
  );
}

export function VersionDiffPage({
  ctx,
  from,
  to,
  diff,
}: {
  ctx: ViewContext;
  from: VersionRow;
  to: VersionRow;
  diff: Parameters<typeof DiffList>[0];
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Verschil ${from.label} en ${to.label}`}
      section="/menukaart"
      breadcrumbs={[crumb, { href: '/menukaart/versies', label: 'Versies' }, { label: 'Verschil' }]}
    >
      <Heading level={1}>
        Wat veranderde van {from.title} naar {to.title}
      </Heading>
      <DiffList {...diff} />
    </Layout>
  );
}
