// Searching the audit log: by action prefix, actor, result, dates and (for a board) organisations.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { escapeLike } from './like-pattern.ts';

export interface AuditFilter {
  action?: string;
  who?: string;
  result?: 'ok' | 'geweigerd' | 'mislukt';
  from?: string;
  to?: string;
  /** Only entries about these organisations (a board's view). */
  orgIds?: number[];
}

export type AuditRow = Awaited<ReturnType<typeof searchAudit>>[number];

export async function searchAudit(db: Kysely<DB>, f: AuditFilter, limit = 100) {
  let q = db
    .selectFrom('audit_event as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_label',
      'a.action',
      'a.object_type',
      'a.object_id',
      'a.result',
      'a.ip',
      'o.name as organisation_name',
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit);
  if (f.action) q = q.where('a.action', 'like', `${escapeLike(f.action)}%`);
  if (f.who) q = q.where('a.actor_label', 'ilike', `%${escapeLike(f.who)}%`);
  if (f.result) q = q.where('a.result', '=', f.result);
  if (f.from) q = q.where('a.at', '>=', sql<Date>`${f.from}::date`);
  if (f.to) q = q.where('a.at', '<', sql<Date>`${f.to}::date + 1`);
  if (f.orgIds) q = q.where('a.organisation_id', 'in', f.orgIds.length ? f.orgIds : [-1]);
  return q.execute();
}
