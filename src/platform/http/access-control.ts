// Loads the signed-in person and enforces each route's declared access, for every route.
// A route without an access declaration refuses to register, so nothing is open by accident;
// neither does a write route that does not name its audit actions.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decide, scopeParam, type Target } from '../auth/access.ts';
import { loadPrincipal, sessionCookie } from '../auth/session.ts';
import { writeAudit, auditSource } from '../audit/audit.ts';
import { sendErrorPage } from './error-pages.tsx';
import { parseId } from '../input/strict.ts';

async function findTarget(app: FastifyInstance, req: FastifyRequest, param: string): Promise<Target | null> {
  const raw = (req.params as Record<string, string>)[param];
  const id = parseId(raw);
  if (id === null) return null;
  // The person's own organisations came with the session, read in this same request: no second
  // read for the common case of someone working on their own school or board.
  const own = req.principal?.memberships.find((m) => m.organisationId === id);
  if (own) return { id, kind: own.organisationKind, parentId: own.parentId };
  const org = await app.platform.database.db
    .selectFrom('organisation')
    .select(['id', 'kind', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return org ? { id: org.id, kind: org.kind, parentId: org.parent_id } : null;
}

export function registerAccessControl(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    // HEAD routes are generated from GET routes and share their config.
    if (!route.config?.access && route.method !== 'HEAD') {
      throw new Error(`Route ${String(route.method)} ${route.url} heeft geen toegangsregel (config.access).`);
    }
    // Every write names the audit actions it records (DESIGN.md §3 rule 7): audit() accepts
    // only those, and the authorization matrix checks that a successful write leaves one.
    const writes = [route.method].flat().some((m) => !['GET', 'HEAD', 'OPTIONS'].includes(m));
    if (writes && !route.config?.audit) {
      throw new Error(`Route ${String(route.method)} ${route.url} noemt geen auditactie (config.audit).`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.platform.routes.push({
          method,
          url: route.url,
          config: route.config ?? {},
          schema: route.schema,
        });
    }
  });

  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.bare) return;
    const token = req.cookies[sessionCookie];
    if (token) req.principal = await loadPrincipal(app.platform.database.db, token, app.platform.now());
  });

  app.addHook('preValidation', async (req, reply) => {
    const rule = req.routeOptions.config?.access;
    if (!rule) return; // 404 handler
    const param = scopeParam(rule);
    const target = param ? await findTarget(app, req, param) : undefined;
    const decision = decide(req.principal, rule, target);
    if (decision === 'allow') return;
    if (decision === 'sign-in') {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) {
        return reply.redirect(`/inloggen?terug=${encodeURIComponent(req.url)}`, 303);
      }
      return sendErrorPage(req, reply, 'signIn');
    }
    req.audited = true;
    await writeAudit(app.platform.database.db, {
      ...auditSource(req),
      action: 'toegang.geweigerd',
      result: 'geweigerd',
      objectType: 'route',
      objectId: `${req.method} ${req.routeOptions.url}`,
      organisationId: target?.id ?? null,
    });
    return sendErrorPage(req, reply, 'forbidden');
  });

  app.addHook('preHandler', (req, reply, done) => {
    const unsafe = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    if (!unsafe || req.routeOptions.config?.csrf === false) return done();
    app.csrfProtection(req, reply, done);
  });
}
