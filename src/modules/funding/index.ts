// Funding: each school's allocation per school year, rates, board reservations, the public
// lookup and the reconciliation with the published national totals.
import { defineModule } from '../../platform/module.ts';
import { registerFundingRoutes } from './routes/funding.ts';
import { registerFundingWorkers } from './workers.ts';
import { requestOpenDataLoad } from './services/open-data-load.ts';
import { recomputeAll } from './services/recompute.ts';
import { fundingDemoStep } from './demo.ts';
import { fundingDashboard } from './dashboard.ts';
import { fundingCommands } from './cli.ts';
import type { OpenDataChanged } from '../duo-import/events.ts';

export const fundingModule = defineModule({
  name: 'funding',
  migrations: [200, 299],
  nav: [{ href: '/bedragen', label: { nl: 'Bedragen per school', en: 'Amounts per school' } }],
  cacheTags: ['funding'],
  routes: registerFundingRoutes,
  workers: registerFundingWorkers,
  // First start: the shipped open data load in a job; OPEN_DATA_AUTOLOAD=false turns it off.
  async onStart(platform) {
    if (platform.jobs) await requestOpenDataLoad(platform);
  },
  on: (platform) => ({
    // After every committed DUO/CBS import (duo-import/events.ts): the amounts of every year again.
    'open-data.gewijzigd': async ({ reason, personId }: OpenDataChanged) => {
      try {
        await recomputeAll(platform.database.db, platform.programme.id, reason, personId);
      } finally {
        platform.caches.invalidate('funding');
      }
    },
  }),
  commands: fundingCommands,
  demo: fundingDemoStep,
  dashboard: fundingDashboard,
  bench: async () => (await import('./bench.ts')).scenarios,
});
