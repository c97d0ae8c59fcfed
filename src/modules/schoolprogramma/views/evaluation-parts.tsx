// Pieces of the evaluation pages: the decision's words, the crumbs, the form (new and change)
// and the evaluation as it is saved now (shown beside the user's own input after a conflict).
import type { Crumb } from '../../../ui/layout.tsx';
import type { ViewContext } from '../../../ui/context.ts';
import {
  Button,
  CsrfField,
  DataSummary,
  ErrorSummary,
  Paragraph,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../../../ui/components.tsx';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { EvaluationDecision, PlanLink } from '../tables.ts';
import type { EvaluationRow, PlanInterventionRef } from '../repository/evaluations.ts';
import { maxReasonLength, maxResultsLength } from '../services/evaluation.ts';
import { planBase } from './base.ts';

export const decisionLabel: Record<EvaluationDecision, string> = {
  doorgaan: 'Doorgaan',
  bijstellen: 'Bijstellen',
  stoppen: 'Stoppen',
};

export const evaluationBase = (schoolId: number, planInterventionId: number) =>
  `${planBase(schoolId)}/interventies/${planInterventionId}/evaluatie`;

export const interventionName = (i: Pick<PlanInterventionRef, 'code' | 'name_nl'>) =>
  `${i.code} ${i.name_nl}`;

export function evaluationCrumbs(schoolId: number, pi: PlanInterventionRef, last?: string): Crumb[] {
  const crumbs: Crumb[] = [
    { href: '/overzicht', label: 'Overzicht' },
    { href: planBase(schoolId), label: 'Schoolprogramma' },
    { href: `${planBase(schoolId)}/interventies/${pi.id}`, label: interventionName(pi) },
  ];
  return last
    ? [...crumbs, { href: evaluationBase(schoolId, pi.id), label: 'Evaluatie' }, { label: last }]
    : [...crumbs, { label: 'Evaluatie' }];
}

/** The form values of a saved evaluation. */
export function formOf(e: EvaluationRow): FormState {
  return {
    values: {
      datum: e.evaluated_on,
      resultaten: e.results,
      besluit: e.decision ?? '',
      reden: e.decision_reason,
      revisie: String(e.revision),
      links: e.evidence_links.map((l) => l.href).join('\n'),
    },
    errors: {},
  };
}

export function EvaluationForm({
  ctx,
  action,
  form,
  options,
  submit,
}: {
  ctx: ViewContext;
  action: string;
  form: FormState;
  options: PlanLink[];
  submit: string;
}) {
  const chosen = new Set((form.values.links ?? '').split('\n').filter(Boolean));
  const linkError = form.errors.links;
  return (
    <form method="post" action={action} class="npo-stack" novalidate>
      <CsrfField token={ctx.csrfToken()} />
      <ErrorSummary form={form} title="De evaluatie is niet opgeslagen. Verbeter het volgende:" />
      {form.values.revisie !== undefined && (
        <input type="hidden" name="revisie" value={form.values.revisie} />
      )}
      <TextField
        name="datum"
        label="Datum van de evaluatie"
        description="Het moment waarop u de resultaten bekeek, als dag-maand-jaar (bijvoorbeeld 14-6-2022)."
        form={form}
        inputMode="numeric"
        maxLength={10}
      />
      <TextArea
        name="resultaten"
        label="Resultaten"
        description="Wat zag u bij de leerlingen en in de klas? Noem de meting die u in het plan afsprak."
        form={form}
        rows={6}
        maxLength={maxResultsLength}
      />
      <fieldset
        class={`utrecht-form-fieldset${linkError ? ' utrecht-form-fieldset--invalid' : ''}`}
        id="links"
        aria-describedby="links-omschrijving"
      >
        <legend class="utrecht-form-fieldset__legend">Latere gegevens uit de schoolscan</legend>
        <div class="utrecht-form-field-description" id="links-omschrijving">
          Koppel de scans of analyses waaruit de resultaten blijken. U ziet de scans van uw school vanaf het
          schooljaar waarin de interventie begon.
        </div>
        {linkError && <div class="utrecht-form-field-error-message">{linkError}</div>}
        {options.length === 0 ? (
          <Paragraph>Er is nog geen schoolscan van na de start van deze interventie.</Paragraph>
        ) : (
          <ul class="npo-checklist">
            {options.map((o, i) => (
              <li key={o.href}>
                <input
                  type="checkbox"
                  id={`link-${i}`}
                  name="links"
                  value={o.href}
                  checked={chosen.has(o.href)}
                />{' '}
                <label for={`link-${i}`}>{o.label}</label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <SelectField
        name="besluit"
        label="Besluit"
        description="Wat betekenen de resultaten voor de volgende versie van het plan?"
        form={form}
        options={[
          { value: '', label: 'Nog geen besluit' },
          { value: 'doorgaan', label: 'Doorgaan zoals gepland' },
          { value: 'bijstellen', label: 'Bijstellen' },
          { value: 'stoppen', label: 'Stoppen' },
        ]}
      />
      <TextArea
        name="reden"
        label="Reden van het besluit"
        description="Nodig bij een besluit: waarom doorgaan, wat stelt u bij, of waarom stoppen?"
        form={form}
        rows={4}
        maxLength={maxReasonLength}
      />
      <Button>{submit}</Button>
    </form>
  );
}

/** An evaluation as saved, for reading. */
export function EvaluationSummary({ e }: { e: EvaluationRow }) {
  return (
    <DataSummary
      items={[
        { key: 'Datum', value: formatDate(e.evaluated_on) },
        { key: 'Resultaten', value: e.results },
        {
          key: 'Latere gegevens',
          value: e.evidence_links.length ? (
            <ul class="utrecht-unordered-list">
              {e.evidence_links.map((l) => (
                <li key={l.href}>
                  <a class="nl-link rhc-link" href={l.href}>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            'Geen'
          ),
        },
        { key: 'Besluit', value: e.decision ? decisionLabel[e.decision] : 'Nog geen besluit' },
        ...(e.decision ? [{ key: 'Reden', value: e.decision_reason }] : []),
        {
          key: 'Laatst opgeslagen',
          value: `${formatDate(new Date(e.updated_at))}${e.updated_by_name ? ` door ${e.updated_by_name}` : ''}`,
        },
      ]}
    />
  );
}
