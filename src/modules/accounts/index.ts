// Accounts: sign-in with two factors, invitations, teams, memberships and the dashboard.
import { defineModule } from '../../platform/module.ts';
import { accountCommands } from './cli.ts';
import { accountsDemoStep } from './demo.ts';
import { accountsDashboard } from './dashboard.ts';
import { purgeAccountLeftovers } from './repository/leftovers.ts';
import { registerSignInRoutes } from './routes/sign-in.tsx';
import { registerPasswordResetRoutes } from './routes/password-reset.tsx';
import { registerUnlockRoutes } from './routes/unlock.tsx';
import { registerInvitationRoutes } from './routes/invitations.tsx';
import { registerMyAccountRoutes } from './routes/my-account.tsx';
import { registerTwoFactorRoutes } from './routes/two-factor.tsx';
import { registerDashboardRoutes } from './routes/dashboard.tsx';
import { registerDemoOutboxRoutes } from './routes/demo-outbox.tsx';
import { registerSchoolTeamRoutes } from './routes/school-team.tsx';
import { registerBoardPeopleRoutes } from './routes/board-people.tsx';
import { registerPlatformUserRoutes } from './routes/platform-users.tsx';
import { registerAuditRoutes } from './routes/audit-log.tsx';

export const accountsModule = defineModule({
  name: 'accounts',
  migrations: [100, 199],
  nav: [{ href: '/overzicht', label: { nl: 'Mijn overzicht', en: 'My overview' }, signedIn: true }],
  // Sign-in, password reset, invitations, my account, two-factor set-up, the dashboard,
  // people management and the audit log: each group of routes lives in routes/.
  routes(app, platform) {
    registerSignInRoutes(app, platform);
    registerPasswordResetRoutes(app, platform);
    registerUnlockRoutes(app, platform);
    registerInvitationRoutes(app, platform);
    registerMyAccountRoutes(app, platform);
    registerTwoFactorRoutes(app, platform);
    registerDashboardRoutes(app, platform);
    registerDemoOutboxRoutes(app, platform);
    registerSchoolTeamRoutes(app, platform);
    registerBoardPeopleRoutes(app, platform);
    registerPlatformUserRoutes(app, platform);
    registerAuditRoutes(app, platform);
  },
  async workers(jobs, platform) {
    await jobs.work('accounts-opruimen', async () => {
      await purgeAccountLeftovers(platform.database.db, platform.now());
    });
    await jobs.schedule('accounts-opruimen', '23 3 * * *');
  },
  commands: accountCommands,
  demo: accountsDemoStep,
  dashboard: accountsDashboard,
  bench: async () => (await import('./bench.ts')).scenarios,
});
