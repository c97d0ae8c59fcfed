// The dashboard: per membership that counts, the key figures and then the next actions of every
// dashboard provider. Providers run side by side; each reads only the membership's organisation.
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
      const input = { membership: m, principal: p, db, now, programme: platform.programme };
      const [figures, actions] = await Promise.all([
        Promise.all(platform.dashboards.map(async (d) => (d.figures ? d.figures(input) : []))),
        Promise.all(platform.dashboards.map((d) => d.actions(input))),
      ]);
      sections.push({
        key: `${m.organisationId}-${m.role}`,
        title: `${roleLabels[m.role]} · ${m.organisationName}`,
        figures: figures.flat(),
        actions: actions.flat(),
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
