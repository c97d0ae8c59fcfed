// The budget form of one intervention: a field per school year, cost type and kind (planned,
// committed). Reads the posted fields into cents, all or nothing, with a message per cell; and
// writes cents back as the text a person would type. Pure.
import { costTypes, type CostType } from '../tables.ts';
import { costTypeLabels, parseBudgetAmount } from './budget-amounts.ts';
import type { BudgetCell } from '../repository/budget.ts';

export const kinds = { gepland: 'Begroot', vastgelegd: 'Vastgelegd' } as const;
export type Kind = keyof typeof kinds;

export const cellField = (kind: Kind, schoolYearId: number, costType: CostType) =>
  `${kind}-${schoolYearId}-${costType}`;

/** 123456 -> "1.234,56"; 0 -> "" (an empty cell is € 0). */
export function centsToInput(cents: number): string {
  if (cents === 0) return '';
  const euros = Math.floor(cents / 100).toLocaleString('nl-NL');
  const rest = cents % 100;
  return rest === 0 ? euros : `${euros},${String(rest).padStart(2, '0')}`;
}

/** 'Extern personeel (PNIL)' -> 'extern personeel (PNIL)'. */
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export type GridResult = { ok: true; cells: BudgetCell[] } | { ok: false; errors: Record<string, string> };

export function parseBudgetGrid(
  fields: Record<string, string | undefined>,
  years: Array<{ schoolYearId: number; label: string }>,
): GridResult {
  const cells: BudgetCell[] = [];
  const errors: Record<string, string> = {};
  for (const y of years)
    for (const costType of costTypes) {
      const cell: BudgetCell = { schoolYearId: y.schoolYearId, costType, plannedCents: 0, committedCents: 0 };
      for (const kind of Object.keys(kinds) as Kind[]) {
        const name = cellField(kind, y.schoolYearId, costType);
        const r = parseBudgetAmount(
          fields[name] ?? '',
          `${kinds[kind]} ${y.label}, ${lowerFirst(costTypeLabels[costType])}`,
        );
        if (!r.ok) errors[name] = r.message;
        else if (kind === 'gepland') cell.plannedCents = r.cents;
        else cell.committedCents = r.cents;
      }
      cells.push(cell);
    }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, cells };
}

/** The form values of saved cells. */
export function gridValues(cells: BudgetCell[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of cells) {
    out[cellField('gepland', c.schoolYearId, c.costType)] = centsToInput(c.plannedCents);
    out[cellField('vastgelegd', c.schoolYearId, c.costType)] = centsToInput(c.committedCents);
  }
  return out;
}
