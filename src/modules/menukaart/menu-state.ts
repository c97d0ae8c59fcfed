// The menu version in force and the whole menu, remembered in memory until a day passes or a version is published.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import * as repo from './repository.ts';
import * as svc from './service.ts';

/**
 * The menu version in force, remembered per calendar day and forgotten on publish, so cached
 * pages need no database round trip.
 */
export class MenuState {
  private cached: { day: string; version: repo.VersionRow } | null = null;
  private menuCache: Promise<svc.Menu> | null = null;
  private menuVersionId: number | null = null;
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => Date,
  ) {}
  async inForce(): Promise<repo.VersionRow> {
    const day = svc.todayIn(this.now());
    if (this.cached?.day === day) return this.cached.version;
    const version = await svc.menuVersionInForce(this.db, this.now());
    this.cached = { day, version };
    return version;
  }
  /** The whole menu in force (categories and interventions), kept until it changes. */
  async menu(): Promise<{ version: repo.VersionRow; menu: svc.Menu }> {
    const version = await this.inForce();
    if (this.menuVersionId !== version.id || !this.menuCache) {
      this.menuVersionId = version.id;
      this.menuCache = svc.loadMenu(this.db, version);
      this.menuCache.catch(() => {
        this.menuCache = null;
      });
    }
    return { version, menu: await this.menuCache };
  }
  forget() {
    this.cached = null;
    this.menuCache = null;
    this.menuVersionId = null;
  }
}
