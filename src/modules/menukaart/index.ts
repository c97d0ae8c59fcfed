// The menukaart: the menu of interventions, its versions and editing, search, comparison,
// the kennisplein and the JSON API.
import { defineModule } from '../../platform/module.ts';
import { registerMenukaartRoutes } from './routes/register.ts';
import { kennispleinNav, menuNav } from './views/menu-parts.tsx';
import { menukaartCommands } from './cli.ts';
import { menukaartDemoStep } from './demo.ts';
import { menukaartDashboard } from './dashboard.ts';

export const menukaartModule = defineModule({
  name: 'menukaart',
  migrations: [300, 399],
  nav: [menuNav, kennispleinNav],
  cacheTags: ['menukaart'],
  routes: registerMenukaartRoutes,
  commands: menukaartCommands,
  demo: menukaartDemoStep,
  dashboard: menukaartDashboard,
  bench: async () => (await import('./bench.ts')).scenarios,
});
