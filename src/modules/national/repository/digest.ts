// A fingerprint and the counts of the national dataset. The fingerprint covers the rows by
// their natural keys (codes, e-mail addresses), not by generated ids or import timestamps, so
// two runs with the same seed on two empty databases give the same fingerprint.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { nationalDomain } from '../services/people.ts';

export interface NationalDigest {
  organisations: string;
  pupilCounts: string;
  people: string;
  memberships: string;
  allocations: string;
  /** CBS scores by vestigingscode, with the school they are linked to. */
  scores: string;
  /** How many history rows of each kind the imports wrote (a repeated import writes none). */
  history: string;
}

const like = `%@${nationalDomain}`;

export async function nationalDigest(db: Kysely<DB>): Promise<NationalDigest> {
  const one = async (q: ReturnType<typeof sql<{ h: string | null }>>) =>
    (await q.execute(db)).rows[0]?.h ?? 'leeg';
  return {
    organisations: await one(sql<{ h: string | null }>`
      select md5(string_agg(concat_ws('|', o.kind, o.code, o.name, o.sector, p.kind, p.code,
        o.instellingscode, o.municipality_code, o.place, o.denomination, (o.closed_on is null)::text),
        E'\\n' order by o.kind, o.code, o.name)) as h
      from organisation o left join organisation p on p.id = o.parent_id`),
    pupilCounts: await one(sql<{ h: string | null }>`
      select md5(string_agg(concat_ws('|', o.code, c.teldatum::text, c.category, c.pupils, c.below_five::text),
        E'\\n' order by o.code, c.teldatum, c.category)) as h
      from pupil_count c join organisation o on o.id = c.organisation_id`),
    people: await one(sql<{ h: string | null }>`
      select md5(string_agg(concat_ws('|', email, name, password_hash, password_changed_at::text,
        totp_secret, totp_enabled_at::text, created_at::text, disabled_at::text),
        E'\\n' order by lower(email))) as h
      from person where lower(email) like ${like}`),
    memberships: await one(sql<{ h: string | null }>`
      select md5(string_agg(concat_ws('|', lower(p.email), o.kind, o.code, m.role, m.created_at::text),
        E'\\n' order by lower(p.email), o.kind, o.code, m.role)) as h
      from membership m join person p on p.id = m.person_id join organisation o on o.id = m.organisation_id
      where lower(p.email) like ${like}`),
    allocations: await one(sql<{ h: string | null }>`
      select md5(string_agg(concat_ws('|', y.label, o.code, a.school_type, a.status, a.pupils,
        a.base_cents, a.supplement_cents, a.total_cents, a.lines::text),
        E'\\n' order by y.label, o.code)) as h
      from funding_year f
      join school_year y on y.id = f.school_year_id
      join allocation a on a.run_id = f.current_run_id
      join organisation o on o.id = a.school_id`),
    scores: await one(sql<{ h: string | null }>`
      select md5(string_agg(concat_ws('|', s.vestigingscode, s.peildatum::text, s.indicator, o.code, s.pupils,
        s.score_hundredths, s.score_unthresholded_hundredths),
        E'\n' order by s.vestigingscode, s.peildatum, s.indicator)) as h
      from achterstandsscore s left join organisation o on o.id = s.organisation_id`),
    history: await one(sql<{ h: string | null }>`
      select string_agg(concat_ws(':', change, n), ',' order by change) as h
      from (select change, count(*)::text as n from organisation_change group by change) c`),
  };
}

export interface NationalCounts {
  schools: number;
  schoolsBySector: Record<string, number>;
  boards: number;
  pupils: number;
  pupilsTeldatum: string | null;
  people: number;
  memberships: Record<string, number>;
}

export async function nationalCounts(db: Kysely<DB>): Promise<NationalCounts> {
  const sectors = await db
    .selectFrom('organisation')
    .select(['sector', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'school')
    .where('closed_on', 'is', null)
    .groupBy('sector')
    .orderBy('sector')
    .execute();
  const boards = await sql<{ n: number }>`
    select count(*)::int as n from organisation b
    where b.kind = 'bestuur'
      and exists (select 1 from organisation s where s.parent_id = b.id and s.kind = 'school' and s.closed_on is null)`.execute(
    db,
  );
  // The teldatum with the most pupils counted is the one that covers every sector.
  const pupils = await sql<{ teldatum: string; n: number }>`
    select teldatum::text as teldatum, sum(pupils)::bigint as n from pupil_count
    where category = 'totaal' group by teldatum order by n desc, teldatum desc limit 1`.execute(db);
  const people = await sql<{ n: number }>`
    select count(*)::int as n from person where lower(email) like ${like}`.execute(db);
  const memberships = await sql<{ role: string; n: number }>`
    select m.role, count(*)::int as n from membership m join person p on p.id = m.person_id
    where lower(p.email) like ${like} group by m.role order by m.role`.execute(db);
  return {
    schools: sectors.reduce((s, r) => s + Number(r.n), 0),
    schoolsBySector: Object.fromEntries(sectors.map((r) => [r.sector ?? '?', Number(r.n)])),
    boards: boards.rows[0]?.n ?? 0,
    pupils: Number(pupils.rows[0]?.n ?? 0),
    pupilsTeldatum: pupils.rows[0]?.teldatum ?? null,
    people: people.rows[0]?.n ?? 0,
    memberships: Object.fromEntries(memberships.rows.map((r) => [r.role, r.n])),
  };
}

/** One generated school leader and one board account (with its TOTP key), to try signing in. */
export async function exampleAccounts(db: Kysely<DB>) {
  const first = (prefix: string) =>
    db
      .selectFrom('person')
      .select(['email', 'totp_secret'])
      .where(sql<string>`lower(email)`, 'like', `${prefix}.%@${nationalDomain}`)
      .orderBy('email')
      .limit(1)
      .executeTakeFirst();
  return { schoolleider: await first('schoolleider'), bestuur: await first('bestuur') };
}
