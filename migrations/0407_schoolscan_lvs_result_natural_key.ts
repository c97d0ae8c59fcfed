// lvs_result had a surrogate key (an identity column) that nothing reads: every query and the
// import's upsert go by the natural key (school, pupil pseudonym, provider, subject, school year,
// moment), which already has a unique index. The identity column cost a sequence call and a second
// btree write for each of the tens of thousands of rows one import stores. The natural key becomes
// the primary key, reusing that unique index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table lvs_result drop column id`.execute(db);
  await sql`alter table lvs_result add constraint lvs_result_pkey primary key using index lvs_result_unique_idx`.execute(
    db,
  );
}
