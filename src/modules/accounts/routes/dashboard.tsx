// The dashboard: per membership that counts, the next actions of every dashboard provider.
import type { App, Platform } from '../../../platform/platform.ts';
import { effectiveMemberships } from '../../../platform/auth/principal.ts';
import { findPerson } from '../repository/people.ts';
import { roleLabels } from '../services/roles.ts';
import { DashboardPage, type DashboardSection } from '../views/dashboard.tsx';
import { signedInPage } from './page-access.ts';

export function registerDashboardRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get('/overzicht', { config: signedInPage }, async (req, reply) => {
    const p = req.principal!;
    const now = platform.now();
    const effective = effectiveMemberships(p);
    const waiting = p.memberships.filter((m) => !effective.includes(m));
    const sections: DashboardSection[] = [];
    for (const m of effective) {
      const lists = await Promise.all(
        platform.dashboards.map((d) => d.actions({ membership: m, principal: p, db, now })),
      );
      sections.push({
        key: `${m.organisationId}-${m.role}`,
        title: `${roleLabels[m.role]} · ${m.organisationName}`,
        actions: lists.flat(),
      });
    }
    let mustEnrol = false;
    if (waiting.length) {
      const person = await findPerson(db, p.personId);
      mustEnrol = !person?.totp_enabled_at;
    }
    return reply.page(
      <DashboardPage
        ctx={reply.ctx()}
        sections={sections}
        waiting={waiting.map((m) => `${roleLabels[m.role]} (${m.organisationName})`)}
        mustEnrol={mustEnrol}
      />,
    );
  });
}
