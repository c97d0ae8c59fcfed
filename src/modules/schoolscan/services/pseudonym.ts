// Pupil keys never reach the database: each becomes an HMAC-SHA256 under a secret of its own
// school (lvs_school_key). The same pupil gets the same pseudonym at every import of that
// school, so results can be followed between moments; another school (or anyone without the
// secret) cannot link or reverse it.
import crypto from 'node:crypto';

/** A new per-school secret (256 bits). */
export function newSchoolSecret(): Buffer {
  return crypto.randomBytes(32);
}

/** The pseudonym of a pupil key: the key is trimmed and compared case-insensitively. */
export function pseudonymise(secret: Uint8Array, pupilKey: string): string {
  return crypto
    .createHmac('sha256', secret)
    .update(pupilKey.trim().toLowerCase(), 'utf8')
    .digest('base64url');
}
