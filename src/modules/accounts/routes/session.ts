// The session cookie and the sessions started for a request (sign-in, invitation, step up),
// and the signed-in person's row: shared by the accounts routes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  createSession,
  endSession,
  sessionCookie,
  sessionLifetimeMs,
} from '../../../platform/auth/session.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Platform } from '../../../platform/platform.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { findPerson } from '../repository/people.ts';

const cookieOptions = (platform: Platform) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure: platform.config.secureCookies }) as const;

export function setSessionCookie(platform: Platform, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookie, token, {
    ...cookieOptions(platform),
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  });
}

export function clearSessionCookie(platform: Platform, reply: FastifyReply) {
  reply.clearCookie(sessionCookie, cookieOptions(platform));
}

/** A new session for a person, noting the address and browser of the request. */
export function startSession(
  db: Kysely<DB>,
  req: FastifyRequest,
  personId: number,
  opts: { now: Date; secondFactorPending?: boolean; mfaVerified?: boolean },
) {
  return createSession(db, personId, { ip: req.ip, userAgent: req.headers['user-agent'], ...opts });
}

/**
 * After the second factor: the old session ends and the person gets a new token (step up), so
 * a token seen before the code was given is worth nothing from now on.
 */
export async function stepUpSession(
  trx: Kysely<DB>,
  req: FastifyRequest,
  personId: number,
  oldSessionId: string,
  now: Date,
) {
  await endSession(trx, oldSessionId);
  return startSession(trx, req, personId, { mfaVerified: true, now });
}

/** The person row of the signed-in person (404 when it is gone). */
export async function signedInPerson(db: Kysely<DB>, req: FastifyRequest) {
  const person = await findPerson(db, req.principal!.personId);
  if (!person) throw notFound();
  return person;
}
