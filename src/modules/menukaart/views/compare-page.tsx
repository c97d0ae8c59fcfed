// Comparing up to a few interventions side by side.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, Heading, Link, Paragraph, TableScroll } from '../../../ui/components.tsx';
import type { Intervention } from '../services/menu.ts';
import { EffectValue, EvidenceValue, CostValue, perEuro, RatingSource, crumb } from './menu-parts.tsx';

export function ComparePage({
  ctx,
  chosen,
  all,
  tooMany,
  unknown,
}: {
  ctx: ViewContext;
  chosen: Intervention[];
  all: Intervention[];
  tooMany: boolean;
  unknown: string[];
}) {
  const rows: { label: string; cell: (i: Intervention) => ComponentChildren }[] = [
    { label: 'Categorie', cell: (i) => i.categoryCode },
    { label: 'Effect', cell: (i) => <EffectValue i={i} /> },
    { label: 'Bewijskracht', cell: (i) => <EvidenceValue i={i} /> },
    { label: 'Kosten', cell: (i) => <CostValue i={i} /> },
    { label: 'Effect per €100 per leerling', cell: (i) => perEuro(i) },
    { label: 'Sectoren', cell: (i) => i.sectors.join(', ') },
    { label: 'Bron en datum', cell: (i) => <RatingSource i={i} /> },
    { label: 'Wat het is', cell: (i) => i.summary },
    { label: 'Status', cell: (i) => (i.withdrawn ? 'Ingetrokken' : 'Op de menukaart') },
  ];
  return (
    <Layout
      ctx={ctx}
      title="Interventies vergelijken"
      section="/menukaart"
      breadcrumbs={[crumb, { label: 'Vergelijken' }]}
    >
      <Heading level={1}>Interventies vergelijken</Heading>
      {tooMany && (
        <Alert type="warning">
          U kunt hoogstens drie interventies tegelijk vergelijken. We tonen de eerste drie die u koos.
        </Alert>
      )}
      {unknown.length > 0 && (
        <Alert type="warning">Deze codes staan niet op de menukaart: {unknown.join(', ')}.</Alert>
      )}
      {chosen.length > 0 ? (
        <TableScroll captionId="vergelijking-titel">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption" id="vergelijking-titel">
              Vergelijking van {chosen.map((i) => i.code).join(', ')}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <td class="utrecht-table__header-cell"></td>
                {chosen.map((i) => (
                  <th scope="col" class="utrecht-table__header-cell" key={i.code}>
                    <Link href={`/menukaart/${i.code}`}>
                      {i.code}. {i.nameNl}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {rows.map((r) => (
                <tr class="utrecht-table__row" key={r.label}>
                  <th scope="row" class="utrecht-table__header-cell">
                    {r.label}
                  </th>
                  {chosen.map((i) => (
                    <td class="utrecht-table__cell" key={i.code}>
                      {r.cell(i)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <Paragraph>Kies hieronder twee of drie interventies om naast elkaar te zetten.</Paragraph>
      )}
      <form novalidate method="get" action="/menukaart/vergelijken">
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">Kies hoogstens drie interventies</legend>
          <ul class="npo-checklist">
            {all.map((i) => (
              <li key={i.code}>
                <input
                  type="checkbox"
                  id={`v-${i.code}`}
                  name="code"
                  value={i.code}
                  checked={chosen.some((c) => c.code === i.code)}
                />{' '}
                <label for={`v-${i.code}`}>
                  {i.code}. {i.nameNl}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <Button>Vergelijk</Button>
      </form>
    </Layout>
  );
}
