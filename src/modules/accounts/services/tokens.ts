// Single-use links (invitations, password resets, unlock links): a random token for the mail,
// only its hash in the database.
import crypto from 'node:crypto';
import { hashToken } from '../../../platform/auth/session.ts';

export function newToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Whether a value has the shape of a token made by newToken (anything else is unknown). */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{40,60}$/.test(token);
}
