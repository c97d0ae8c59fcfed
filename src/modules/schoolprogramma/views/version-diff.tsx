// What changed from the previous version, per section: texts with the words added and removed
// marked (<ins>/<del>, with the change also in words for screen readers), amounts old → new.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatCents } from '../../../platform/i18n/i18n.ts';
import type { AmountChange, DiffPart, ItemChange, PlanDiff } from '../services/diff.ts';
import { planBase } from './base.ts';
import { consentCrumbs, type SchoolRef } from './snapshot-view.tsx';

function Marked({ parts }: { parts: DiffPart[] }) {
  if (!parts.length) return <>–</>;
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i}>
            <span class="npo-visually-hidden">[toegevoegd: </span>
            {p.text}
            <span class="npo-visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span class="npo-visually-hidden">[verwijderd: </span>
            {p.text}
            <span class="npo-visually-hidden">]</span>
          </del>
        ),
      )}
    </>
  );
}

const statusText: Record<ItemChange['status'], string> = {
  toegevoegd: 'nieuw',
  verwijderd: 'verwijderd',
  gewijzigd: 'gewijzigd',
};

function Items({ id, title, items, none }: { id: string; title: string; items: ItemChange[]; none: string }) {
  return (
    <section aria-labelledby={id} class="npo-stack">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{none}</Paragraph>
      ) : (
        items.map((item) => (
          <div class="npo-card npo-stack" key={`${item.status}-${item.id}`}>
            <Heading level={3}>
              {item.title} ({statusText[item.status]})
            </Heading>
            <dl class="rhc-data-summary rhc-data-summary--row">
              {item.fields.map((f) => (
                <div class="rhc-data-summary__item" key={f.label}>
                  <dt class="rhc-data-summary__item-key">{f.label}</dt>
                  <dd class="rhc-data-summary__item-value">
                    <Marked parts={f.parts} />
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))
      )}
    </section>
  );
}

const money = (c: number | null) => (c === null ? '–' : formatCents(c));

function Amounts({ caption, rows }: { caption: string; rows: AmountChange[] }) {
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(r) => r.label}
      columns={[
        { header: 'Regel', cell: (r) => r.label },
        { header: 'Was', numeric: true, cell: (r) => money(r.beforeCents) },
        { header: 'Wordt', numeric: true, cell: (r) => money(r.afterCents) },
        {
          header: 'Verschil',
          numeric: true,
          cell: (r) => {
            const d = (r.afterCents ?? 0) - (r.beforeCents ?? 0);
            return `${d > 0 ? '+' : d < 0 ? '−' : ''}${formatCents(Math.abs(d))}`;
          },
        },
      ]}
    />
  );
}

export function VersionDiffPage({
  ctx,
  school,
  number,
  diff,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  number: number;
  diff: PlanDiff;
}) {
  const versions = `${planBase(school.id)}/versies`;
  const title =
    number === 1 ? 'Versie 1: alles is nieuw' : `Verschil tussen versie ${number - 1} en versie ${number}`;
  return (
    <Layout
      ctx={ctx}
      title={`${title} – ${school.name}`}
      breadcrumbs={consentCrumbs(school, [
        { href: versions, label: 'Versies' },
        { href: `${versions}/${number}`, label: `Versie ${number}` },
        { label: 'Verschil' },
      ])}
    >
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        Toegevoegde woorden zijn onderstreept, verwijderde woorden doorgestreept. Bedragen staan als oud en
        nieuw naast elkaar. <Link href={`${versions}/${number}`}>De volledige versie {number} lezen</Link>
      </Paragraph>
      {diff.same && <Paragraph>De inhoud van deze versie is gelijk aan die van de vorige.</Paragraph>}
      <section aria-labelledby="inleiding" class="npo-stack">
        <Heading level={2} id="inleiding">
          Inleiding
        </Heading>
        <Paragraph>{diff.intro ? <Marked parts={diff.intro.parts} /> : 'Niet gewijzigd.'}</Paragraph>
      </section>
      <Items id="doelen" title="Doelen" items={diff.goals} none="Geen doelen gewijzigd." />
      <Items
        id="interventies"
        title="Interventies"
        items={diff.interventions}
        none="Geen interventies gewijzigd."
      />
      <section aria-labelledby="begroting" class="npo-stack">
        <Heading level={2} id="begroting">
          Begroting
        </Heading>
        {diff.budget.length === 0 ? (
          <Paragraph>Geen bedragen gewijzigd.</Paragraph>
        ) : (
          <>
            <Amounts
              caption="Gewijzigde geplande bedragen per interventie, schooljaar en kostensoort"
              rows={diff.budget}
            />
            <Amounts caption="Gewijzigde totalen" rows={diff.totals} />
          </>
        )}
      </section>
    </Layout>
  );
}
