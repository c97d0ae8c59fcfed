// buildApp(deps) -> a Fastify instance with the platform's plugins, hooks and modules.
// main.ts calls it to serve; tests call it and use app.inject().
import crypto from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './platform/db/database.ts';
import type { Jobs } from './platform/jobs/jobs.ts';
import './platform/http/fastify-types.ts';
import { securityHeaders } from './platform/http/security.ts';
import { PageCache, registerFrontCache, serveFromFrontCache } from './platform/http/page-cache.ts';
import http from 'node:http';
import { registerErrorHandling } from './platform/http/error-pages.tsx';
import { registerRendering } from './platform/http/render.ts';
import { registerAccessControl } from './platform/http/access-control.ts';
import { registerInputEdge } from './platform/http/input-edge.ts';
import { registerAuditNet } from './platform/http/audit-net.ts';
import { createMetrics } from './platform/observability/metrics.ts';
import { logSerializers } from './platform/observability/log-serializers.ts';
import { defaultAssets } from './platform/assets/assets.ts';
import { loadProgramme } from './platform/programme.ts';
import { modules } from './modules/index.ts';
import { createMailer } from './platform/mail/mailer.ts';
import type { Platform } from './platform/platform.ts';
import { CacheTags } from './platform/http/cache-tags.ts';
import { Events } from './platform/events.ts';
import { registerOpenApi } from './platform/http/openapi.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Background jobs; absent in tests that do not need them. */
  jobs?: Jobs;
  /** A pino logger, false for none, or undefined for the configured one. */
  logger?: Logger | false;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Secret for signed cookies (CSRF). main.ts passes the configured or generated one. */
  cookieSecret: string;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  // The id is shown as the error reference and written to the log and audit trail, so only a
  // trusted proxy may choose it; a client's own x-request-id could forge or confuse references.
  const requestIdOf = (req: http.IncomingMessage) => {
    const given = config.trustProxy ? req.headers['x-request-id'] : undefined;
    return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
  };
  // Three quarters of the page-cache budget here; the menukaart's search pages get the rest.
  const pageCache = new PageCache(1000, Math.floor((config.pageCacheMaxBytes * 3) / 4));
  // Set once the logger and metrics exist: a front-cache hit is logged and counted there.
  let frontCacheServed: (
    req: http.IncomingMessage,
    hit: { route: string; status: number },
  ) => void = () => {};
  const app = Fastify({
    // Anonymous repeat requests for cached pages are answered before Fastify's pipeline.
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (!serveFromFrontCache(pageCache, req, res, (hit) => frontCacheServed(req, hit))) handler(req, res);
      }),
    ...(deps.logger === false
      ? { logger: false }
      : deps.logger
        ? { loggerInstance: deps.logger }
        : {
            logger: {
              level: config.logLevel,
              serializers: logSerializers,
            },
          }),
    genReqId: requestIdOf,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance; // one instance type for the whole app, whatever logger it got
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const now = deps.now ?? (() => new Date());
  const metrics = createMetrics(database.pool, () => platform.jobs);
  const platform: Platform = {
    config,
    database,
    jobs: deps.jobs,
    now,
    log: app.log,
    metrics,
    mailer: createMailer(config, () => platform.jobs),
    pageCache,
    caches: new CacheTags(),
    events: new Events(() => platform.jobs),
    assets: defaultAssets(config.theme),
    programme: await loadProgramme(database.db),
    nav: modules.flatMap((m) => m.nav ?? []),
    dashboards: modules.flatMap((m) => (m.dashboard ? [m.dashboard] : [])),
    routes: [],
  };
  for (const m of modules) {
    for (const tag of m.cacheTags ?? []) {
      platform.caches.declare(tag);
      platform.caches.onInvalidate(tag, () => pageCache.dropTag(tag));
    }
    if (m.on) platform.events.subscribe(m.name, m.on(platform));
  }
  app.decorate('platform', platform);
  frontCacheServed = (req, { route, status }) => {
    metrics.requests.inc({ method: 'GET', route, status: String(status) });
    // The same request id rules as Fastify's own requests (genReqId below), one line per hit.
    app.log.info({ reqId: requestIdOf(req), route, status, cache: 'hit' }, 'Uit de paginacache');
  };
  if (deps.jobs) {
    // Job counts for /metrics, read on a timer so a scrape (or a flood of them) costs no query.
    const refresh = () => metrics.refresh().catch((err) => app.log.warn({ err }, 'Takentelling mislukt'));
    void refresh();
    const timer = setInterval(refresh, 15_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  registerFrontCache(app, pageCache);
  securityHeaders(app, { https: config.baseUrl.startsWith('https://') });
  await app.register(cookie, { secret: deps.cookieSecret });
  await app.register(csrf, {
    cookieKey: 'npo_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' },
    getToken: (req: FastifyRequest) =>
      (req.body as Record<string, string> | undefined)?._csrf ?? (req.headers['x-csrf-token'] as string),
  });
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 10 } });
  await app.register(rateLimit, {
    global: false,
    // The rate limiter keeps its counts in memory per instance; behind a load balancer
    // each instance limits separately, which is stricter per instance, never looser.
    keyGenerator: (req) => req.ip,
  });

  registerRendering(app);
  registerErrorHandling(app);
  registerInputEdge(app);
  registerAccessControl(app);
  registerAuditNet(app);

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'onbekend';
    metrics.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    metrics.duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  await registerOpenApi(app);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const m of modules) await m.routes?.(typed, platform);
  return app;
}
