// Accounts: sign-in with two factors, invitations, teams, memberships and the dashboard.
import { defineModule } from '../../platform/module.ts';
import { registerAccountsRoutes } from './routes.tsx';
import { accountCommands } from './cli.ts';
import { accountsDemoStep } from './demo.ts';
import { accountsDashboard } from './dashboard-provider.ts';
import { purgeAccountLeftovers } from './repository.ts';

export const accountsModule = defineModule({
  name: 'accounts',
  migrations: [100, 199],
  nav: [{ href: '/overzicht', label: { nl: 'Mijn overzicht', en: 'My overview' }, signedIn: true }],
  routes: registerAccountsRoutes,
  async workers(jobs, platform) {
    await jobs.work('accounts-opruimen', async () => {
      await purgeAccountLeftovers(platform.database.db, platform.now());
    });
    await jobs.schedule('accounts-opruimen', '23 3 * * *');
  },
  commands: accountCommands,
  demo: accountsDemoStep,
  dashboard: accountsDashboard,
});
