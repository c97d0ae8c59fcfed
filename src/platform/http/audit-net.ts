// A safety net for DESIGN.md §3 rule 7: every write request leaves an audit row. Handlers
// that audit with a precise action (audit() in platform/audit) mark the request as audited;
// any other write, including refused and failed ones, gets a generic row here.
// Except a refused or failed write by nobody in particular (no session: a forged or expired
// form, a bot): the audit trail records what a person did, and anyone could fill it with such
// rows, unthrottled. Those are counted in npo_refused_writes_total and logged instead.
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../observability/metrics.ts';
import { auditSource, writeAudit } from '../audit/audit.ts';

/** Refused or failed writes without a signed-in person, by route and status. */
export const refusedAnonymousWrites = (metrics: Metrics) =>
  metrics.counter('npo_refused_writes_total', 'Geweigerde of mislukte schrijfverzoeken zonder sessie', [
    'method',
    'route',
    'status',
  ]);

export function registerAuditNet(app: FastifyInstance) {
  // onSend, not onResponse: the row is written before the client sees the answer.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return payload;
    if (req.audited || !req.routeOptions.url) return payload;
    req.audited = true;
    const status = reply.statusCode;
    if (!req.principal && status >= 400) {
      const route = req.routeOptions.url;
      refusedAnonymousWrites(app.platform.metrics).inc({ method: req.method, route, status: String(status) });
      req.log.warn({ route, status }, 'Schrijfverzoek zonder sessie geweigerd');
      return payload;
    }
    try {
      await writeAudit(app.platform.database.db, {
        ...auditSource(req),
        action: `http.${req.method.toLowerCase()}`,
        objectType: 'route',
        objectId: req.routeOptions.url,
        result:
          status < 400 ? 'ok' : status === 401 || status === 403 || status === 429 ? 'geweigerd' : 'mislukt',
        details: { status },
      });
    } catch (err) {
      req.log.error({ err }, 'Auditregel kon niet worden geschreven');
    }
    return payload;
  });
}
