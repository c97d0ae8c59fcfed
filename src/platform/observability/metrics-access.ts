// Who may read /metrics: the numbers show traffic, errors and queue sizes, which help an
// attacker time or tune an attack, so only the monitoring reads them (a bearer token, or a
// separate listener that only the monitoring network reaches).
import crypto from 'node:crypto';
import http from 'node:http';
import type { Metrics } from './metrics.ts';

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

/** Whether an Authorization header carries the token (compared in constant time). */
export function hasMetricsToken(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
  return crypto.timingSafeEqual(digest(given), digest(token));
}

/**
 * A listener for METRICS_PORT that serves GET /metrics and nothing else; with a token
 * configured it asks for it here too.
 */
export async function startMetricsServer(
  metrics: Metrics,
  opts: { port: number; host: string; token?: string },
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const url = (req.url ?? '').split('?')[0];
    if (url !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Niet gevonden\n');
      return;
    }
    if (opts.token && !hasMetricsToken(req.headers.authorization, opts.token)) {
      res
        .writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' })
        .end('Geef het token van METRICS_TOKEN mee (Authorization: Bearer …).\n');
      return;
    }
    try {
      const body = await metrics.registry.metrics();
      res
        .writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' })
        .end(body);
    } catch {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics niet beschikbaar\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
