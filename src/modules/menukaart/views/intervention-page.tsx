// One intervention: its scores, praktijkkaart, rating history, versions and kennisplein items.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, DataSummary, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { sectionHeadings } from '../services/praktijkkaart.ts';
import type { Category, Intervention } from '../services/menu.ts';
import type { ItemRow } from '../repository/kennisplein.ts';
import type { RatingValues } from '../repository/entries.ts';
import type { VersionRow } from '../repository/versions.ts';
import { menuText } from '../messages.ts';
import { EffectValue, EvidenceValue, CostValue, perEuro, RatingSource, Markdown } from './menu-parts.tsx';

export function InterventionPage({
  ctx,
  version,
  inForce,
  i,
  category,
  ratingHistory,
  versions,
  items,
  preview,
}: {
  ctx: ViewContext;
  version: VersionRow;
  inForce: boolean;
  /** The redactie's preview of the draft's page: this notice on top, no "earlier version" note. */
  preview?: ComponentChildren;
  i: Intervention;
  category: Category | undefined;
  ratingHistory: RatingValues[];
  versions: { label: string; title: string; valid_from: string | null; withdrawn: boolean }[];
  items: ItemRow[];
}) {
  const pk = i.praktijkkaart;
  // Most of this page (the praktijkkaart, notes, history) exists in Dutch only, so all of it is
  // Dutch: Layout marks it lang="nl" and says so when English is chosen.
  const L = 'nl' as const;
  const t = menuText(L);
  return (
    <Layout
      ctx={ctx}
      title={preview ? `Voorbeeld: ${i.code}. ${i.nameNl}` : `${i.code}. ${i.nameNl}`}
      section="/menukaart"
      breadcrumbs={[{ href: '/menukaart', label: t.menu }, { label: `${i.code}. ${i.nameNl}` }]}
    >
      {preview}
      <Heading level={1}>
        {i.code}. {i.nameNl}
      </Heading>
      {i.withdrawn && (
        <Alert type="warning">
          <strong>Deze interventie is ingetrokken.</strong> Scholen die haar al in hun programma hadden, zien
          haar nog; nieuw kiezen kan niet meer. {i.withdrawnReason}
        </Alert>
      )}
      {!inForce && !preview && (
        <Alert type="info">
          U bekijkt de {version.title.toLowerCase()}.{' '}
          <Link href={`/menukaart/${i.code}`}>Bekijk de versie die nu geldt</Link>.
        </Alert>
      )}
      <Paragraph lead>{i.summary}</Paragraph>
      <DataSummary
        items={[
          { key: t.category, value: category ? `${category.code}. ${category.name}` : i.categoryCode },
          { key: t.effect, value: <EffectValue i={i} locale={L} /> },
          { key: t.evidence, value: <EvidenceValue i={i} locale={L} /> },
          { key: t.cost, value: <CostValue i={i} locale={L} /> },
          { key: t.perEuro, value: perEuro(i, L) },
          { key: t.sectors, value: i.sectors.join(', ') },
          { key: t.source, value: i.source },
          { key: t.scores, value: <RatingSource i={i} locale={L} /> },
          ...(i.nameEn ? [{ key: 'Naam in de EEF-toolkit', value: <span lang="en">{i.nameEn}</span> }] : []),
          ...(i.addedNote ? [{ key: 'Op de menukaart', value: i.addedNote }] : []),
        ]}
      />
      {category?.supportOnly && (
        <Alert type="info">
          Interventies uit categorie {category.code} mogen alleen worden ingezet ter ondersteuning van een
          interventie uit A tot en met E.
        </Alert>
      )}
      {i.notes && (
        <Paragraph>
          <strong>Toelichting bij de gegevens:</strong> {i.notes}
        </Paragraph>
      )}
      {i.subtypes.length > 0 && (
        <section aria-labelledby="soorten">
          <Heading level={2} id="soorten">
            Veelgebruikte soorten
          </Heading>
          <ul>
            {i.subtypes.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="praktijkkaart">
        <Heading level={2} id="praktijkkaart">
          Praktijkkaart
        </Heading>
        {pk ? (
          sectionHeadings.map(({ key, heading }) => (
            <section key={key} aria-labelledby={`pk-${key}`}>
              <Heading level={3} id={`pk-${key}`}>
                {heading}
              </Heading>
              <Markdown source={pk[key]} />
            </section>
          ))
        ) : (
          <Paragraph>Voor deze interventie is de praktijkkaart nog niet geladen.</Paragraph>
        )}
      </section>
      <section aria-labelledby="voorbeelden">
        <Heading level={2} id="voorbeelden">
          Uit het kennisplein
        </Heading>
        {items.length ? (
          <ul>
            {items.map((it) => (
              <li key={it.id}>
                <Link href={`/kennisplein/${it.id}`}>{it.title}</Link> (
                {it.kind === 'onderzoek' ? 'onderzoek' : `voorbeeld van een ${it.school_type.toLowerCase()}`})
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>
            Er zijn nog geen voorbeelden of onderzoekssamenvattingen bij deze interventie. Heeft uw school
            ervaring? <Link href="/kennisplein">Deel die op het kennisplein</Link>.
          </Paragraph>
        )}
      </section>
      <section aria-labelledby="geschiedenis">
        <Heading level={2} id="geschiedenis">
          Geschiedenis van de scores
        </Heading>
        {ratingHistory.length ? (
          <Table
            caption={`Gepubliceerde scores van ${i.nameNl}`}
            rowKey={(r) => r.label}
            rows={ratingHistory}
            columns={[
              { header: 'Versie', cell: (r) => r.label },
              { header: 'Datum', cell: (r) => (r.rated_on ? formatDate(r.rated_on) : 'onbekend') },
              {
                header: 'Effect',
                cell: (r) => (
                  <EffectValue i={{ effectMonths: r.effect_months, inferredFields: r.inferred_fields }} />
                ),
              },
              {
                header: 'Bewijskracht',
                cell: (r) => (
                  <EvidenceValue i={{ evidence: r.evidence, inferredFields: r.inferred_fields }} />
                ),
              },
              {
                header: 'Kosten',
                cell: (r) => <CostValue i={{ cost: r.cost, inferredFields: r.inferred_fields }} />,
              },
              {
                header: 'Bron',
                cell: (r) =>
                  r.source_url ? (
                    <Link href={r.source_url}>{r.basis ?? 'bron'}</Link>
                  ) : (
                    (r.basis ?? 'onbekend')
                  ),
              },
            ]}
          />
        ) : (
          <Paragraph>Voor deze interventie zijn nooit scores gepubliceerd.</Paragraph>
        )}
        <Paragraph>
          Op de menukaart in:{' '}
          {versions.map((v, n) => (
            <span key={v.label}>
              {n > 0 && ', '}
              <Link href={`/menukaart/${i.code}?versie=${v.label}`}>{v.title}</Link>
              {v.withdrawn && ' (ingetrokken)'}
            </span>
          ))}
          .
        </Paragraph>
      </section>
      <Paragraph>
        <Link href={`/menukaart/vergelijken?code=${i.code}`}>Vergelijk met andere interventies</Link> ·{' '}
        <Link href="/menukaart">Terug naar de menukaart</Link>
      </Paragraph>
    </Layout>
  );
}
