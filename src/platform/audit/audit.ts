// The audit trail: who did what, to which object, with what result, from where. Every write,
// sign-in and export lands here. Callers pass ids and labels, never secrets or pupil data.
import type { Kysely } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { DB } from '../db/schema.ts';

export type AuditResult = 'ok' | 'geweigerd' | 'mislukt';

export interface AuditEntry {
  action: string;
  result?: AuditResult;
  objectType?: string;
  objectId?: string | number;
  organisationId?: number | null;
  actorPersonId?: number | null;
  actorLabel?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/** Writes one audit row. Pass a transaction to make the row part of the change it records. */
export async function writeAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      action: e.action,
      result: e.result ?? 'ok',
      object_type: e.objectType ?? null,
      object_id: e.objectId === undefined ? null : String(e.objectId),
      organisation_id: e.organisationId ?? null,
      actor_person_id: e.actorPersonId ?? null,
      actor_label: e.actorLabel ?? null,
      ip: e.ip ?? null,
      request_id: e.requestId ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

/** Audit fields taken from a request: the actor, the address and the request id. */
export function auditSource(
  req: FastifyRequest,
): Pick<AuditEntry, 'actorPersonId' | 'actorLabel' | 'ip' | 'requestId'> {
  return {
    actorPersonId: req.principal?.personId ?? null,
    actorLabel: req.principal?.email ?? null,
    ip: req.ip,
    requestId: req.id,
  };
}

/** The audit actions a route declared in `config.audit`. */
export function declaredAuditActions(req: FastifyRequest): readonly string[] {
  const declared = req.routeOptions.config?.audit;
  return declared === undefined ? [] : typeof declared === 'string' ? [declared] : declared;
}

/**
 * Audits a write done for a request and marks the request as audited, so the safety net
 * (audit-net.ts) does not add a generic row as well. The action must be one the route
 * declared: the declarations are the route's contract, and the authorization matrix checks
 * that each write leaves exactly such a row.
 */
export async function audit(req: FastifyRequest, db: Kysely<DB>, e: Omit<AuditEntry, 'ip' | 'requestId'>) {
  if (!declaredAuditActions(req).includes(e.action))
    throw new Error(
      `Auditactie '${e.action}' is niet gedeclareerd in config.audit van ${req.method} ${req.routeOptions.url}.`,
    );
  req.audited = true;
  await writeAudit(db, { ...auditSource(req), ...e });
}
