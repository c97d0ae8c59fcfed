// The dashboard (/overzicht) shows, for each membership of the signed-in person, the next
// actions. A module that has something to do for a role names a provider in its descriptor:
//
//   dashboard: {
//     name: 'schoolprogramma',
//     async actions({ membership }) {
//       if (membership.role !== 'schoolleider') return [];
//       return [{ label: 'Schoolprogramma 2024-2025 afmaken', href: `/scholen/${membership.organisationId}/programma` }];
//     },
//   },
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import type { Membership, Principal } from './auth/principal.ts';

export interface DashboardAction {
  label: string;
  href: string;
  /** One short sentence under the link (e.g. a deadline). */
  description?: string;
  /** Marks something that needs attention soon. */
  urgent?: boolean;
}

export interface DashboardInput {
  membership: Membership;
  principal: Principal;
  db: Kysely<DB>;
  now: Date;
}

export interface DashboardProvider {
  name: string;
  /** Next actions for one membership (only memberships that count in this session). */
  actions(input: DashboardInput): Promise<DashboardAction[]> | DashboardAction[];
}
