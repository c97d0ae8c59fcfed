// Every failure ends in a clear page in the visitor's language (or JSON under /api): 404, 403,
// an expired form, too much data, too many requests and, for our own faults, 500 with a
// reference that is also in the log. Never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Layout } from '../../ui/layout.tsx';
import { Heading, Paragraph, Link } from '../../ui/components.tsx';
import { errorText } from '../../ui/messages.ts';
import { fieldProblems, validationContext, type FieldProblem } from './validation-problems.ts';

type Kind =
  'notFound' | 'forbidden' | 'csrf' | 'tooLarge' | 'badRequest' | 'tooMany' | 'serverError' | 'signIn';

const statusOf: Record<Kind, number> = {
  notFound: 404,
  forbidden: 403,
  csrf: 403,
  tooLarge: 413,
  badRequest: 400,
  tooMany: 429,
  serverError: 500,
  signIn: 401,
};

export function classify(err: FastifyError): Kind {
  if (err.code?.startsWith('FST_CSRF')) return 'csrf';
  const s = err.statusCode ?? 500;
  if (s === 404) return 'notFound';
  if (s === 403) return 'forbidden';
  if (s === 401) return 'signIn';
  if (s === 413) return 'tooLarge';
  if (s === 429) return 'tooMany';
  if (s >= 400 && s < 500) return 'badRequest';
  return 'serverError';
}

/**
 * `detail` (Dutch) says what exactly was wrong and what to do, below the general text;
 * `problems` lists the fields a route schema refused. Under /api the answer is problem
 * details (RFC 9457) with the same facts.
 */
export function sendErrorPage(
  req: FastifyRequest,
  reply: FastifyReply,
  kind: Kind,
  detail?: string,
  problems: FieldProblem[] = [],
) {
  const status = statusOf[kind];
  if (req.url.startsWith('/api/')) {
    return reply
      .status(status)
      .type('application/problem+json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send({
        type: 'about:blank',
        title: errorText('nl')[`${kind}Title`],
        status,
        detail: detail ?? errorText('nl')[`${kind}Body`],
        instance: req.url.split('?')[0],
        reference: req.id,
        ...(problems.length ? { errors: problems } : {}),
      });
  }
  const ctx = reply.ctx();
  const t = errorText(ctx.locale);
  const title = t[`${kind}Title`];
  return reply.page(
    <Layout ctx={ctx} title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        {t[`${kind}Body`]}
        {kind === 'serverError' && (
          <>
            {' '}
            <strong class="npo-reference">{req.id}</strong>
          </>
        )}
      </Paragraph>
      {detail && <Paragraph>{detail}</Paragraph>}
      {problems.length > 0 && (
        <div class="utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="fout-opsomming">
          <Heading level={2} id="fout-opsomming">
            {ctx.locale === 'nl' ? 'Wat niet klopte' : 'What was wrong'}
          </Heading>
          <ul>
            {problems.map((p) => (
              <li key={p.field}>
                {p.field ? <code>{p.field}</code> : null} {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {kind === 'signIn' ? (
        <Paragraph>
          <Link href={`/inloggen?terug=${encodeURIComponent(req.url)}`}>
            {errorText(ctx.locale).signInTitle}
          </Link>
        </Paragraph>
      ) : (
        <Paragraph>
          <Link href="/">{t.backHome}</Link>
        </Paragraph>
      )}
    </Layout>,
    status,
  );
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setNotFoundHandler((req, reply) => sendErrorPage(req, reply, 'notFound'));
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const kind = classify(err);
    if (kind === 'serverError') {
      req.log.error({ err, reference: req.id }, 'Onverwachte fout');
    } else {
      req.log.info({ code: err.code, status: err.statusCode }, err.message);
    }
    const headers = (err as FastifyError & { headers?: Record<string, string> }).headers;
    if (err.statusCode === 429 && headers) reply.headers(headers);
    const context = validationContext(err);
    // A path that does not name a real object (/scholen/abc) is not found, not a bad request.
    if (context === 'params') return sendErrorPage(req, reply, 'notFound');
    if (context)
      return sendErrorPage(req, reply, 'badRequest', undefined, fieldProblems(err, reply.ctx().locale));
    return sendErrorPage(req, reply, kind);
  });
}
