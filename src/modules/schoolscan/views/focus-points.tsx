// The focus points (aandachtspunten) of a scan: the list (with moving up and down), the page that
// shows one, the confirmation before removing one, and the short list the MR reads on the
// conclusions page. The form to add or change one is in focus-point-form.tsx.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Button, CsrfField, DataSummary, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { FocusSeverity } from '../tables.ts';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { ConclusionFocusPointRow, FocusPointRow } from '../repository/focus-points.ts';
import { focusDomainLabel } from '../services/focus-domains.ts';
import { severityTexts } from '../services/focus-points.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';

export const focusBase = (schoolId: number, schoolYearId: number) =>
  `${scanBase(schoolId)}/${schoolYearId}/aandachtspunten`;

/** 'groep 5' / 'groep 5 en 6' / 'groep 3, 4 en 5'. */
export function gradesText(list: number[]): string {
  if (list.length === 0) return '';
  if (list.length === 1) return `groep ${list[0]}`;
  return `groep ${list.slice(0, -1).join(', ')} en ${list.at(-1)}`;
}

/** A short name of a focus point for headings and button texts: 'Rekenen-wiskunde, groep 5'. */
export const focusPointName = (p: { domain: string; grades: number[] }) =>
  `${focusDomainLabel(p.domain)}, ${gradesText(p.grades)}`;

export const severityLabel = (s: FocusSeverity | string) => severityTexts[s as FocusSeverity]?.label ?? s;

export function focusCrumbs(school: SchoolRef, year: SchoolYearRow, last?: string) {
  const base = `${scanBase(school.id)}/${year.id}`;
  return scanCrumbs(school, [
    { href: base, label: year.label },
    ...(last ? [{ href: focusBase(school.id, year.id), label: 'Aandachtspunten' }, { label: last }] : []),
    ...(last ? [] : [{ label: 'Aandachtspunten' }]),
  ]);
}

/** What the keuzehulp shows beside a focus point; the keuzehulp fills it (nothing by default). */
export type KeuzehulpSlot = (point: FocusPointRow, editable: boolean) => ComponentChildren;

