// Funding: each school's allocation per school year, rates, board reservations, the public
// lookup and the reconciliation with the published national totals.
import { defineModule } from '../../platform/module.ts';
import { registerFundingRoutes } from './routes/funding.ts';
import { registerFundingWorkers } from './workers.ts';
import { requestOpenDataLoad } from './services/open-data-load.ts';
import { fundingDemoStep } from './demo.ts';
import { fundingDashboard } from './dashboard.ts';

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
  demo: fundingDemoStep,
  dashboard: fundingDashboard,
});
