// The menukaart module's routes: public pages (cached per menu version for visitors), the JSON
// API, the kennisplein (public, school submissions, moderation) and editing by the redactie. Each
// group of routes lives in its own file here; this one wires them to one menu state and its caches.
import type { App, Platform } from '../../../platform/platform.ts';
import { todayIn } from '../services/menu.ts';
import { menuStateOf } from '../services/menu-state.ts';
import { MenuPageCache } from '../services/page-caches.ts';
import type { MenuRouteContext } from './support.ts';
import { registerCatalogueRoutes } from './catalogue.tsx';
import { registerSearchCompareRoutes } from './search-compare.tsx';
import { registerKennispleinRoutes } from './kennisplein.tsx';
import { registerSchoolKennispleinRoutes } from './school-kennisplein.tsx';
import { registerRedactieDraftRoutes } from './redactie-draft.tsx';
import { registerRedactiePublishRoutes } from './redactie-publish.tsx';
import { registerRedactieEntryRoutes } from './redactie-entry.tsx';
import { registerRedactieKennispleinRoutes } from './redactie-kennisplein.tsx';
import { registerRedactieWithdrawRoutes } from './redactie-kennisplein-withdraw.tsx';
import { registerApi } from './api.ts';

export function registerMenukaartRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const state = menuStateOf(platform);
  // Visitors' pages live in the platform's page cache (and its front cache) under
  // 'menukaart:'; search pages in a cache of their own, so a flood of different searches
  // never pushes the menu out. One way empties them all: platform.caches.invalidate('menukaart'),
  // after a version is published or the kennisplein changes, and when a new calendar day may
  // bring another version into force.
  const searchPages = new MenuPageCache(1000, Math.floor(platform.config.pageCacheMaxBytes / 4));
  platform.caches.onInvalidate('menukaart', () => searchPages.clear());
  const invalidate = () => platform.caches.invalidate('menukaart');
  let day = todayIn(platform.now());
  const dayWatch = setInterval(() => {
    const today = todayIn(platform.now());
    if (today !== day) {
      day = today;
      invalidate();
    }
  }, 60_000);
  dayWatch.unref();
  app.addHook('onClose', async () => clearInterval(dayWatch));

  const routes: MenuRouteContext = { app, platform, db, state, searchPages, invalidate };
  registerCatalogueRoutes(routes);
  registerSearchCompareRoutes(routes);
  registerKennispleinRoutes(routes);
  registerSchoolKennispleinRoutes(routes);
  registerRedactieDraftRoutes(routes);
  registerRedactiePublishRoutes(routes);
  registerRedactieEntryRoutes(routes);
  registerRedactieKennispleinRoutes(routes);
  registerRedactieWithdrawRoutes(routes);
  registerApi(routes);
}
