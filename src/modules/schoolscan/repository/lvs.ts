// LVS data: the per-school secret, import records and the pseudonymous results. Kysely only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Moment } from '../tables.ts';

type Db = Kysely<DB>;

/**
 * The school's secret, made with `make()` the first time (safe against a parallel first import).
 * The row stays locked until the caller's transaction ends: a school's imports are stored one
 * after the other, so upsertResults sees what an import just before it stored.
 */
export async function schoolSecret(db: Db, schoolId: number, make: () => Buffer): Promise<Buffer> {
  await db
    .insertInto('lvs_school_key')
    .values({ school_id: schoolId, secret: make() })
    .onConflict((oc) => oc.column('school_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('lvs_school_key')
    .select('secret')
    .where('school_id', '=', schoolId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return Buffer.from(row.secret);
}

export interface ImportRecord {
  schoolId: number;
  personId: number | null;
  fileName: string;
  sizeBytes: number;
  encoding: string;
  delimiter: string;
  rows: number;
  pupils: number;
  schoolYears: string[];
  warnings: string[];
}

export async function insertImport(db: Db, r: ImportRecord): Promise<number> {
  const row = await db
    .insertInto('lvs_import')
    .values({
      school_id: r.schoolId,
      person_id: r.personId,
      file_name: r.fileName,
      size_bytes: r.sizeBytes,
      encoding: r.encoding,
      delimiter: r.delimiter,
      rows: r.rows,
      pupils: r.pupils,
      school_years: r.schoolYears,
      warnings: JSON.stringify(r.warnings),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ResultInsert {
  pupilHash: string;
  grade: number;
  provider: string;
  subject: string;
  yearStart: number;
  moment: Moment;
  testDate: string | null;
  rawScore: number | null;
  ability: number;
  level: string | null;
  referenceLevel: string | null;
  dle: number | null;
}

/**
 * Stores results in chunks; a result for the same pupil, provider, subject and moment that an
 * earlier import stored is replaced (and then belongs to this import).
 */
export async function upsertResults(db: Db, schoolId: number, importId: number, rows: ResultInsert[]) {
  // A school's first import cannot replace anything: a plain insert skips the speculative
  // insertion of `on conflict` (a probe of the unique index and a second write per row). The
  // unique index still guards the rule, and the caller's transaction holds both statements.
  const r = await sql<{ has: boolean }>`
    select exists (select 1 from lvs_result where school_id = ${schoolId}) as has`.execute(db);
  const replace = r.rows[0]?.has === true;
  // Large statements: per statement overhead (planning, the arrays' transfer) counts on PGlite;
  // 20,000 rows keep one statement's parameters at a few megabytes.
  const chunk = 20_000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arr = <T>(f: (r: ResultInsert) => T) => part.map(f);
    const onConflict = replace
      ? sql`on conflict (school_id, pupil_hash, provider, subject, year_start, moment) do update set
        import_id = excluded.import_id, grade = excluded.grade, test_date = excluded.test_date,
        raw_score = excluded.raw_score, ability = excluded.ability, level = excluded.level,
        reference_level = excluded.reference_level, dle = excluded.dle`
      : sql``;
    await sql`insert into lvs_result (school_id, import_id, pupil_hash, grade, provider, subject, year_start,
        moment, test_date, raw_score, ability, level, reference_level, dle)
      select ${schoolId}, ${importId}, * from unnest(
        ${arr((r) => r.pupilHash)}::text[], ${arr((r) => r.grade)}::smallint[], ${arr((r) => r.provider)}::text[],
        ${arr((r) => r.subject)}::text[], ${arr((r) => r.yearStart)}::smallint[], ${arr((r) => r.moment)}::text[],
        ${arr((r) => r.testDate)}::date[], ${arr((r) => r.rawScore)}::numeric[], ${arr((r) => r.ability)}::numeric[],
        ${arr((r) => r.level)}::text[], ${arr((r) => r.referenceLevel)}::text[], ${arr((r) => r.dle)}::smallint[])
      ${onConflict}`.execute(db);
  }
}

export async function importsOfSchool(db: Db, schoolId: number, limit = 20) {
  return db
    .selectFrom('lvs_import as i')
    .leftJoin('person as p', 'p.id', 'i.person_id')
    .select([
      'i.id',
      'i.created_at',
      'i.file_name',
      'i.rows',
      'i.pupils',
      'i.school_years',
      'i.warnings',
      'p.name as person_name',
    ])
    .where('i.school_id', '=', schoolId)
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}

export type ImportListRow = Awaited<ReturnType<typeof importsOfSchool>>[number];

/** A result as the analysis reads it: no key, only the school's pseudonym. */
export interface ResultRow {
  pupil: string;
  grade: number;
  provider: string;
  subject: string;
  yearStart: number;
  moment: Moment;
  ability: number;
  level: string | null;
}

/**
 * All of a school's results. Read as one text (a line per result, tab-separated) instead of a
 * row per result: a large school has tens of thousands, and per-row transfer and decoding was
 * most of the read's time on PGlite. Every field is a code, a number or a pseudonym (base64url),
 * so none contains a tab or a line break.
 */
export async function resultsOfSchool(db: Db, schoolId: number): Promise<ResultRow[]> {
  const r = await sql<{ lines: string | null }>`
    select string_agg(concat_ws(E'\t', pupil_hash, grade, provider, subject, year_start, moment, ability,
                                coalesce(level, '')), E'\n') as lines
    from lvs_result where school_id = ${schoolId}`.execute(db);
  const text = r.rows[0]?.lines;
  if (!text) return [];
  const out: ResultRow[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    out.push({
      pupil: f[0]!,
      grade: Number(f[1]),
      provider: f[2]!,
      subject: f[3]!,
      yearStart: Number(f[4]),
      moment: f[5] as Moment,
      ability: Number(f[6]),
      level: f[7] ? f[7] : null,
    });
  }
  return out;
}

/** Per school year in the data: results and distinct pupils (for the context step). */
export async function yearsOfSchool(db: Db, schoolId: number) {
  const r = await sql<{ yearStart: number; results: number; pupils: number }>`
    select year_start as "yearStart", count(*)::int as results, count(distinct pupil_hash)::int as pupils
    from lvs_result where school_id = ${schoolId} group by year_start order by year_start`.execute(db);
  return r.rows;
}

/**
 * What the school's results depend on: its newest import and how many of its imports the
 * retention job purged ('12:3'), or null when it has no imports. A new import or a purge
 * changes it.
 */
export async function dataMarker(db: Db, schoolId: number): Promise<string | null> {
  const r = await sql<{ newest: number | null; purged: number }>`
    select max(id) as newest, count(purged_at)::int as purged
    from lvs_import where school_id = ${schoolId}`.execute(db);
  const row = r.rows[0];
  return row?.newest == null ? null : `${row.newest}:${row.purged}`;
}

/** The id of the school's newest import, or null when it has none. */
export async function newestImportId(db: Db, schoolId: number): Promise<number | null> {
  const r = await db
    .selectFrom('lvs_import')
    .select('id')
    .where('school_id', '=', schoolId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.id ?? null;
}
