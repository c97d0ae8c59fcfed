// The schools a dashboard filter selects, as SQL common table expressions that every monitoring
// query starts with: `scope_schools (id, sector, board_id, closed_on)`. Computed in the database
// in one pass over the schools (no list of ids travels to Node and back).
import { sql, type RawBuilder } from 'kysely';
import { boardSizes, type MonitoringFilter } from '../services/monitoring-filters.ts';

/** The sector group of a school, as the national monitor reports it. */
export const sectorGroupSql = sql`case o.sector when 'VO' then 'vo' when 'BO' then 'po' when 'SBO' then 'po' else 'vso' end`;

function conditions(f: MonitoringFilter): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.sector) out.push(sql`${sectorGroupSql} = ${f.sector}`);
  if (f.provincie) out.push(sql`mp.province = ${f.provincie}`);
  if (f.denominatie) out.push(sql`o.denomination = ${f.denominatie}`);
  if (f.bestuursgrootte) {
    const band = boardSizes.find((b) => b.value === f.bestuursgrootte)!;
    out.push(sql`coalesce(bs.n, 0) between ${band.min} and ${band.max}`);
  }
  if (f.achterstand) out.push(sql`coalesce(sb.band, 'geen') = ${f.achterstand}`);
  return out;
}

/**
 * `with … scope_schools as (…)`: the CTEs, ready to be followed by the query's own select. The
 * score bands and board sizes are only computed when their filter is used.
 */
export function scopeCte(f: MonitoringFilter): RawBuilder<unknown> {
  const where = conditions(f);
  const scores = f.achterstand
    ? sql`score_bands as (
        select organisation_id,
          case when score_hundredths = 0 then 'geen'
               else 'k' || ntile(4) over (partition by indicator, score_hundredths = 0 order by score_hundredths)
          end as band
        from (
          select distinct on (organisation_id) organisation_id, indicator, score_hundredths
          from achterstandsscore where organisation_id is not null
          order by organisation_id, peildatum desc, indicator
        ) newest
      ),`
    : sql`score_bands as (select null::integer as organisation_id, null::text as band where false),`;
  const sizes = f.bestuursgrootte
    ? sql`board_sizes as (
        select parent_id as board_id, count(*)::int as n from organisation
        where kind = 'school' and closed_on is null group by parent_id
      ),`
    : sql`board_sizes as (select null::integer as board_id, null::int as n where false),`;
  const filter = where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``;
  return sql`with ${scores} ${sizes}
    scope_schools as (
      select o.id, ${sectorGroupSql} as sector, o.parent_id as board_id, o.closed_on
      from organisation o
      left join municipality_province mp on mp.municipality_code = o.municipality_code
      left join board_sizes bs on bs.board_id = o.parent_id
      left join score_bands sb on sb.organisation_id = o.id
      where o.kind = 'school' ${filter}
    )`;
}
