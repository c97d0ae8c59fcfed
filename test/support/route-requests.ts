// Sending a request to any registered route the way the suites over all routes need it (the
// authorization matrix, two-factor gating, cross-tenant ids): path parameters and body from the
// route's config.examples, a session cookie, a valid CSRF token for writes, and its own address
// so that rate limits stay out of the way.
import Tokens from '@fastify/csrf';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ExampleTenant, RouteExamples } from '../../src/platform/http/fastify-types.ts';
import type { RegisteredRoute } from '../../src/platform/platform.ts';
import type { Outcome } from './subjects.ts';

const tokens = (Tokens as unknown as () => { secretSync(): string; create(secret: string): string })();

export function fillPath(url: string, params: Record<string, string | number>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`voorbeeld mist parameter :${name} voor ${url}`);
    return encodeURIComponent(String(params[name]));
  });
}

export async function exampleQuery(
  examples: RouteExamples | undefined,
  tenant: ExampleTenant,
): Promise<string> {
  const q = examples?.query;
  return typeof q === 'function' ? q(tenant) : (q ?? '');
}

export async function exampleBody(
  examples: RouteExamples | undefined,
  tenant: ExampleTenant,
): Promise<Record<string, string>> {
  return examples?.bodyFor ? examples.bodyFor(tenant) : (examples?.body ?? {});
}

export function classify(status: number, location: string | undefined): Outcome | 'not-found' | 'error' {
  if (status === 403) return 'deny';
  if (status === 401 || (status >= 300 && status < 400 && location?.startsWith('/inloggen?terug=')))
    return 'sign-in';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'error';
  return 'allow';
}

let counter = 0;

const boundary = '----npo-voorbeeld';

/** A multipart/form-data body with the fields first (the CSRF token among them) and one file. */
function multipart(
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; content: string },
) {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
  );
  return parts.join('') + `--${boundary}--\r\n`;
}

/**
 * Sends one request to a route: `params` fill the path, `objects` gives the tenant whose
 * example body and query are used (normally the same tenant as the path).
 */
export async function sendToRoute(
  app: FastifyInstance,
  route: RegisteredRoute,
  opts: {
    params: Record<string, string | number>;
    objects: ExampleTenant;
    cookie?: string;
  },
): Promise<LightMyRequestResponse> {
  const examples = route.config.examples;
  const url =
    fillPath(route.url, opts.params) +
    (route.method === 'GET' ? await exampleQuery(examples, opts.objects) : '');
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  if (route.method !== 'GET') {
    const secret = tokens.secretSync();
    headers.cookie = [opts.cookie, `npo_csrf=${app.signCookie(secret)}`].filter(Boolean).join('; ');
    const fields = { ...(await exampleBody(examples, opts.objects)), _csrf: tokens.create(secret) };
    if (examples?.file) {
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
      payload = multipart(fields, examples.file);
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(fields).toString();
    }
  } else if (opts.cookie) {
    headers.cookie = opts.cookie;
  }
  const n = ++counter;
  return app.inject({
    method: route.method as 'GET',
    url,
    headers,
    payload,
    remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  });
}
