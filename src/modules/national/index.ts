// The national generator: a synthetic platform at national scale, for load tests and demos.
import { defineModule } from '../../platform/module.ts';
import { nationalCommands } from './cli.ts';

export const nationalModule = defineModule({
  name: 'national',
  commands: nationalCommands,
  bench: async () => (await import('./bench.ts')).scenarios,
});
