// Small pieces shared by the menukaart pages: navigation, Markdown, score values with their labels, badges and version notices.
import { Link, Paragraph } from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { renderMarkdown } from '../services/markdown.ts';
import {
  checks,
  costBand,
  effectLabel,
  effectPerHundredEuro,
  euros,
  evidenceLabel,
  formatEffect,
} from '../services/scales.ts';
import type { Intervention } from '../services/menu.ts';
import type { VersionRow } from '../repository/versions.ts';
import { menuText } from '../messages.ts';
import { format, type Locale } from '../../../platform/i18n/i18n.ts';

export const menuNav = { href: '/menukaart', label: { nl: 'Menukaart', en: 'Intervention menu' } };
export const kennispleinNav = {
  href: '/kennisplein',
  label: { nl: 'Kennisplein', en: 'Knowledge exchange' },
};
export const crumb = { href: '/menukaart', label: 'Menukaart' };

/**
 * HTML that renderMarkdown made and sanitised when the text was saved (kennisplein items):
 * shown as stored, so a view never runs the Markdown parser. Only pass a `*_html` column.
 */
export function StoredHtml({ html }: { html: string }) {
  return <div class="npo-markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Sanitised HTML from Markdown; with StoredHtml the only places raw HTML enters a page. */
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

/** '(overgenomen uit 2021)' after a score this version carried over from an earlier one. */
export function CarriedOver({ from, locale = 'nl' }: { from: string | null | undefined; locale?: Locale }) {
  if (!from) return null;
  const t = menuText(locale);
  return (
    <span class="npo-carried-over" title={format(t.carriedOverTitle, { date: formatDate(from, locale) })}>
      {' '}
      {format(t.carriedOver, { year: from.slice(0, 4) })}
    </span>
  );
}

export function EffectValue({
  i,
  locale = 'nl',
}: {
  i: Pick<Intervention, 'effectMonths' | 'inferredFields'> & { carriedOverFrom?: string | null };
  locale?: Locale;
}) {
  if (i.effectMonths === null) return <Unknown locale={locale} />;
  return (
    <span>
      {effectText(i.effectMonths, locale)}
      {locale === 'nl' && <span class="npo-visually-hidden"> ({effectLabel(i.effectMonths)})</span>}
      {i.inferredFields.includes('effect') && <Derived locale={locale} />}
      <CarriedOver from={i.carriedOverFrom} locale={locale} />
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

export function RatingSource({ i, locale = 'nl' }: { i: Intervention; locale?: Locale }) {
  const t = menuText(locale);
  if (!i.ratedOn) return <span>{t.noScores}</span>;
  return (
    <span>
      {format(t.scoresOf, { date: formatDate(i.ratedOn, locale) })}
      <CarriedOver from={i.carriedOverFrom} locale={locale} />
      {i.ratingSource && (
        <>
          {' '}
          (<Link href={i.ratingSource}>{t.sourceLink}</Link>)
        </>
      )}
    </span>
  );
}

/** Effect per €100, marked as the platform's own calculation (not a published figure). */
export function perEuro(i: Intervention, locale: Locale = 'nl') {
  const v = effectPerHundredEuro(i.effectMonths, i.cost);
  if (v === null) return <Unknown locale={locale} />;
  const t = menuText(locale);
  return (
    <span>
      {v.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB')}{' '}
      <abbr class="npo-derived" title={t.ownCalculationTitle}>
        {t.ownCalculation}
      </abbr>
      {(i.inferredFields.includes('cost') || i.inferredFields.includes('effect')) && (
        <Derived locale={locale} />
      )}
    </span>
  );
}

export function WithdrawnBadge({ i, locale = 'nl' }: { i: Intervention; locale?: Locale }) {
  return i.withdrawn ? (
    <strong class="npo-badge npo-badge--withdrawn">{menuText(locale).withdrawn}</strong>
  ) : null;
}

export function VersionNotice({
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
