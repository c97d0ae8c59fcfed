// Organisations: the beheerder creates and edits boards and schools.
import { defineModule } from '../../platform/module.ts';
import { registerOrganisationsRoutes } from './routes/organisations.tsx';

export const organisationsModule = defineModule({
  name: 'organisations',
  routes: registerOrganisationsRoutes,
});
