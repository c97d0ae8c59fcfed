// The form to add or change a focus point (domain, groups, target group, seriousness, evidence
// with links into the analysis, goal), with the saved version beside it when someone else
// changed it meanwhile.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import { IdempotencyField } from '../../../ui/idempotency-field.tsx';
import { formatNumber } from '../../../platform/i18n/i18n.ts';
import type { FocusLink } from '../tables.ts';
import type { SchoolYearRow } from '../repository/scans.ts';
import type { FocusPointRow } from '../repository/focus-points.ts';
import { focusDomains } from '../services/focus-domains.ts';
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
import { type SchoolRef } from './scan.tsx';
import { yearLabel } from './format.ts';
import { focusBase, focusCrumbs, FocusPointDetails, focusPointName } from './focus-points.tsx';

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
