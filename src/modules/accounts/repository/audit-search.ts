// Searching the audit log: by action prefix, actor, result, dates and (for a board)
// organisations; newest first, a page at a time (keyset on (at, id), so a page is as fast deep
// in the log as at its start), with the names of people and organisations the entries are about.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { escapeLike } from './like-pattern.ts';

type Db = Kysely<DB>;

export interface AuditFilter {
  action?: string;
  who?: string;
  result?: 'ok' | 'geweigerd' | 'mislukt';
  from?: string;
  to?: string;
  /** Only entries about these organisations (a board's view). */
  orgIds?: number[];
}

/** Where a page starts: entries older than `before`, or newer than `after` (both entry ids). */
export interface AuditCursor {
  before?: number;
  after?: number;
}

function filtered(q: ReturnType<typeof entries>, f: AuditFilter) {
  if (f.action) q = q.where('a.action', 'like', `${escapeLike(f.action)}%`);
  if (f.who) q = q.where('a.actor_label', 'ilike', `%${escapeLike(f.who)}%`);
  if (f.result) q = q.where('a.result', '=', f.result);
  if (f.from) q = q.where('a.at', '>=', sql<Date>`${f.from}::date`);
  if (f.to) q = q.where('a.at', '<', sql<Date>`${f.to}::date + 1`);
  if (f.orgIds) q = q.where('a.organisation_id', 'in', f.orgIds.length ? f.orgIds : [-1]);
  return q;
}

function entries(db: Db) {
  return db
    .selectFrom('audit_event as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .leftJoin('person as p', 'p.id', 'a.actor_person_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_label',
      'p.name as actor_name',
      'a.action',
      'a.object_type',
      'a.object_id',
      'a.result',
      'a.ip',
      'o.name as organisation_name',
    ]);
}

export type AuditRow = Awaited<ReturnType<ReturnType<typeof entries>['execute']>>[number];

export interface AuditPageRows {
  rows: AuditRow[];
  /** Whether there are newer / older entries than this page. */
  newer: boolean;
  older: boolean;
}

/** One page of entries, newest first. */
export async function searchAudit(
  db: Db,
  f: AuditFilter,
  cursor: AuditCursor = {},
  size = 50,
): Promise<AuditPageRows> {
  // The cursor entry's (at, id): a row comparison against it walks the (at) index.
  const at = (id: number) => sql`(select at, id from audit_event where id = ${id})`;
  let q = filtered(entries(db), f);
  if (cursor.after) {
    q = q
      .where(sql<boolean>`(a.at, a.id) > ${at(cursor.after)}`)
      .orderBy('a.at')
      .orderBy('a.id');
  } else {
    if (cursor.before) q = q.where(sql<boolean>`(a.at, a.id) < ${at(cursor.before)}`);
    q = q.orderBy('a.at', 'desc').orderBy('a.id', 'desc');
  }
  const found = await q.limit(size + 1).execute();
  const more = found.length > size;
  const rows = found.slice(0, size);
  if (cursor.after) {
    rows.reverse();
    return { rows, newer: more, older: true };
  }
  return { rows, newer: Boolean(cursor.before), older: more };
}

/** Every matching entry up to `max`, newest first (the CSV export). */
export async function exportAudit(db: Db, f: AuditFilter, max: number) {
  return filtered(entries(db), f).orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(max).execute();
}

/** The names of the people and organisations that entries are about, by "type:id". */
export async function objectNames(db: Db, rows: Pick<AuditRow, 'object_type' | 'object_id'>[]) {
  const ids = (types: string[]) => [
    ...new Set(
      rows
        .filter((r) => r.object_type && types.includes(r.object_type) && /^\d{1,9}$/.test(r.object_id ?? ''))
        .map((r) => Number(r.object_id)),
    ),
  ];
  const names = new Map<string, string>();
  const people = ids(['person']);
  const orgs = ids(['school', 'organisation']);
  if (people.length)
    for (const p of await db.selectFrom('person').select(['id', 'name']).where('id', 'in', people).execute())
      names.set(`person:${p.id}`, p.name);
  if (orgs.length)
    for (const o of await db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('id', 'in', orgs)
      .execute()) {
      names.set(`school:${o.id}`, o.name);
      names.set(`organisation:${o.id}`, o.name);
    }
  return names;
}
