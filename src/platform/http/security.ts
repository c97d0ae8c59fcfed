// Security headers. The CSP allows nothing inline and nothing from elsewhere: scripts, styles,
// images and fonts come from this origin only.
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Every response gets the headers of helmetOptions. Helmet's middleware is made once here:
 * @fastify/helmet made it anew for every request (parsing the CSP each time), which cost the
 * busiest pages a few per cent of the process for headers that never change.
 */
export function securityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  const apply = helmet(helmetOptions(opts));
  app.addHook('onRequest', (req, reply, done) => {
    apply(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}

export function helmetOptions(opts: { https: boolean }): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(opts.https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: { maxAge: 63072000, includeSubDomains: true, preload: false },
    referrerPolicy: { policy: 'same-origin' },
    xContentTypeOptions: true,
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  };
}

export function securityTxt(contact: string, baseUrl: string, now: Date): string {
  const expires = new Date(now.getTime() + 180 * 24 * 3600 * 1000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    `Contact: ${contact}`,
    `Expires: ${expires.toISOString()}`,
    'Preferred-Languages: nl, en',
    `Canonical: ${baseUrl}/.well-known/security.txt`,
    `Policy: ${baseUrl}/toegankelijkheid#kwetsbaarheid`,
    '',
  ].join('\n');
}
