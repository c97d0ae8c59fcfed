// The part of the reservation form that says what the money funds: a category of the menu in
// force, optionally one of its interventions, and the board-level intervention it belongs to.
import { SelectField, type FormState } from '../../../ui/components.tsx';
import type { PurposeChoices } from '../services/reservations.ts';

export function PurposeFields({ choices, form }: { choices: PurposeChoices; form: FormState }) {
  const { menu, plan } = choices;
  return (
    <>
      {menu && (
        <>
          <SelectField
            name="categorie"
            label="Categorie van de menukaart"
            description={`Uit ${menu.title}.`}
            form={form}
            options={[
              { value: '', label: 'Kies een categorie' },
              ...menu.categories.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` })),
            ]}
          />
          <SelectField
            name="interventie"
            label="Interventie (niet verplicht)"
            description="Alleen interventies die nu op de menukaart staan; de interventie moet bij de gekozen categorie horen."
            form={form}
            options={[
              { value: '', label: 'Geen bepaalde interventie' },
              ...menu.interventions
                .filter((i) => !i.withdrawn)
                .map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })),
            ]}
          />
        </>
      )}
      {plan.length > 0 && (
        <SelectField
          name="bovenschoolsPlan"
          label="Hoort bij de bovenschoolse interventie (niet verplicht)"
          description="De GMR stemt in met het bovenschools plan waar deze reservering bij hoort."
          form={form}
          options={[
            { value: '', label: 'Nog bij geen bovenschoolse interventie' },
            ...plan.map((p) => ({ value: String(p.id), label: `${p.title} (categorie ${p.categoryCode})` })),
          ]}
        />
      )}
    </>
  );
}

/** The category, intervention and board-level intervention of a reservation, in one cell. */
export function purposeText(r: {
  category_code: string | null;
  intervention_code: string | null;
  plan_intervention_title: string | null;
}): string {
  const what = r.intervention_code ?? (r.category_code ? `categorie ${r.category_code}` : 'niet opgegeven');
  return r.plan_intervention_title ? `${what}; ${r.plan_intervention_title}` : what;
}
