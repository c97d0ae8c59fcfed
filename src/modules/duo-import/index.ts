// DUO/CBS import: reads the open-data files of schools, boards, pupil counts and scores.
import { defineModule } from '../../platform/module.ts';
import { registerDuoImportRoutes } from './routes/imports.tsx';
import { duoCommands } from './cli.ts';

export const duoImportModule = defineModule({
  name: 'duo-import',
  routes: registerDuoImportRoutes,
  commands: duoCommands,
});
