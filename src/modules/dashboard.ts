// The dashboard (/overzicht) shows, for each membership of the signed-in person, the next
// actions. Each module that has something to do for a role adds a provider here (one line,
// like modules/index.ts); the accounts module renders the page.
//
//   export const planDashboard: DashboardProvider = {
//     name: 'schoolprogramma',
//     async actions({ membership, db, now }) {
//       if (membership.role !== 'schoolleider') return [];
//       return [{ label: 'Schoolprogramma 2024-2025 afmaken', href: `/scholen/${membership.organisationId}/programma` }];
//     },
//   };
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Membership, Principal } from '../platform/auth/principal.ts';
import { accountsDashboard } from './accounts/dashboard-provider.ts';
import { menukaartDashboard } from './menukaart/dashboard-provider.ts';
import { fundingDashboard } from './funding/dashboard-provider.ts';

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

export const dashboardProviders: DashboardProvider[] = [
  accountsDashboard,
  menukaartDashboard,
  fundingDashboard,
];
