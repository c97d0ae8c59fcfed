// The public site: home page, accessibility statement, privacy statement, language choice.
import { defineModule } from '../../platform/module.ts';
import { registerSiteRoutes } from './routes/site.tsx';

export const siteModule = defineModule({
  name: 'site',
  nav: [{ href: '/', label: { nl: 'Home', en: 'Home' } }],
  cacheTags: ['site'],
  routes: registerSiteRoutes,
  bench: async () => (await import('./bench.ts')).scenarios,
});
