// DUO/CBS import: reads the open-data files of schools, boards, pupil counts and scores, and
// publishes 'open-data.gewijzigd' (events.ts) after every committed import.
import { defineModule } from '../../platform/module.ts';
import { registerDuoImportRoutes } from './routes/imports.tsx';
import { registerDuoImportWorkers } from './workers.ts';
import { failInterruptedImports } from './services/run-import.ts';

export const duoImportModule = defineModule({
  name: 'duo-import',
  routes: registerDuoImportRoutes,
  workers: registerDuoImportWorkers,
  // An import left 'bezig' by a stop was rolled back: its page says so instead of "Bezig".
  async onStart(platform) {
    const interrupted = await failInterruptedImports(platform.database.db);
    if (interrupted) platform.log.warn({ interrupted }, 'Onderbroken imports gemarkeerd als mislukt');
  },
  bench: async () => (await import('./bench.ts')).scenarios,
});
