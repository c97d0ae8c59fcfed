// Texts typed in the menukaart editor and on the kennisplein were stored as the browser sent
// them, with CRLF line endings, so an unchanged section differed from the earlier version's LF
// text and showed up as a change. From now on the forms store LF only; this repairs what is
// stored: every CRLF (and a lone CR) in the text columns and in the praktijkkaart sections
// becomes LF. Rows without a CR are not touched.
import { sql, type Kysely } from 'kysely';

const textColumns: Record<string, string[]> = {
  menukaart_version: ['title', 'basis', 'note'],
  menukaart_category: ['name', 'short_name', 'description'],
  menukaart_entry: [
    'name_nl',
    'name_en',
    'source',
    'summary',
    'notes',
    'added_note',
    'withdrawn_reason',
    'body_text',
  ],
  kennisplein_item: ['title', 'school_type', 'what_they_did', 'cost_text', 'lessons', 'moderator_note'],
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(textColumns)) {
    for (const column of columns) {
      await sql`update ${sql.table(table)}
                   set ${sql.ref(column)} = regexp_replace(${sql.ref(column)}, E'\\r\\n?', E'\\n', 'g')
                 where strpos(${sql.ref(column)}, E'\\r') > 0`.execute(db);
    }
  }
  // The praktijkkaart is a JSON object of section texts: normalise each string value.
  await sql`update menukaart_entry
               set praktijkkaart = (
                 select jsonb_object_agg(
                          s.key,
                          case when jsonb_typeof(s.value) = 'string'
                               then to_jsonb(regexp_replace(s.value #>> '{}', E'\\r\\n?', E'\\n', 'g'))
                               else s.value end)
                   from jsonb_each(praktijkkaart) as s)
             where jsonb_typeof(praktijkkaart) = 'object'
               and strpos(praktijkkaart::text, '\\r') > 0`.execute(db);
}
