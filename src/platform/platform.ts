// What every module receives when it registers: the platform's shared services. Lives in the
// platform (not in app.ts) so that modules depend on the platform and never on the app.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyContextConfig, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from './db/database.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { Metrics } from './observability/metrics.ts';
import type { Mailer } from './mail/mailer.ts';
import type { PageCache } from './http/page-cache.ts';
import type { CacheTags } from './http/cache-tags.ts';
import type { AssetManifest } from './assets/assets.ts';
import type { ProgrammeInfo } from './programme.ts';
import type { NavItem } from '../ui/context.ts';
import type { DashboardProvider } from './dashboard.ts';
import type { Events } from './events.ts';

/**
 * The Fastify instance modules register their routes on: with the zod type provider, so a
 * route's `schema: { params, querystring, body }` types `req.params`, `req.query` and `req.body`.
 */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface Platform {
  config: Config;
  database: Database;
  jobs?: Jobs;
  now: () => Date;
  /** The app's logger, for work outside a request (jobs). */
  log: FastifyBaseLogger;
  metrics: Metrics;
  /** Outgoing mail (SMTP or the outbox folder), queued as jobs when there are jobs. */
  mailer: Mailer;
  /** Rendered pages for visitors; emptied per tag through `caches`, never directly. */
  pageCache: PageCache;
  /** The one way to empty a cache: `caches.invalidate('menukaart')`. */
  caches: CacheTags;
  /** Events between modules: one module publishes, others subscribe in their descriptor. */
  events: Events;
  assets: AssetManifest;
  programme: ProgrammeInfo;
  nav: NavItem[];
  /** Every module's dashboard provider, in module order (the accounts module renders them). */
  dashboards: DashboardProvider[];
  /** Every registered route with its config: for the authorization matrix and browser suite. */
  routes: RegisteredRoute[];
}

export interface RegisteredRoute {
  method: string;
  url: string;
  config: FastifyContextConfig;
  /** The zod schemas the route declared (params, querystring, body), if any. */
  schema?: { params?: unknown; querystring?: unknown; body?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}
