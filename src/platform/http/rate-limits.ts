// Per-route rate limits for form posts (route `config.rateLimit`), as shares of FORM_RATE_LIMIT.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/**
 * A public form, limited per address (in memory, per instance): a share of
 * FORM_RATE_LIMIT posts per minute, at least one.
 */
export function publicFormLimit(config: Pick<Config, 'formRateLimit'>, share: number) {
  return {
    max: Math.max(1, Math.ceil(config.formRateLimit * share)),
    timeWindow: '1 minute',
  };
}

/**
 * A form behind a session, limited per person instead of per address: a whole school often
 * shares one address, so an address limit would let one person lock out the colleagues. The
 * key is made after the session is loaded (preHandler); without one it falls back to the address.
 */
export function perPersonLimit(config: Pick<Config, 'formRateLimit'>, share: number) {
  return {
    ...publicFormLimit(config, share),
    hook: 'preHandler' as const,
    keyGenerator: (req: FastifyRequest) => `persoon-${req.principal?.personId ?? req.ip}`,
  };
}
