// Small helpers shared by the accounts routes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookie, sessionLifetimeMs } from '../../platform/auth/session.ts';
import type { Platform } from '../../app.ts';

/** A posted form as plain strings (missing fields are ''). */
export function formOf(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (k !== '_csrf') out[k] = typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';
  return out;
}

export function queryOf(req: FastifyRequest): Record<string, string | undefined> {
  return (req.query ?? {}) as Record<string, string | undefined>;
}

export function setSessionCookie(platform: Platform, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: platform.config.secureCookies,
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  });
}

export function clearSessionCookie(platform: Platform, reply: FastifyReply) {
  reply.clearCookie(sessionCookie, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: platform.config.secureCookies,
  });
}

export function validEmail(s: string): boolean {
  return s.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
}

/** A 404 for objects that do not exist or belong to another tenant. */
export function notFound(): Error {
  return Object.assign(new Error('Niet gevonden'), { statusCode: 404 });
}
