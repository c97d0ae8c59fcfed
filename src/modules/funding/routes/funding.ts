// The funding module's routes: public lookup "Bedragen per school" (cached for visitors),
// open-data CSV, the board's overview with reservations, and the analist's rates.
import type { App, Platform } from '../../../platform/platform.ts';
import { listFundingYears } from '../repository/years.ts';
import { runKey } from '../services/years.ts';
import { registerPublicRoutes } from './public.tsx';
import { registerOpenDataRoute } from './open-data.ts';
import { registerBoardRoutes } from './board.tsx';
import { registerAnalistRoutes } from './analist.tsx';

export function registerFundingRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const programmeId = platform.programme.id;

  // Another process (the CLI on a shared PostgreSQL server) may make new runs; this process's
  // page cache then learns of it within half a minute.
  let seenRuns: string | null = null;
  const watch = setInterval(() => {
    listFundingYears(db, programmeId)
      .then((years) => {
        const key = runKey(years);
        if (seenRuns !== null && key !== seenRuns) platform.caches.invalidate('funding');
        seenRuns = key;
      })
      .catch(() => {}); // the database may be briefly unreachable; the next tick tries again
  }, 30_000);
  watch.unref();
  app.addHook('onClose', async () => clearInterval(watch));

  registerPublicRoutes(app, platform);
  registerOpenDataRoute(app, platform);
  registerBoardRoutes(app, platform);
  registerAnalistRoutes(app, platform);
}
