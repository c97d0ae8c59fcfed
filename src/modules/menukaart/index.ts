// The menukaart: the menu of interventions, its versions and editing, search, comparison,
// the kennisplein and the JSON API.
import { defineModule } from '../../platform/module.ts';
import { registerMenukaartRoutes } from './routes.tsx';
import { menuNav } from './menu-view-parts.tsx';
import { menukaartCommands } from './cli.ts';
import { menukaartDemoStep } from './demo.ts';
import { menukaartDashboard } from './dashboard-provider.ts';

export const menukaartModule = defineModule({
  name: 'menukaart',
  migrations: [300, 399],
  nav: [menuNav],
  cacheTags: ['menukaart'],
  routes: registerMenukaartRoutes,
  commands: menukaartCommands,
  demo: menukaartDemoStep,
  dashboard: menukaartDashboard,
});
