// The addresses and breadcrumbs of the annual report pages, in one place.
import type { Crumb } from '../../../ui/layout.tsx';

export const reportBase = (boardId: number) => `/besturen/${boardId}/jaarverslag`;
export const yearBase = (boardId: number, year: number) => `${reportBase(boardId)}/${year}`;

/** Overzicht › Jaarverslag › (this page). */
export function reportCrumbs(boardId: number, last?: string, lastHref?: string): Crumb[] {
  const crumbs: Crumb[] = [
    { href: '/overzicht', label: 'Overzicht' },
    { href: reportBase(boardId), label: 'Jaarverslag' },
  ];
  if (!last) return [crumbs[0]!, { label: 'Jaarverslag' }];
  return lastHref ? [...crumbs, { href: lastHref, label: last }] : [...crumbs, { label: last }];
}