export function FocusPointsPage({
  ctx,
  school,
  year,
  status,
  points,
  notice,
  error,
  keuzehulp,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  /** The scan's status; undefined when the scan has not started. */
  status: 'concept' | 'afgerond' | undefined;
  points: FocusPointRow[];
  notice?: string;
  error?: string;
  keuzehulp?: KeuzehulpSlot;
}) {
  const base = focusBase(school.id, year.id);
  const editable = status !== 'afgerond';
  return (
    <Layout
      ctx={ctx}
      title={`Aandachtspunten schoolscan ${year.label} ${school.name}`}
      breadcrumbs={focusCrumbs(school, year)}
    >
      <Heading level={1}>
        Aandachtspunten <span class="npo-brand__sub">Schoolscan {year.label}</span>
      </Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {error && <Alert type="error">{error}</Alert>}
      <Paragraph lead>
        Welke aandachtspunten haalt het team uit de analyse? Noem per aandachtspunt het domein, de groepen,
        hoe ernstig het is, waarop u het baseert en wat u wilt bereiken. Het schoolprogramma bouwt hierop.
      </Paragraph>
      {!editable && (
        <Alert type="info">
          De schoolscan is afgerond; de aandachtspunten staan vast. Wilt u iets veranderen? Vraag de
          schoolleider de scan opnieuw te openen.
        </Alert>
      )}
      {editable && (
        <Paragraph>
          <Link href={`${base}/nieuw`}>Aandachtspunt toevoegen</Link> of begin vanuit de{' '}
          <Link href={`${scanBase(school.id)}/${year.id}/analyse`}>analyse</Link>: bij elke vergelijking staat
          een link "Maak hiervan een aandachtspunt".
        </Paragraph>
      )}
      {points.length === 0 ? (
        <Paragraph>Er zijn nog geen aandachtspunten.</Paragraph>
      ) : (
        <ol class="npo-focus-list npo-stack">
          {points.map((p, i) => (
            <li key={p.id} class="npo-card npo-stack" id={`aandachtspunt-${p.id}`}>
              <Heading level={2} id={`aandachtspunt-${p.id}-titel`}>
                {i + 1}. {focusPointName(p)}
              </Heading>
              <FocusPointDetails point={p} />
              {p.updated_by_name && (
                <Paragraph>
                  Laatst gewijzigd op {formatDateTime(p.updated_at)} door {p.updated_by_name}.
                </Paragraph>
              )}
              {keuzehulp && <div class="npo-focus-keuzehulp npo-stack">{keuzehulp(p, editable)}</div>}
              {editable && (
                <div>
                  <Link href={`${base}/${p.id}`}>
                    Wijzigen<span class="npo-visually-hidden">: {focusPointName(p)}</span>
                  </Link>{' '}
                  <Link href={`${base}/${p.id}/verwijderen`}>
                    Verwijderen<span class="npo-visually-hidden">: {focusPointName(p)}</span>
                  </Link>
                  {points.length > 1 && (
                    <form
                      novalidate
                      method="post"
                      action={`${base}/${p.id}/verplaatsen`}
                      class="npo-inline-form"
                    >
                      <CsrfField token={ctx.csrfToken()} />
                      {i > 0 && (
                        <Button variant="secondary" name="richting" value="omhoog">
                          Omhoog<span class="npo-visually-hidden">: {focusPointName(p)}</span>
                        </Button>
                      )}{' '}
                      {i < points.length - 1 && (
                        <Button variant="secondary" name="richting" value="omlaag">
                          Omlaag<span class="npo-visually-hidden">: {focusPointName(p)}</span>
                        </Button>
                      )}
                    </form>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <Paragraph>
        <Link href={`${scanBase(school.id)}/${year.id}`}>Terug naar de schoolscan {year.label}</Link>
      </Paragraph>
    </Layout>
  );
}

export function FocusPointDetails({ point, links = true }: { point: FocusPointRow; links?: boolean }) {
  return (
    <DataSummary
      items={[
        { key: 'Domein', value: focusDomainLabel(point.domain) },
        { key: 'Groepen', value: gradesText(point.grades) },
        { key: 'Doelgroep', value: `${formatNumber(point.pupils)} leerlingen` },
        { key: 'Hoe ernstig', value: severityLabel(point.severity) },
        {
          key: 'Onderbouwing',
          value: (
            <>
              {point.evidence && <span class="npo-diff-text">{point.evidence}</span>}
              {links && point.evidence_links.length > 0 && (
                <ul class="utrecht-unordered-list">
                  {point.evidence_links.map((l) => (
                    <li key={l.href}>
                      <Link href={l.href}>{l.label}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ),
        },
        { key: 'Doel', value: <span class="npo-diff-text">{point.goal}</span> },
      ]}
    />
  );
}

export function DeleteFocusPointPage({
  ctx,
  school,
  year,
  point,
  error,
  status,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  point: FocusPointRow;
  error?: string;
  status?: string;
}) {
  const base = focusBase(school.id, year.id);
  return (
    <Layout
      ctx={ctx}
      title={`Aandachtspunt verwijderen - schoolscan ${year.label} ${school.name}`}
      breadcrumbs={focusCrumbs(school, year, 'Verwijderen')}
    >
      <Heading level={1}>Aandachtspunt verwijderen</Heading>
      {error && <Alert type="error">{error}</Alert>}
      {status === 'afgerond' ? (
        <Alert type="info">
          De schoolscan is afgerond; dit aandachtspunt kan niet worden verwijderd. Vraag de schoolleider de
          scan opnieuw te openen.
        </Alert>
      ) : (
        <Paragraph lead>
          Weet u zeker dat u het aandachtspunt "{focusPointName(point)}" wilt verwijderen? Dit kunt u niet
          ongedaan maken.
        </Paragraph>
      )}
      <FocusPointDetails point={point} />
      {status !== 'afgerond' && (
        <form novalidate method="post" action={`${base}/${point.id}/verwijderen`} class="npo-stack">
          <CsrfField token={ctx.csrfToken()} />
          <Button variant="danger">Ja, verwijder dit aandachtspunt</Button>
        </form>
      )}
      <Paragraph>
        <Link href={base}>Nee, terug naar de aandachtspunten</Link>
      </Paragraph>
    </Layout>
  );
}

/** The focus points of a completed scan as the MR reads them (no links into the analysis). */
export function ConclusionFocusPoints({
  scanId,
  points,
}: {
  scanId: number;
  points: ConclusionFocusPointRow[];
}) {
  const own = points.filter((p) => p.scan_id === scanId);
  if (own.length === 0)
    return <Paragraph>Bij deze schoolscan zijn geen aandachtspunten vastgelegd.</Paragraph>;
  return (
    <>
      <Heading level={3}>Aandachtspunten</Heading>
      <ol class="npo-focus-list npo-stack">
        {own.map((p) => (
          <li key={p.id} class="npo-stack">
            <strong>{focusPointName(p)}</strong>
            <DataSummary
              items={[
                { key: 'Doelgroep', value: `${formatNumber(p.pupils)} leerlingen` },
                { key: 'Hoe ernstig', value: severityLabel(p.severity) },
                ...(p.evidence
                  ? [{ key: 'Onderbouwing', value: <span class="npo-diff-text">{p.evidence}</span> }]
                  : []),
                { key: 'Doel', value: <span class="npo-diff-text">{p.goal}</span> },
              ]}
            />
          </li>
        ))}
      </ol>
    </>
  );
}
