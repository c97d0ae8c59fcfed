// Operations: liveness, readiness, Prometheus metrics, static assets and security.txt.
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { pingDatabase } from '../repository/health.ts';
import { securityTxt } from '../../../platform/http/security.ts';
import { hasMetricsToken } from '../../../platform/observability/metrics-access.ts';

const bare = { access: access.public(), bare: true } as const;

export function registerOpsRoutes(app: App, platform: Platform) {
  app.get('/healthz', { config: bare }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  app.get('/readyz', { config: bare }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await pingDatabase(platform.database.db);
      return { status: 'ok', database: platform.database.engine };
    } catch (err) {
      req.log.warn({ err }, 'Database niet bereikbaar');
      return reply.status(503).send({ status: 'unavailable', database: platform.database.engine });
    }
  });

  // Only with a token on this port (else METRICS_PORT serves it): see metrics-access.ts.
  const token = platform.config.metrics.token;
  if (token) {
    app.get('/metrics', { config: bare }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (!hasMetricsToken(req.headers.authorization, token))
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer')
          .type('text/plain; charset=utf-8')
          .send('Geef het token van METRICS_TOKEN mee (Authorization: Bearer …).\n');
      reply.type(platform.metrics.registry.contentType);
      return platform.metrics.registry.metrics();
    });
  }

  app.get('/.well-known/security.txt', { config: bare }, async (_req, reply) => {
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400');
    return securityTxt(platform.config.securityContact, platform.config.baseUrl, platform.now());
  });

  app.get('/assets/*', { config: bare }, async (req, reply) => {
    const asset = platform.assets.find(req.url.split('?')[0]!);
    if (!asset) return reply.status(404).type('text/plain; charset=utf-8').send('Niet gevonden');
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', asset.etag);
    reply.header('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    const { body, encoding } = platform.assets.encode(asset, req.headers['accept-encoding']);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.type(asset.type).send(body);
  });
}
