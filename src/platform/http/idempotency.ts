// One creation per form, however often it is posted (issue 9, finding 15). A form that creates
// something carries a random key (IdempotencyField); the handler wraps its creation in
// createOnce() inside its writing transaction. The first post with a key inserts the key row
// and, when the creation succeeds, records where it sent the browser; a second post with the
// same key (a double click, a resent form, two tabs) waits on the key's unique index until the
// first commits, then does not create again and is sent to the first post's result.
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The hidden form field that carries the key. */
export const idempotencyField = '_sleutel';
const keyShape = /^[A-Za-z0-9_-]{16,64}$/;

/** A new random key for a form (144 bits). */
export function newIdempotencyKey(): string {
  return crypto.randomBytes(18).toString('base64url');
}

/** The form's key when it has a well-formed one, else undefined (the post is then not deduplicated). */
export function idempotencyKeyOf(form: Record<string, unknown>): string | undefined {
  const k = form[idempotencyField];
  return typeof k === 'string' && keyShape.test(k) ? k : undefined;
}

export interface CreateOutcome {
  /** Where to send the browser: the new object's page, or null when the creation was refused. */
  location: string | null;
  /** True when an earlier post with this key created it; nothing was created now. */
  repeated: boolean;
}

/**
 * Runs `create` once per (person, route, key). `create` returns the location of its result, or
 * null when it refused (then the key is released, so the corrected form may use it again).
 * Call inside the transaction that writes, so the key and the creation commit together.
 */
export async function createOnce(
  trx: Transaction<DB> | Kysely<DB>,
  req: FastifyRequest,
  form: Record<string, unknown>,
  create: () => Promise<string | null>,
): Promise<CreateOutcome> {
  const key = idempotencyKeyOf(form);
  const personId = req.principal?.personId;
  if (!key || !personId) return { location: await create(), repeated: false };
  const route = req.routeOptions.url ?? req.url;
  const claimed = await trx
    .insertInto('idempotency_key')
    .values({ key, person_id: personId, route })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  const thisKey = (eb: ExpressionBuilder<DB, 'idempotency_key'>) =>
    eb.and([eb('person_id', '=', personId), eb('route', '=', route), eb('key', '=', key)]);
  if (!claimed) {
    const first = await trx
      .selectFrom('idempotency_key')
      .select('location')
      .where(thisKey)
      .executeTakeFirst();
    return { location: first?.location ?? null, repeated: true };
  }
  const location = await create();
  if (location) await trx.updateTable('idempotency_key').set({ location }).where(thisKey).execute();
  else await trx.deleteFrom('idempotency_key').where(thisKey).execute();
  // Keys only matter for minutes; a person's keys older than a day are forgotten here.
  await trx
    .deleteFrom('idempotency_key')
    .where('person_id', '=', personId)
    .where('created_at', '<', new Date(Date.now() - 24 * 3600 * 1000))
    .execute();
  return { location, repeated: false };
}

export const idempotencyPurgeQueue = 'formuliersleutels-opruimen';

/**
 * Forgets every key older than a day (a form is not resent a day later), also of people who
 * never create anything again; run hourly by a job. Returns how many went.
 */
export async function purgeIdempotencyKeys(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('idempotency_key')
    .where('created_at', '<', new Date(now.getTime() - 24 * 3600 * 1000))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
