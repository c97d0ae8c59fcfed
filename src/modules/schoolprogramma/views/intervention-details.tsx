// An intervention of the plan in words, and the mark of one that was withdrawn from the menu
// after the school chose it (it stays on the plan, clearly marked).
import { Alert, DataSummary } from '../../../ui/components.tsx';
import { formatDate, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { GoalRow } from '../repository/goals.ts';
import type { PlanInterventionRow } from '../repository/plan-interventions.ts';
import type { FocusPointRef } from '../repository/plan-links.ts';

export const withdrawnText = 'Ingetrokken uit de menukaart';

export function WithdrawnMark() {
  return (
    <Alert type="warning">
      <strong>{withdrawnText}.</strong> Deze interventie staat niet meer op de menukaart die nu geldt. Ze
      blijft in het schoolprogramma staan omdat de school haar koos toen ze er nog op stond, maar kan niet
      opnieuw worden gekozen.
    </Alert>
  );
}

export function InterventionDetails({
  intervention: i,
  focusPoints,
  goals,
}: {
  intervention: PlanInterventionRow;
  focusPoints: FocusPointRef[];
  goals: GoalRow[];
}) {
  const fps = focusPoints.filter((f) => i.focus_point_ids.includes(f.id));
  const gs = goals.filter((g) => i.goal_ids.includes(g.id));
  return (
    <DataSummary
      items={[
        { key: 'Aandachtspunten', value: fps.length ? fps.map((f) => f.label).join('; ') : 'Geen' },
        { key: 'Doelen', value: gs.length ? gs.map((g) => g.what).join('; ') : 'Geen' },
        { key: 'Groepen', value: i.grades.join(', ') },
        { key: 'Leerlingen', value: formatNumber(i.pupils) },
        { key: 'Periode', value: `${formatDate(i.starts_on)} tot en met ${formatDate(i.ends_on)}` },
        { key: 'Verantwoordelijke', value: i.responsible },
        { key: 'Aanpak', value: i.approach || 'Niet ingevuld' },
        { key: 'Professionalisering', value: i.professional_development || 'Niet nodig volgens de school' },
        { key: 'Evaluatie', value: i.evaluation_plan || 'Niet ingevuld' },
      ]}
    />
  );
}
