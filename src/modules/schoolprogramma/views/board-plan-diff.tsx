// What changed in a version of the board-level plan compared with the version before it.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import type { InterventionChange } from '../services/board-plan-snapshot.ts';
import { boardPlanBase, boardPlanCrumbs } from './board-plan-parts.tsx';

const kindText = {
  nieuw: 'Nieuw in deze versie',
  vervallen: 'Niet meer in deze versie',
  gewijzigd: 'Gewijzigd',
};

export function BoardPlanDiffPage({
  ctx,
  board,
  number,
  changes,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  number: number;
  changes: InterventionChange[];
}) {
  const title = `Versie ${number} vergeleken met versie ${number - 1}`;
  const base = boardPlanBase(board.id);
  return (
    <Layout
      ctx={ctx}
      title={number === 1 ? 'Versie 1: de eerste versie' : title}
      breadcrumbs={boardPlanCrumbs(board.id, `Verschil versie ${number}`)}
    >
      <Heading level={1}>{number === 1 ? 'Versie 1: de eerste versie' : title}</Heading>
      {number === 1 && <Paragraph>Er is geen eerdere versie; alles in versie 1 is nieuw.</Paragraph>}
      {changes.length === 0 && number > 1 && (
        <Paragraph>Er is niets veranderd aan de interventies.</Paragraph>
      )}
      {changes.map((c, n) => (
        <section key={n} class="npo-stack" aria-label={c.title}>
          <Heading level={2}>
            {c.title}: {kindText[c.kind].toLowerCase()}
          </Heading>
          {c.changes.length > 0 && (
            <Table
              caption={`Wijzigingen in ${c.title}`}
              rows={c.changes}
              rowKey={(x) => x.field}
              columns={[
                { header: 'Onderdeel', cell: (x) => x.field },
                { header: `Versie ${number - 1}`, cell: (x) => x.before || '(leeg)' },
                { header: `Versie ${number}`, cell: (x) => x.after || '(leeg)' },
              ]}
            />
          )}
        </section>
      ))}
      <p class="nl-paragraph">
        <Link href={`${base}/versies/${number}`}>Terug naar versie {number}</Link>
      </p>
    </Layout>
  );
}
