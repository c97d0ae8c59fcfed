// Verantwoording, builder: a questionnaire may go back from published to concept while nobody has
// started answering it. The builder checks "no working copy yet" under the questionnaire's row
// lock (FOR UPDATE), which waits for a first save in flight (its foreign key holds a key-share
// lock). This trigger closes the other order: a first save that starts just after the builder
// took the lock waits on FOR SHARE here, then sees the questionnaire as it is after the builder's
// commit; if that is a concept it is refused, so no working copy is ever left on a concept.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function questionnaire_response_needs_published() returns trigger language plpgsql as $$
    begin
      perform 1 from questionnaire
        where id = new.questionnaire_id and status = 'gepubliceerd'
        for share;
      if not found then
        raise exception 'Deze vragenlijst is niet gepubliceerd; er kan niet op worden geantwoord.'
          using errcode = 'check_violation';
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger questionnaire_response_published before insert on questionnaire_response
    for each row execute function questionnaire_response_needs_published()`.execute(db);
}
