// A safety net for DESIGN.md §3 rule 7: every write request leaves an audit row. Handlers
// that audit with a precise action (audit() in platform/audit) mark the request as audited;
// any other write, including refused and failed ones, gets a generic row here.
import type { FastifyInstance } from 'fastify';
import { auditSource, writeAudit } from '../audit/audit.ts';

export function registerAuditNet(app: FastifyInstance) {
  // onSend, not onResponse: the row is written before the client sees the answer.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return payload;
    if (req.audited || !req.routeOptions.url) return payload;
    req.audited = true;
    const status = reply.statusCode;
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
