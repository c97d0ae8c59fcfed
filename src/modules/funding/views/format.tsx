// Small pieces the funding pages share: status texts, money cells, the year chooser.
import { Button, SelectField } from '../../../ui/components.tsx';
import { format, formatCents, type Locale } from '../../../platform/i18n/i18n.ts';
import { fundingText, type FundingText } from '../messages.ts';
import { schoolTypeLabel } from '../services/compute.ts';
import type { AllocationRow } from '../repository/allocations.ts';
import type { FundingYear } from '../repository/years.ts';

export const rateStatusText: Record<string, string> = {
  definitief: 'Definitief',
  voorlopig: 'Voorlopig',
  onbekend: 'Onbekend',
};

export const yearStatusText: Record<string, string> = {
  definitief: 'Definitief',
  voorlopig: 'Voorlopig',
  'geen-toekenning': 'Geen nieuwe toekenning',
};

/** The text for a status code, or the code itself when there is none. */
function textFor(texts: Record<string, string>, s: string) {
  return texts[s] ?? s;
}
export function allocationStatus(t: FundingText, s: string) {
  return textFor({ volledig: t.statusFull, onvolledig: t.statusPartial, onbekend: t.statusUnknown }, s);
}
/** The word for a line's or a part's status (exact, geschat, onbekend, geen). */
export function lineStatus(t: FundingText, s: string | null | undefined) {
  return textFor(
    { exact: t.lineExact, geschat: t.lineEstimated, onbekend: t.lineUnknown, geen: t.partNone },
    s ?? 'onbekend',
  );
}
/** "basisbedrag exact, toeslag geschat": the status of each part of an allocation. */
export function partSummary(
  t: FundingText,
  a: Pick<AllocationRow, 'baseStatus' | 'supplementStatus' | 'status'>,
) {
  // Rows of runs made before lines had a status: only the school's status is known.
  if (!a.baseStatus) return allocationStatus(t, a.status).toLowerCase();
  return a.supplementStatus === 'geen' || !a.supplementStatus
    ? format(t.partSummaryNoSupplement, { base: lineStatus(t, a.baseStatus) })
    : format(t.partSummary, {
        base: lineStatus(t, a.baseStatus),
        supplement: lineStatus(t, a.supplementStatus),
      });
}
export function yearStatus(t: FundingText, s: string) {
  return textFor(
    { definitief: t.yearDefinitive, voorlopig: t.yearProvisional, 'geen-toekenning': t.yearNone },
    s,
  );
}
export function rateStatus(t: FundingText, s: string) {
  return textFor({ definitief: t.yearDefinitive, voorlopig: t.yearProvisional, onbekend: t.rateUnknown }, s);
}

export function Money({ cents, locale = 'nl' }: { cents: number | null | undefined; locale?: Locale }) {
  return cents === null || cents === undefined ? (
    <span>{fundingText(locale).unknown}</span>
  ) : (
    <span>{formatCents(cents, locale)}</span>
  );
}

export const sectorText = (s: string | null) => (s ? (schoolTypeLabel[s] ?? s) : '');

export function allocationCell(a: AllocationRow | undefined, locale: Locale = 'nl') {
  const t = fundingText(locale);
  if (!a) return <span>{t.noAmount}</span>;
  return (
    <span>
      {a.totalCents === null ? t.unknown : formatCents(a.totalCents, locale)}
      <span class="npo-line-note">{partSummary(t, a)}</span>
    </span>
  );
}

export function byRun(allocs: AllocationRow[]) {
  const m = new Map<string, AllocationRow>();
  for (const a of allocs) m.set(`${a.runId}|${a.schoolId}`, a);
  return m;
}

export const starNote = fundingText('nl').star;
export function diffText(before: number | null, after: number | null) {
  if (before === after) return 'geen';
  if (before === null || after === null) return after === null ? 'nu onbekend' : 'nieuw';
  const d = after - before;
  return `${d > 0 ? '+' : ''}${formatCents(d)}`;
}

export function YearChooser({
  action,
  years,
  selected,
  locale = 'nl',
}: {
  action: string;
  years: FundingYear[];
  selected?: string;
  locale?: Locale;
}) {
  if (years.length < 2) return null;
  const t = fundingText(locale);
  return (
    <form novalidate method="get" action={action} class="npo-year-chooser">
      <SelectField
        name="schooljaar"
        label={t.colYear}
        form={{ values: { schooljaar: selected }, errors: {} }}
        options={years.map((y) => ({ value: y.label, label: y.label }))}
      />
      <Button variant="secondary">{t.chooseYear}</Button>
    </form>
  );
}
