// The dashboard (/overzicht) shows, for each membership of the signed-in person, first the key
// figures of that organisation, then the next actions. A module that has something to show for a
// role names a provider in its descriptor:
//
//   dashboard: {
//     name: 'schoolprogramma',
//     async figures({ membership }) {
//       if (membership.role !== 'schoolleider') return [];
//       return [{ label: 'Schoolprogramma', value: 'Concept', href: `/scholen/${membership.organisationId}/programma` }];
//     },
//     async actions({ membership }) {
//       if (membership.role !== 'schoolleider') return [];
//       return [{ label: 'Schoolprogramma 2024-2025 afmaken', href: `/scholen/${membership.organisationId}/programma` }];
//     },
//   },
//
// Both read only the membership's own organisation (tenants are sealed, DESIGN §3.3) and do so in
// a fixed number of queries per membership (never one per school or per year).
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import type { Membership, Principal } from './auth/principal.ts';
import { loadProgramme, type ProgrammeInfo } from './programme.ts';

export interface DashboardAction {
  label: string;
  href: string;
  /** One short sentence under the link (e.g. a deadline). */
  description?: string;
  /** Marks something that needs attention soon. */
  urgent?: boolean;
}

/** One key figure on a card: what it is, its value as shown (already formatted in Dutch). */
export interface DashboardFigure {
  /** What the figure is, e.g. 'Bedrag 2021-2022'. */
  label: string;
  /** The value as shown, e.g. '€ 123.456,00', '62,5%' or 'Wacht op de MR'. */
  value: string;
  /** One short sentence under the value (e.g. what was reserved of it). */
  description?: string;
  /** Where the figure comes from (the page that shows it in full). */
  href?: string;
}

export interface DashboardInput {
  membership: Membership;
  principal: Principal;
  db: Kysely<DB>;
  now: Date;
  /** The current programme when the caller has it (saves a query per provider). */
  programme?: ProgrammeInfo;
}

export interface DashboardProvider {
  name: string;
  /** Key figures of the membership's own organisation, shown as cards above the actions. */
  figures?(input: DashboardInput): Promise<DashboardFigure[]> | DashboardFigure[];
  /** Next actions for one membership (only memberships that count in this session). */
  actions(input: DashboardInput): Promise<DashboardAction[]> | DashboardAction[];
}

/** The programme the dashboard input carries, else the current one from the database. */
export async function programmeOf(input: DashboardInput): Promise<ProgrammeInfo> {
  return input.programme ?? (await loadProgramme(input.db));
}
