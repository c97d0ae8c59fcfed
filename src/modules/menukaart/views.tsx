// Public pages of the menukaart: the menu (table or cards, filters, sorting), an intervention
// with its praktijkkaart, compare, search, the scales, versions and their differences.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../ui/context.ts';
import { Layout } from '../../ui/layout.tsx';
import { Alert, Button, DataSummary, Heading, Link, Paragraph, Table } from '../../ui/components.tsx';
import { formatDate, formatCents, formatNumber } from '../../platform/i18n/i18n.ts';
import { sectorOptions, sortOptions, type InterventionDiff, type MenuFilters } from './catalogue.ts';
import { renderMarkdown } from './markdown.ts';
import { sectionHeadings } from './praktijkkaart.ts';
import {
  catalogueFile,
  checks,
  costBand,
  effectLabel,
  effectPerHundredEuro,
  euros,
  evidenceLabel,
  formatEffect,
  scales,
} from './scales.ts';
import type { Category, Intervention } from './service.ts';
import type { ItemRow, VersionRow } from './repository.ts';
import { menuText } from './messages.ts';
import { format, type Locale } from '../../platform/i18n/i18n.ts';

export const menuNav = { href: '/menukaart', label: { nl: 'Menukaart', en: 'Intervention menu' } };
const crumb = { href: '/menukaart', label: 'Menukaart' };

