// The dashboard's filter fields (sector, province, denomination, board size, achterstandsscore),
// shared by the dashboard and the list of a round's submissions. "All" is the empty value.
import { SelectField, type FormState } from '../../../ui/components.tsx';
import { boardSizes, provinces, scoreBands, sectorGroups } from '../services/monitoring-filters.ts';

const all = (label: string) => ({ value: '', label });

export function FilterFields({ form, denominations }: { form: FormState; denominations: string[] }) {
  return (
    <>
      <SelectField
        name="sector"
        label="Sector"
        form={form}
        options={[all('Alle sectoren'), ...sectorGroups.map((s) => ({ value: s.value, label: s.label }))]}
      />
      <SelectField
        name="provincie"
        label="Provincie"
        form={form}
        options={[all('Alle provincies'), ...provinces.map((p) => ({ value: p, label: p }))]}
      />
      <SelectField
        name="denominatie"
        label="Denominatie"
        form={form}
        options={[all('Alle denominaties'), ...denominations.map((d) => ({ value: d, label: d }))]}
      />
      <SelectField
        name="bestuursgrootte"
        label="Grootte van het bestuur"
        form={form}
        options={[all('Alle besturen'), ...boardSizes.map((b) => ({ value: b.value, label: b.label }))]}
      />
      <SelectField
        name="achterstand"
        label="Achterstandsscore (CBS)"
        form={form}
        options={[all('Alle scholen'), ...scoreBands.map((b) => ({ value: b.value, label: b.label }))]}
      />
    </>
  );
}
