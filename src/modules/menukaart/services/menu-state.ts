// The menu version in force and the whole menu, remembered in memory until a day passes or a version is published.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { VersionRow } from '../repository/versions.ts';
import { loadMenu, menuVersionInForce, todayIn, type Menu } from './menu.ts';
import { buildSearchIndex, type MenuSearchIndex } from './search-index.ts';

/**
 * The menu version in force, remembered per calendar day and forgotten on publish, so cached
 * pages need no database round trip.
 */
export class MenuState {
  private cached: { day: string; version: VersionRow } | null = null;
  private menuCache: Promise<Menu> | null = null;
  private menuVersionId: number | null = null;
  private index: Promise<MenuSearchIndex> | null = null;
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => Date,
  ) {}
  async inForce(): Promise<VersionRow> {
    const day = todayIn(this.now());
    if (this.cached?.day === day) return this.cached.version;
    const version = await menuVersionInForce(this.db, this.now());
    this.cached = { day, version };
    return version;
  }
  /** The whole menu in force (categories and interventions), kept until it changes. */
  async menu(): Promise<{ version: VersionRow; menu: Menu }> {
    const version = await this.inForce();
    if (this.menuVersionId !== version.id || !this.menuCache) {
      // Another version came into force (a scheduled one's date arrived): its own search index.
      if (this.menuVersionId !== version.id) this.index = null;
      this.menuVersionId = version.id;
      this.menuCache = loadMenu(this.db, version);
      this.menuCache.catch(() => {
        this.menuCache = null;
      });
    }
    return { version, menu: await this.menuCache };
  }
  /** The menu of a version: the one kept in memory when it is the version in force. */
  async menuOf(version: VersionRow): Promise<Menu> {
    const current = await this.menu();
    return version.id === current.version.id ? current.menu : loadMenu(this.db, version);
  }
  /** The search index of the menu in force and the published kennisplein, kept until either changes. */
  async searchIndex(): Promise<MenuSearchIndex> {
    const { version, menu } = await this.menu();
    if (!this.index) {
      const building = buildSearchIndex(this.db, version.id, menu);
      this.index = building;
      building.catch(() => {
        if (this.index === building) this.index = null;
      });
    }
    return this.index;
  }
  forget() {
    this.index = null;
    this.cached = null;
    this.menuCache = null;
    this.menuVersionId = null;
  }
}

const states = new WeakMap<Platform, MenuState>();

/**
 * The one menu state of a running platform: the menukaart's pages and the modules that show the
 * menu (the questionnaires) share it. It is forgotten whenever the 'menukaart' cache tag is
 * invalidated (a publication, a new calendar day).
 */
export function menuStateOf(platform: Platform): MenuState {
  let state = states.get(platform);
  if (!state) {
    const created = new MenuState(platform.database.db, platform.now);
    platform.caches.onInvalidate('menukaart', () => created.forget());
    states.set(platform, (state = created));
  }
  return state;
}
