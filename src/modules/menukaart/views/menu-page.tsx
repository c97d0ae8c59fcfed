// The menu page: all interventions as a table or cards, with filters, sorting and compare boxes.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, DataSummary, Heading, Link, Paragraph, Table } from '../../../ui/components.tsx';
import { sectorOptions, sortOptions, type MenuFilters } from '../services/catalogue.ts';
import { checks, costBand, euros, evidenceLabel } from '../services/scales.ts';
import type { Category, Intervention } from '../services/menu.ts';
import type { VersionRow } from '../repository/versions.ts';
import { menuText } from '../messages.ts';
import { format, type Locale } from '../../../platform/i18n/i18n.ts';
import {
  VersionNotice,
  WithdrawnBadge,
  EffectValue,
  EvidenceValue,
  CostValue,
  perEuro,
} from './menu-parts.tsx';

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
    options: { value: string; label: string; lang?: 'nl' }[],
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
            <option value={o.value} selected={o.value === (value ?? '')} key={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
  return (
    <form novalidate method="get" action="/menukaart" class="npo-filters" aria-label={t.filters}>
      {sel('categorie', t.category, filters.categorie, [
        { value: '', label: t.allCategories },
        ...categories.map((c) => ({
          value: c.code,
          label: `${c.code}. ${c.shortName}`,
          lang: 'nl' as const,
        })),
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

/** "B. Effectievere inzet …": the category names are published in Dutch only. */
function CategoryName({ i, name }: { i: Intervention; name: string | undefined }) {
  return (
    <>
      {i.categoryCode}. <span lang="nl">{name}</span>
    </>
  );
}

function CompareBox({ i, locale, compact }: { i: Intervention; locale: Locale; compact?: boolean }) {
  const t = menuText(locale);
  return (
    <label class="npo-compare-check">
      <input type="checkbox" name="code" value={i.code} form="vergelijk" />{' '}
      <span class="npo-visually-hidden">
        {t.compareName.split('{name}')[0]}
        <span lang="nl">{i.nameNl}</span>
        {t.compareName.split('{name}')[1]}
      </span>
      {!compact && <span aria-hidden="true">{t.compare}</span>}
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
  preview,
}: {
  ctx: ViewContext;
  version: VersionRow;
  categories: Category[];
  interventions: Intervention[];
  total: number;
  filters: MenuFilters;
  errors: string[];
  /**
   * The redactie's preview of a draft: a notice on top, links to the draft's intervention
   * previews, and no search, filter or compare forms (they work on the published menu).
   */
  preview?: { notice: ComponentChildren; href: (code: string) => string };
}) {
  const catName = (code: string) => categories.find((c) => c.code === code)?.shortName ?? code;
  const L = ctx.locale;
  const t = menuText(L);
  const href = preview?.href ?? ((code: string) => `/menukaart/${code}`);
  return (
    <Layout
      translated
      ctx={ctx}
      title={preview ? `Voorbeeld: ${t.menu}` : t.menu}
      section="/menukaart"
      breadcrumbs={[{ label: t.menu }]}
    >
      {preview?.notice}
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
      {!preview && (
        <form novalidate method="get" action="/menukaart/zoeken" role="search" class="npo-inline-form">
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
      )}
      {!preview && <FilterForm categories={categories} filters={filters} locale={L} />}
      <p class="nl-paragraph" role="status">
        {interventions.length === total
          ? format(t.count, { n: total })
          : format(t.countOf, { n: interventions.length, total })}
      </p>
      {!preview && (
        <form novalidate method="get" action="/menukaart/vergelijken" id="vergelijk" class="npo-inline-form">
          <Button variant="secondary">{t.compareChecked}</Button>
        </form>
      )}
      {filters.weergave === 'kaarten' ? (
        <ul class="npo-grid npo-menu-cards">
          {interventions.map((i) => (
            <li class="npo-card npo-menu-card" key={i.code}>
              <Heading level={2}>
                <Link href={href(i.code)}>
                  {i.code}. <span lang="nl">{i.nameNl}</span>
                </Link>
              </Heading>
              <WithdrawnBadge i={i} locale={L} />
              <div lang="nl">
                <Paragraph>{i.summary}</Paragraph>
              </div>
              <DataSummary
                items={[
                  { key: t.category, value: <CategoryName i={i} name={catName(i.categoryCode)} /> },
                  { key: t.effect, value: <EffectValue i={i} locale={L} /> },
                  { key: t.evidence, value: <EvidenceValue i={i} locale={L} /> },
                  { key: t.cost, value: <CostValue i={i} locale={L} /> },
                  { key: t.sectors, value: i.sectors.join(', ') },
                ]}
              />
              {!preview && <CompareBox i={i} locale={L} />}
            </li>
          ))}
        </ul>
      ) : (
        <Table
          caption={format(t.caption, { version: version.title.toLowerCase() })}
          rowKey={(i) => i.code}
          rows={interventions}
          scrollRegionId="menukaart-tabel"
          wide
          columns={[
            ...(preview
              ? []
              : [{ header: t.compare, cell: (i: Intervention) => <CompareBox i={i} locale={L} compact /> }]),
            {
              header: t.intervention,
              cell: (i) => (
                <>
                  {/* The code beside the link, so the link's name is the intervention's name. */}
                  {i.code}.{' '}
                  <Link href={href(i.code)}>
                    <span lang="nl">{i.nameNl}</span>
                  </Link>{' '}
                  <WithdrawnBadge i={i} locale={L} />
                </>
              ),
            },
            { header: t.category, cell: (i) => <CategoryName i={i} name={catName(i.categoryCode)} /> },
            { header: t.effect, cell: (i) => <EffectValue i={i} locale={L} />, numeric: true },
            { header: t.evidence, cell: (i) => <EvidenceValue i={i} locale={L} /> },
            { header: t.cost, cell: (i) => <CostValue i={i} locale={L} /> },
            { header: t.perEuro, cell: (i) => perEuro(i, L), numeric: true },
            { header: t.sectors, cell: (i) => i.sectors.join(', ') },
          ]}
        />
      )}
      <Paragraph>
        {t.unknownNote} {t.perEuroNote} <Link href="/menukaart/uitleg">{t.moreScores}</Link> ·{' '}
        <Link href="/menukaart/api">{t.openData}</Link>
      </Paragraph>
    </Layout>
  );
}