/** Sanitised HTML from Markdown; the only place raw HTML enters a page. */
export function Markdown({ source }: { source: string }) {
  return <div class="npo-markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}

function Derived({ locale = 'nl' }: { locale?: Locale }) {
  const t = menuText(locale);
  return (
    <abbr class="npo-derived" title={t.derivedTitle}>
      {' '}
      {t.derived}
    </abbr>
  );
}

function Unknown({ locale = 'nl' }: { locale?: Locale }) {
  return <span class="npo-unknown">{menuText(locale).unknown}</span>;
}

function effectText(months: number, locale: Locale) {
  if (locale === 'nl') return formatEffect(months);
  const t = menuText(locale);
  return `${months > 0 ? '+' : ''}${months} ${Math.abs(months) === 1 ? t.month : t.months}`;
}

export function EffectValue({
  i,
  locale = 'nl',
}: {
  i: Pick<Intervention, 'effectMonths' | 'inferredFields'>;
  locale?: Locale;
}) {
  if (i.effectMonths === null) return <Unknown locale={locale} />;
  return (
    <span>
      {effectText(i.effectMonths, locale)}
      {locale === 'nl' && <span class="npo-visually-hidden"> ({effectLabel(i.effectMonths)})</span>}
      {i.inferredFields.includes('effect') && <Derived locale={locale} />}
    </span>
  );
}

export function EvidenceValue({
  i,
  locale = 'nl',
}: {
  i: Pick<Intervention, 'evidence' | 'inferredFields'>;
  locale?: Locale;
}) {
  if (i.evidence === null) return <Unknown locale={locale} />;
  return (
    <span>
      <span aria-hidden="true">{checks(i.evidence)}</span>
      <span class="npo-visually-hidden">
        {locale === 'nl'
          ? `${i.evidence} van 5 vinkjes: ${evidenceLabel(i.evidence)}`
          : `${i.evidence} of 5 checks`}
      </span>
      {i.inferredFields.includes('evidence') && <Derived locale={locale} />}
    </span>
  );
}

export function CostValue({
  i,
  locale = 'nl',
}: {
  i: Pick<Intervention, 'cost' | 'inferredFields'>;
  locale?: Locale;
}) {
  if (i.cost === null) return <Unknown locale={locale} />;
  return (
    <span>
      <span aria-hidden="true">{euros(i.cost)}</span>
      <span class="npo-visually-hidden">
        {locale === 'nl'
          ? `${i.cost} van 5 euroteken: ${costBand(i.cost)?.label.toLowerCase()}`
          : `${i.cost} of 5 euro signs`}
      </span>
      {i.inferredFields.includes('cost') && <Derived locale={locale} />}
    </span>
  );
}

function RatingSource({ i, locale = 'nl' }: { i: Intervention; locale?: Locale }) {
  const t = menuText(locale);
  if (!i.ratedOn) return <span>{t.noScores}</span>;
  return (
    <span>
      {format(t.scoresOf, { date: formatDate(i.ratedOn, locale) })}
      {i.ratingSource && (
        <>
          {' '}
          (<Link href={i.ratingSource}>{t.sourceLink}</Link>)
        </>
      )}
    </span>
  );
}

function perEuro(i: Intervention, locale: Locale = 'nl') {
  const v = effectPerHundredEuro(i.effectMonths, i.cost);
  if (v === null) return <Unknown locale={locale} />;
  return (
    <span>
      {v.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB')}
      {(i.inferredFields.includes('cost') || i.inferredFields.includes('effect')) && (
        <Derived locale={locale} />
      )}
    </span>
  );
}

function WithdrawnBadge({ i, locale = 'nl' }: { i: Intervention; locale?: Locale }) {
  return i.withdrawn ? (
    <strong class="npo-badge npo-badge--withdrawn">{menuText(locale).withdrawn}</strong>
  ) : null;
}

function VersionNotice({
  version,
  inForce,
  locale,
}: {
  version: VersionRow;
  inForce: boolean;
  locale: Locale;
}) {
  const t = menuText(locale);
  return (
    <Paragraph>
      {inForce ? t.inForce : t.earlier}: <strong>{version.title}</strong>, {t.validFrom}{' '}
      {formatDate(version.valid_from!, locale)}. <Link href="/menukaart/versies">{t.allVersions}</Link>
    </Paragraph>
  );
}

function FilterForm({
  categories,
  filters,
  locale,
}: {
  categories: Category[];
  filters: MenuFilters;
  locale: Locale;
}) {
  const t = menuText(locale);
  const sortLabels: Record<string, string> = {
    code: t.sortCode,
    effect: t.sortEffect,
    'effect-per-euro': t.sortPerEuro,
    naam: t.sortName,
  };
  const sel = (
    name: string,
    label: string,
    value: string | undefined,
    options: { value: string; label: string }[],
  ) => (
    <div class="utrecht-form-field utrecht-form-field--select">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={`f-${name}`}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id={`f-${name}`} name={name}>
          {options.map((o) => (
            <option value={o.value} selected={o.value === (value ?? '')} key={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
  return (
    <form method="get" action="/menukaart" class="npo-filters" aria-label={t.filters}>
      {sel('categorie', t.category, filters.categorie, [
        { value: '', label: t.allCategories },
        ...categories.map((c) => ({ value: c.code, label: `${c.code}. ${c.shortName}` })),
      ])}
      {sel('sector', 'Sector', filters.sector, [
        { value: '', label: t.allSectors },
        ...sectorOptions.map((o) => ({ value: o.value, label: o.label })),
      ])}
      {sel('kosten', t.cost, filters.kosten ? String(filters.kosten) : undefined, [
        { value: '', label: t.allCosts },
        ...[1, 2, 3, 4, 5].map((n) => ({
          value: String(n),
          label: `${format(t.upTo, { symbols: euros(n) })}${locale === 'nl' ? ` (${costBand(n)?.label.toLowerCase()})` : ''}`,
        })),
      ])}
      {sel('bewijs', t.evidence, filters.bewijs ? String(filters.bewijs) : undefined, [
        { value: '', label: t.allEvidence },
        ...[1, 2, 3, 4, 5].map((n) => ({
          value: String(n),
          label: `${format(t.atLeast, { symbols: checks(n) })}${locale === 'nl' ? ` (${evidenceLabel(n)})` : ''}`,
        })),
      ])}
      {sel(
        'sortering',
        t.sortBy,
        filters.sortering,
        sortOptions.map((o) => ({ value: o.value, label: sortLabels[o.value] ?? o.label })),
      )}
      {sel('weergave', t.view, filters.weergave, [
        { value: 'tabel', label: t.table },
        { value: 'kaarten', label: t.cards },
      ])}
      <Button variant="secondary">{t.show}</Button>
    </form>
  );
}

function CompareBox({ i, locale }: { i: Intervention; locale: Locale }) {
  const t = menuText(locale);
  return (
    <label class="npo-compare-check">
      <input type="checkbox" name="code" value={i.code} form="vergelijk" />{' '}
      <span class="npo-visually-hidden">{format(t.compareName, { name: i.nameNl })}</span>
      <span aria-hidden="true">{t.compare}</span>
    </label>
  );
}

export function MenuPage({
  ctx,
  version,
  categories,
  interventions,
  total,
  filters,
  errors,
}: {
  ctx: ViewContext;
  version: VersionRow;
  categories: Category[];
  interventions: Intervention[];
  total: number;
  filters: MenuFilters;
  errors: string[];
}) {
  const catName = (code: string) => categories.find((c) => c.code === code)?.shortName ?? code;
  const L = ctx.locale;
  const t = menuText(L);
  return (
    <Layout ctx={ctx} title={t.menu} section="/menukaart" breadcrumbs={[{ label: t.menu }]}>
      <Heading level={1}>{t.menuTitle}</Heading>
      <Paragraph lead>
        {t.menuLead} <Link href="/menukaart/uitleg">{t.howToRead}</Link>.
      </Paragraph>
      <VersionNotice version={version} inForce locale={L} />
      {errors.length > 0 && (
        <Alert type="error">
          <p class="nl-paragraph">{t.filterProblems}</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}
      <form method="get" action="/menukaart/zoeken" role="search" class="npo-inline-form">
        <label class="utrecht-form-label" for="zoek-menukaart">
          {t.searchLabel}
        </label>
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          type="search"
          id="zoek-menukaart"
          name="q"
          maxLength={100}
        />
        <Button variant="secondary">{t.search}</Button>
      </form>
      <FilterForm categories={categories} filters={filters} locale={L} />
      <p class="nl-paragraph" role="status">
        {interventions.length === total
          ? format(t.count, { n: total })
          : format(t.countOf, { n: interventions.length, total })}
      </p>
      <form method="get" action="/menukaart/vergelijken" id="vergelijk" class="npo-inline-form">
        <Button variant="secondary">{t.compareChecked}</Button>
      </form>
      {filters.weergave === 'kaarten' ? (
        <ul class="npo-grid npo-menu-cards">
          {interventions.map((i) => (
            <li class="npo-card" key={i.code}>
              <Heading level={2}>
                <Link href={`/menukaart/${i.code}`}>
                  {i.code}. {i.nameNl}
                </Link>
              </Heading>
              <WithdrawnBadge i={i} locale={L} />
              <Paragraph>{i.summary}</Paragraph>
              <DataSummary
                items={[
                  { key: t.category, value: `${i.categoryCode}. ${catName(i.categoryCode)}` },
                  { key: t.effect, value: <EffectValue i={i} locale={L} /> },
                  { key: t.evidence, value: <EvidenceValue i={i} locale={L} /> },
                  { key: t.cost, value: <CostValue i={i} locale={L} /> },
                  { key: t.sectors, value: i.sectors.join(', ') },
                ]}
              />
              <CompareBox i={i} locale={L} />
            </li>
          ))}
        </ul>
      ) : (
        <Table
          caption={format(t.caption, { version: version.title.toLowerCase() })}
          rowKey={(i) => i.code}
          rows={interventions}
          columns={[
            { header: t.code, cell: (i) => i.code },
            {
              header: t.intervention,
              cell: (i) => (
                <>
                  <Link href={`/menukaart/${i.code}`}>{i.nameNl}</Link> <WithdrawnBadge i={i} locale={L} />
                </>
              ),
            },
            { header: t.category, cell: (i) => `${i.categoryCode}. ${catName(i.categoryCode)}` },
            { header: t.effect, cell: (i) => <EffectValue i={i} locale={L} />, numeric: true },
            { header: t.evidence, cell: (i) => <EvidenceValue i={i} locale={L} /> },
            { header: t.cost, cell: (i) => <CostValue i={i} locale={L} /> },
            { header: t.perEuro, cell: (i) => perEuro(i, L), numeric: true },
            { header: t.sectors, cell: (i) => i.sectors.join(', ') },
            { header: t.compare, cell: (i) => <CompareBox i={i} locale={L} /> },
          ]}
        />
      )}
      <Paragraph>
        {t.unknownNote} <Link href="/menukaart/uitleg">{t.moreScores}</Link> ·{' '}
        <Link href="/menukaart/api">{t.openData}</Link>
      </Paragraph>
    </Layout>
  );
}

export function InterventionPage({
  ctx,
  version,
  inForce,
  i,
  category,
  ratingHistory,
  versions,
  items,
}: {
  ctx: ViewContext;
  version: VersionRow;
  inForce: boolean;
  i: Intervention;
  category: Category | undefined;
  ratingHistory: {
    label: string;
    effect_months: number | null;
    evidence: number | null;
    cost: number | null;
    inferred_fields: string[];
    rated_on: string | null;
    source_url: string | null;
    basis: string | null;
  }[];
  versions: { label: string; title: string; valid_from: string | null; withdrawn: boolean }[];
  items: ItemRow[];
}) {
  const pk = i.praktijkkaart;
  const L = ctx.locale;
  const t = menuText(L);
  return (
    <Layout
      ctx={ctx}
      title={`${i.code}. ${i.nameNl}`}
      section="/menukaart"
      breadcrumbs={[{ href: '/menukaart', label: t.menu }, { label: `${i.code}. ${i.nameNl}` }]}
    >
      <Heading level={1}>
        {i.code}. {i.nameNl}
      </Heading>
      {i.withdrawn && (
        <Alert type="warning">
          <strong>Deze interventie is ingetrokken.</strong> Scholen die haar al in hun programma hadden, zien
          haar nog; nieuw kiezen kan niet meer. {i.withdrawnReason}
        </Alert>
      )}
      {!inForce && (
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
        <div class="utrecht-table-container">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">
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
        </div>
      ) : (
        <Paragraph>Kies hieronder twee of drie interventies om naast elkaar te zetten.</Paragraph>
      )}
      <form method="get" action="/menukaart/vergelijken">
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

export function ScalesPage({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout
      ctx={ctx}
      title="Zo leest u de scores"
      section="/menukaart"
      breadcrumbs={[crumb, { label: 'Uitleg van de scores' }]}
    >
      <Heading level={1}>Zo leest u de scores</Heading>
      <Paragraph lead>
        Elke interventie heeft drie scores: het verwachte effect, de sterkte van het bewijs en de kosten. Ze
        komen uit de Teaching and Learning Toolkit van de Education Endowment Foundation (EEF), vertaald door
        het NRO.
      </Paragraph>
      <section aria-labelledby="effect">
        <Heading level={2} id="effect">
          Effect: +1 tot +12 maanden
        </Heading>
        <Paragraph>
          Het effect is het aantal {scales.effect.unit}. '+5 maanden' betekent: leerlingen die de interventie
          krijgen, gaan in een jaar gemiddeld vijf maanden meer vooruit dan vergelijkbare leerlingen zonder de
          interventie. Het is een gemiddelde uit veel onderzoeken; op een school kan het effect groter of
          kleiner uitvallen.
        </Paragraph>
        <Table
          caption="Maanden extra leerwinst en de bijbehorende effectgrootte"
          rowKey={(b) => b.months}
          rows={scales.effect.bands}
          columns={[
            { header: 'Maanden', cell: (b) => formatEffect(b.months), numeric: true },
            {
              header: 'Effectgrootte',
              cell: (b) => `${b.esMin.toLocaleString('nl-NL')} tot ${b.esMax.toLocaleString('nl-NL')}`,
            },
            { header: 'Betekenis', cell: (b) => b.label },
          ]}
        />
        <Paragraph>
          Bron: <Link href={scales.effect.source}>{scales.effect.source}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="bewijs">
        <Heading level={2} id="bewijs">
          Bewijskracht: ✓ tot ✓✓✓✓✓
        </Heading>
        <Paragraph>
          Het aantal vinkjes zegt hoe zeker het effect is: hoeveel onderzoeken er zijn, hoe goed ze zijn en
          hoe goed ze met elkaar overeenkomen. De EEF toont hiervoor hangsloten. ✓✓✓ betekent redelijk bewijs.
        </Paragraph>
        <Table
          caption="Vinkjes en wat ze betekenen"
          rowKey={(r) => r[0]}
          rows={Object.entries(scales.evidence.labels)}
          columns={[
            {
              header: 'Vinkjes',
              cell: (r) => <span aria-label={`${r[0]} vinkjes`}>{checks(Number(r[0]))}</span>,
            },
            { header: 'Bewijs', cell: (r) => r[1] },
          ]}
        />
        <Paragraph>{scales.evidence.note}</Paragraph>
      </section>
      <section aria-labelledby="kosten">
        <Heading level={2} id="kosten">
          Kosten: € tot €€€€€
        </Heading>
        <Paragraph>
          De kosten zijn de {scales.cost.basis}. Daarin zitten: {scales.cost.includes.join('; ')}. €€€
          betekent gemiddelde kosten. Alleen de grens van klasse 1 is door het programma gepubliceerd; de
          grenzen van klasse 2 tot en met 5 hebben we afgeleid van de EEF-klassen en staan daarom als
          'afgeleid' in de tabel.
        </Paragraph>
        <Table
          caption="Kostenklassen in euro per leerling en per klas van 25 leerlingen, per jaar"
          rowKey={(b) => b.level}
          rows={scales.cost.bands}
          columns={[
            {
              header: 'Klasse',
              cell: (b) => <span aria-label={`${b.level} euroteken`}>{euros(b.level)}</span>,
            },
            { header: 'Omschrijving', cell: (b) => b.label },
            {
              header: 'Per leerling',
              cell: (b) =>
                b.maxPerPupilEur !== null
                  ? `tot ${formatCents(b.maxPerPupilEur * 100)}`
                  : `meer dan ${formatCents((b.minPerPupilEur ?? 0) * 100)}`,
              numeric: true,
            },
            {
              header: 'Per klas van 25',
              cell: (b) =>
                b.maxPerClassEur !== null
                  ? `tot ${formatCents(b.maxPerClassEur * 100)}`
                  : `meer dan ${formatCents((b.minPerPupilEur ?? 0) * 25 * 100)}`,
              numeric: true,
            },
            {
              header: 'Zekerheid',
              cell: (b) =>
                b.certainty === 'bevestigd' ? 'gepubliceerd' : <span>afgeleid: {b.derivation}</span>,
            },
          ]}
        />
        <Paragraph>
          Bron: <Link href={scales.cost.source}>{scales.cost.source}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="per-euro">
        <Heading level={2} id="per-euro">
          Effect per euro
        </Heading>
        <Paragraph>
          Om op 'effect per euro' te sorteren delen we het effect door het hoogste bedrag per leerling van de
          kostenklasse (bij klasse 5, die geen bovengrens heeft, door de ondergrens van {formatNumber(1380)}{' '}
          euro). We tonen het als maanden extra leerwinst per 100 euro per leerling. Het is een grove
          indicatie: het echte bedrag kan overal binnen de klasse liggen. Interventies zonder scores staan
          onderaan.
        </Paragraph>
      </section>
      <section aria-labelledby="afgeleid">
        <Heading level={2} id="afgeleid">
          Onbekend en afgeleid
        </Heading>
        <Paragraph>{catalogueFile.inferredNote}</Paragraph>
        <Paragraph>
          Interventies die het ministerie zelf aan de menukaart toevoegde (zoals directe instructie) en de
          interventies voor welbevinden hebben geen EEF-scores. Daar staat 'onbekend'. Voor welbevinden kunt u
          de bewijskracht van een concreet programma opzoeken in de Databank Effectieve Jeugdinterventies van
          het NJi.
        </Paragraph>
      </section>
      <section aria-labelledby="regels">
        <Heading level={2} id="regels">
          Regels bij de menukaart
        </Heading>
        <ul>
          {catalogueFile.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <Paragraph>{catalogueFile.about}</Paragraph>
      </section>
    </Layout>
  );
}

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
      <form method="get" action="/menukaart/zoeken" role="search" class="npo-inline-form">
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
      {categoryChanges.length > 0 && (
        <section aria-labelledby="d-cat">
          <Heading level={2} id="d-cat">
            Categorieën
          </Heading>
          <ul>
            {categoryChanges.map((c) => (
              <li key={c.code}>
                {c.code}: <del>{c.before || '(nieuw)'}</del> → <ins>{c.after}</ins>
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
                  header: 'Was',
                  cell: (c) => (
                    <del class="npo-diff-text">
                      {c.before.length > 400 ? `${c.before.slice(0, 400)}…` : c.before || '(leeg)'}
                    </del>
                  ),
                },
                {
                  header: 'Wordt',
                  cell: (c) => (
                    <ins class="npo-diff-text">
                      {c.after.length > 400 ? `${c.after.slice(0, 400)}…` : c.after || '(leeg)'}
                    </ins>
                  ),
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
          <Link href="/api/v1/menukaart/openapi.json">OpenAPI-beschrijving (JSON)</Link>
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
