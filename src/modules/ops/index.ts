// Operations: health and readiness checks and the metrics endpoint.
import { defineModule } from '../../platform/module.ts';
import { registerOpsRoutes } from './routes/ops.ts';

export const opsModule = defineModule({
  name: 'ops',
  routes: registerOpsRoutes,
});
