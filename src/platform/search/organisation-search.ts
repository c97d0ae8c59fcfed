// The where-clause of an organisation search on organisation.search_text (migration 0210):
// every word of the query must occur (LIKE '%word%', served by the trigram index), and an
// everyday place name is also tried as DUO writes it (Den Haag → 's-Gravenhage).
import { sql, type Expression, type SqlBool } from 'kysely';
import { placeAliases } from './place-names.ts';
import { queryVariants } from './search-text.ts';

/** The condition on `alias`.search_text for a query; null when the query has no letters or digits. */
export function organisationSearchCondition(q: string, alias = 'o'): Expression<SqlBool> | null {
  const variants = queryVariants(q, placeAliases());
  if (variants.length === 0) return null;
  const column = sql.ref(`${alias}.search_text`);
  // Words are [a-z0-9] only (searchKey), so nothing in them has a meaning in LIKE.
  const all = variants.map((words) =>
    sql.join(
      words.map((w) => sql`${column} like ${`%${w}%`}`),
      sql` and `,
    ),
  );
  return sql<SqlBool>`(${sql.join(
    all.map((a) => sql`(${a})`),
    sql` or `,
  )})`;
}
