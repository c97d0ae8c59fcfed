// Addresses, breadcrumbs and small pieces shared by the budget and spending pages.
import type { Crumb } from '../../../ui/layout.tsx';
import { formatCents } from '../../../platform/i18n/i18n.ts';
import { planBase } from './base.ts';

export interface SchoolRef {
  id: number;
  name: string;
}

export const budgetBase = (schoolId: number) => `${planBase(schoolId)}/begroting`;
export const interventionBudgetPath = (schoolId: number, planInterventionId: number) =>
  `${planBase(schoolId)}/interventies/${planInterventionId}/begroting`;
export const expensesBase = (schoolId: number) => `${planBase(schoolId)}/uitgaven`;

export function budgetCrumbs(school: SchoolRef, extra: Crumb[] = []): Crumb[] {
  return [
    { href: '/overzicht', label: 'Overzicht' },
    { href: planBase(school.id), label: `Schoolprogramma ${school.name}` },
    ...extra,
  ];
}

/** An amount for a table cell; a negative amount keeps its minus sign readable. */
export const money = (cents: number) => formatCents(cents);

/** The intervention as people know it: "B6 Tutoring". */
export const interventionLabel = (i: { code: string; name: string }) =>
  i.name && i.name !== i.code ? `${i.code} ${i.name}` : i.code;
