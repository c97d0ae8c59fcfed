// The school programme's key figures on the dashboard: where the plan stands (concept, waiting
// for the MR, adopted) for the school's staff and MR, and for the school leader what is budgeted
// and spent in the current school year (after the programme: over all its years). One query.
import type { DashboardFigure, DashboardInput } from '../../../platform/dashboard.ts';
import { programmeOf } from '../../../platform/dashboard.ts';
import { formatCents, formatDate } from '../../../platform/i18n/i18n.ts';
import { todayIn } from '../../menukaart/services/menu.ts';
import { planFigureRows, type PlanFigureRow } from '../repository/dashboard-figures.ts';
import { budgetBase } from '../views/budget-base.tsx';
import { planBase } from '../views/base.ts';

/** The plan's state in a word and a sentence. */
export function planState(row: PlanFigureRow | undefined): { value: string; description: string } {
  if (!row?.plan_id) return { value: 'Nog niet begonnen', description: 'Er is nog geen schoolprogramma.' };
  if (row.number === null) return { value: 'Concept', description: 'Nog niet ingediend bij de MR.' };
  if (row.decision === 'instemming')
    return { value: 'Vastgesteld', description: `De MR heeft ingestemd met versie ${row.number}.` };
  if (row.decision === 'geen-instemming')
    return {
      value: 'Niet vastgesteld',
      description: `De MR heeft niet ingestemd met versie ${row.number}. Pas het plan aan en dien het opnieuw in.`,
    };
  return {
    value: 'Wacht op de MR',
    description: `Versie ${row.number} is op ${formatDate(new Date(row.submitted_at!))} ingediend bij de MR.`,
  };
}

/** This school year's budget and spending; after the programme's last year, the whole programme's. */
export function budgetFigure(rows: PlanFigureRow[], today: string) {
  const year = rows.find((r) => r.ends_on >= today);
  if (year)
    return { label: `Begroot ${year.label}`, planned: Number(year.planned), spent: Number(year.spent) };
  const sum = (k: 'planned' | 'spent') => rows.reduce((s, r) => s + Number(r[k]), 0);
  return { label: 'Begroot in het hele programma', planned: sum('planned'), spent: sum('spent') };
}

export async function schoolprogrammaFigures(input: DashboardInput): Promise<DashboardFigure[]> {
  const { membership: m, db, now } = input;
  if (m.organisationKind !== 'school' || !['schoolleider', 'teamlid', 'mr-lid'].includes(m.role)) return [];
  const programme = await programmeOf(input);
  const rows = await planFigureRows(db, m.organisationId, programme.id);
  const figures: DashboardFigure[] = [
    { label: 'Schoolprogramma', ...planState(rows[0]), href: planBase(m.organisationId) },
  ];
  if (m.role !== 'schoolleider' || !rows[0]?.plan_id) return figures;
  const b = budgetFigure(rows, todayIn(now));
  figures.push({
    label: b.label,
    value: formatCents(b.planned),
    description: `Uitgegeven: ${formatCents(b.spent)}.`,
    href: budgetBase(m.organisationId),
  });
  return figures;
}
