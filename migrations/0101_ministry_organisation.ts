// The ministry is the organisation of every platform role (helpdesk, redactie, analist,
// beheerder). It exists from the start, so the first beheerder can be invited with
// `npm run cli -- invite <e-mail> beheerder OCW` on a platform without demo data.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into organisation (kind, code, name)
    select 'ministerie', 'OCW', 'Ministerie van Onderwijs, Cultuur en Wetenschap'
    where not exists (select 1 from organisation where kind = 'ministerie')
  `.execute(db);
}
