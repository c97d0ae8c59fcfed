// School lookup (issue 11, item 7): one search text per organisation that ignores case, accents
// and punctuation — name, place, municipality, vestigingscode and postcode (with and without its
// space) — with a trigram index, so "oelebrod", "s gravenhage", "16ah00" and "7822hg" are found
// with an indexed LIKE. Built with translate() + lower() + regexp_replace() (no unaccent
// extension, which PGlite lacks). The letters are those of src/platform/search/search-text.ts
// (accentFrom/accentTo), copied here so this migration never changes; a test compares them.
import { sql, type Kysely } from 'kysely';

const accentFrom = 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿÑñÇç';
const accentTo = 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuYyyNnCc';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table organisation add column search_text text not null generated always as (
    trim(regexp_replace(lower(translate(
      coalesce(name, '') || ' ' || coalesce(place, '') || ' ' || coalesce(municipality_name, '') || ' ' ||
      coalesce(code, '') || ' ' || coalesce(postcode, '') || ' ' || replace(coalesce(postcode, ''), ' ', ''),
      ${sql.lit(accentFrom)}, ${sql.lit(accentTo)})), '[^a-z0-9]+', ' ', 'g'))
  ) stored`.execute(db);
  await sql`create index organisation_search_text_trgm_idx on organisation using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}
