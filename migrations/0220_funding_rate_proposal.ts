// A definitive amount changes publicly only after a second analist approves it (four eyes): the
// first analist's change waits as a proposal; another analist approves (the change is made and
// the year recomputed) or rejects it with a reason. One open proposal per rate at a time.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('funding_rate_proposal')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('rate_id', 'integer', (c) => c.notNull().references('funding_rate.id'))
    .addColumn('amount_cents', 'bigint')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('definitief', 'voorlopig', 'onbekend')`),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('goedgekeurd', 'afgewezen')`))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await sql`create unique index funding_rate_proposal_open_idx on funding_rate_proposal (rate_id)
    where decision is null`.execute(db);
}
