// Kennisplein texts are rendered and sanitised once, when they are saved, instead of on every
// view (issue 9, finding 5): the HTML is kept beside its Markdown. Existing items are rendered
// here once with the same function the platform uses at save.
import { sql, type Kysely } from 'kysely';
import { renderMarkdown } from '../src/modules/menukaart/services/markdown.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('kennisplein_item')
    .addColumn('what_they_did_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cost_text_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lessons_html', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const items = await db
    .selectFrom('kennisplein_item')
    .select(['id', 'what_they_did', 'cost_text', 'lessons'])
    .execute();
  for (const i of items) {
    await db
      .updateTable('kennisplein_item')
      .set({
        what_they_did_html: renderMarkdown(i.what_they_did),
        cost_text_html: renderMarkdown(i.cost_text),
        lessons_html: renderMarkdown(i.lessons),
      })
      .where('id', '=', i.id)
      .execute();
  }
  await sql`comment on column kennisplein_item.what_they_did_html is 'renderMarkdown(what_they_did), set at every save'`.execute(
    db,
  );
}
