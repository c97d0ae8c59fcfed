// The focus points (aandachtspunten) of a scan: the list (with moving up and down), the form to
// add or change one (domain, groups, target group, seriousness, evidence with links into the
// analysis, goal), the confirmation before removing one, and the short list the MR reads on
// the conclusions page.
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  DataSummary,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { FocusLink, FocusSeverity } from '../tables.ts';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { ConclusionFocusPointRow, FocusPointRow } from '../repository/focus-points.ts';
import { focusDomainLabel, focusDomains } from '../services/focus-domains.ts';
import {
  grades,
  maxEvidenceLength,
  maxGoalLength,
  maxPupils,
  severities,
  severityTexts,
  type FocusPointErrors,
  type FocusPointForm,
} from '../services/focus-points.ts';
import { scanBase, scanCrumbs, type SchoolRef } from './scan.tsx';
import { yearLabel } from './format.ts';

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

function focusCrumbs(school: SchoolRef, year: SchoolYearRow, last?: string) {
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

function FocusPointDetails({ point, links = true }: { point: FocusPointRow; links?: boolean }) {
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

export interface FocusFormState {
  values: FocusPointForm;
  errors: FocusPointErrors;
  version: number;
  /** The saved focus point when someone else changed it while this writer was busy. */
  theirs?: FocusPointRow;
  idempotencyKey?: string;
}

export const emptyFocusForm = (): FocusFormState => ({
  values: { domein: '', groepen: [], leerlingen: '', ernst: '', onderbouwing: '', links: [], doel: '' },
  errors: {},
  version: 0,
});

export function FocusPointFormPage({
  ctx,
  school,
  year,
  pointId,
  form,
  offered,
  pupilsPerGrade,
  readOnly,
  saved,
  error,
}: {
  ctx: ViewContext;
  school: SchoolRef;
  year: SchoolYearRow;
  /** The focus point being changed; undefined for a new one. */
  pointId?: number;
  form: FocusFormState;
  /** Comparisons of the analysis the school may link (of the chosen domain and groups). */
  offered: FocusLink[];
  /** Pupils per group in the newest school year of the LVS data. */
  pupilsPerGrade: { yearStart: number; grade: number; pupils: number }[];
  /** The scan is completed: show the saved focus point, no form. */
  readOnly?: FocusPointRow;
  saved?: FocusPointRow;
  /** Why the post was not saved, beside the field errors (e.g. the scan was completed meanwhile). */
  error?: string;
}) {
  const base = focusBase(school.id, year.id);
  const title = readOnly
    ? focusPointName(readOnly)
    : pointId
      ? 'Aandachtspunt wijzigen'
      : 'Aandachtspunt toevoegen';
  const v = form.values;
  const flat = { values: { ...v, groepen: undefined, links: undefined }, errors: form.errors };
  const chosenLinks = new Set(v.links);
  // Links the writer chose that are not offered now (another domain or group) stay on the form.
  const linkOptions = [
    ...offered,
    ...v.links.filter((h) => !offered.some((o) => o.href === h)).map((h) => ({ href: h, label: h })),
  ];
  const savedLinks = saved?.evidence_links ?? [];
  for (const l of savedLinks)
    if (!linkOptions.some((o) => o.href === l.href)) linkOptions.push({ href: l.href, label: l.label });
  const fixLabel = (o: FocusLink) => savedLinks.find((l) => l.href === o.href)?.label ?? o.label;
  const dataYear = pupilsPerGrade[0]?.yearStart;
  return (
    <Layout
      ctx={ctx}
      title={`${title} - schoolscan ${year.label} ${school.name}`}
      breadcrumbs={focusCrumbs(school, year, pointId || readOnly ? 'Aandachtspunt' : 'Toevoegen')}
    >
      <Heading level={1}>{title}</Heading>
      {error && <Alert type="error">{error}</Alert>}
      {readOnly ? (
        <>
          <Alert type="info">
            De schoolscan is afgerond; dit aandachtspunt staat vast. Vraag de schoolleider de scan opnieuw te
            openen als u het wilt veranderen.
          </Alert>
          <FocusPointDetails point={readOnly} />
        </>
      ) : (
        <form method="post" action={pointId ? `${base}/${pointId}` : base} class="npo-stack" novalidate>
          <CsrfField token={ctx.csrfToken()} />
          {!pointId && <IdempotencyField value={form.idempotencyKey} />}
          <input type="hidden" name="versie" value={String(form.version)} />
          <ErrorSummary
            form={flat as unknown as { values: Record<string, string>; errors: Record<string, string> }}
            title="Het aandachtspunt is niet opgeslagen. Verbeter het volgende:"
          />
          {form.theirs && (
            <div class="npo-card npo-stack">
              <Heading level={2}>Wat intussen is opgeslagen</Heading>
              <Paragraph>
                Iemand anders{form.theirs.updated_by_name ? ` (${form.theirs.updated_by_name})` : ''} heeft
                dit aandachtspunt opgeslagen terwijl u het wijzigde. Uw invoer staat hieronder in het
                formulier. Neem over wat u wilt houden en sla opnieuw op.
              </Paragraph>
              <FocusPointDetails point={form.theirs} links={false} />
            </div>
          )}
          <SelectField
            name="domein"
            label="Domein"
            description="Waar gaat dit aandachtspunt over?"
            form={flat as never}
            options={[
              { value: '', label: 'Kies een domein' },
              ...focusDomains.map((d) => ({ value: d.code, label: d.label })),
            ]}
          />
          <fieldset
            class="utrecht-form-fieldset"
            id="groepen"
            aria-describedby={form.errors.groepen ? 'groepen-fout' : undefined}
          >
            <legend class="utrecht-form-fieldset__legend">Groepen</legend>
            {form.errors.groepen && (
              <div class="utrecht-form-field-error-message" id="groepen-fout">
                {form.errors.groepen}
              </div>
            )}
            <div>
              {grades.map((g) => (
                <span key={g} class="npo-checkbox">
                  <input
                    type="checkbox"
                    id={`groep-${g}`}
                    name="groepen"
                    value={String(g)}
                    checked={v.groepen.includes(String(g))}
                  />{' '}
                  <label for={`groep-${g}`}>Groep {g}</label>
                </span>
              ))}
            </div>
          </fieldset>
          <TextField
            name="leerlingen"
            label="Aantal leerlingen in de doelgroep"
            inputMode="numeric"
            maxLength={6}
            description={
              pupilsPerGrade.length && dataYear !== undefined
                ? `Hoeveel leerlingen gaat het om (1 tot en met ${formatNumber(maxPupils)})? In de toetsgegevens van ${yearLabel(dataYear)}: ${pupilsPerGrade.map((p) => `groep ${p.grade} ${formatNumber(p.pupils)}`).join(', ')} leerlingen. Gaat het om een deel van de groep, vul dan dat aantal in.`
                : `Hoeveel leerlingen gaat het om (1 tot en met ${formatNumber(maxPupils)})?`
            }
            form={flat as never}
          />
          <fieldset
            class="utrecht-form-fieldset"
            id="ernst"
            aria-describedby={form.errors.ernst ? 'ernst-fout' : undefined}
          >
            <legend class="utrecht-form-fieldset__legend">Hoe ernstig is het?</legend>
            {form.errors.ernst && (
              <div class="utrecht-form-field-error-message" id="ernst-fout">
                {form.errors.ernst}
              </div>
            )}
            {severities.map((s) => (
              <div key={s} class="npo-radio">
                <input
                  type="radio"
                  id={`ernst-${s}`}
                  name="ernst"
                  value={s}
                  checked={v.ernst === s}
                  aria-describedby={`ernst-${s}-uitleg`}
                />{' '}
                <label for={`ernst-${s}`}>{severityTexts[s].label}</label>
                <div class="utrecht-form-field-description" id={`ernst-${s}-uitleg`}>
                  {severityTexts[s].explanation}
                </div>
              </div>
            ))}
          </fieldset>
          <TextArea
            name="onderbouwing"
            label="Onderbouwing"
            description="Waarop baseert het team dit aandachtspunt? Denk aan de analyse, observaties in de klas en gesprekken met leerlingen en ouders."
            rows={6}
            maxLength={maxEvidenceLength}
            form={flat as never}
          />
          <fieldset
            class="utrecht-form-fieldset"
            id="links"
            aria-describedby={form.errors.links ? 'links-fout' : 'links-omschrijving'}
          >
            <legend class="utrecht-form-fieldset__legend">Vergelijkingen uit de analyse</legend>
            <div class="utrecht-form-field-description" id="links-omschrijving">
              {linkOptions.length
                ? 'Kies de vergelijkingen die dit aandachtspunt onderbouwen. Ze worden een link naar de analyse.'
                : 'Er zijn geen vergelijkingen bij dit domein en deze groepen. Kiest u een vakgebied uit de toetsen en een groep en slaat u op, dan kunt u bij wijzigen vergelijkingen kiezen.'}
            </div>
            {form.errors.links && (
              <div class="utrecht-form-field-error-message" id="links-fout">
                {form.errors.links}
              </div>
            )}
            {linkOptions.map((o, i) => (
              <div key={o.href} class="npo-checkbox">
                <input
                  type="checkbox"
                  id={`link-${i}`}
                  name="links"
                  value={o.href}
                  checked={chosenLinks.has(o.href)}
                />{' '}
                <label for={`link-${i}`}>{fixLabel(o)}</label>
              </div>
            ))}
          </fieldset>
          <TextArea
            name="doel"
            label="Wat wil de school bereiken?"
            description="Beschrijf het doel zo dat u later kunt nagaan of het bereikt is, bijvoorbeeld: aan het eind van het schooljaar scoort groep 6 bij rekenen weer zoals eerdere jaargangen."
            rows={4}
            maxLength={maxGoalLength}
            form={flat as never}
          />
          <Button>{pointId ? 'Aandachtspunt opslaan' : 'Aandachtspunt toevoegen'}</Button>
        </form>
      )}
      <Paragraph>
        <Link href={base}>Terug naar de aandachtspunten</Link>
      </Paragraph>
    </Layout>
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
