// Rate changes waiting for a second analist (funding_rate_proposal).
import type { RateStatus } from '../tables.ts';
import type { Db } from './db.ts';

const columns = [
  'p.id',
  'p.rate_id as rateId',
  'p.amount_cents as amountCents',
  'p.status',
  'p.reason',
  'p.proposed_by as proposedBy',
  'p.proposed_at as proposedAt',
  'pp.name as proposedByName',
  'r.label as rateLabel',
  'r.amount_cents as currentCents',
  'r.status as currentStatus',
  'y.label as yearLabel',
] as const;

const open = (db: Db) =>
  db
    .selectFrom('funding_rate_proposal as p')
    .innerJoin('funding_rate as r', 'r.id', 'p.rate_id')
    .innerJoin('school_year as y', 'y.id', 'r.school_year_id')
    .leftJoin('person as pp', 'pp.id', 'p.proposed_by')
    .select(columns)
    .where('p.decision', 'is', null);

export type OpenProposal = Awaited<ReturnType<typeof openProposals>>[number];

/** Every proposal still waiting, oldest first. */
export async function openProposals(db: Db) {
  return open(db).orderBy('p.proposed_at').orderBy('p.id').execute();
}

export async function openProposalOfRate(db: Db, rateId: number) {
  return open(db).where('p.rate_id', '=', rateId).executeTakeFirst();
}

export async function findOpenProposal(db: Db, proposalId: number) {
  return open(db).where('p.id', '=', proposalId).executeTakeFirst();
}

export async function insertProposal(
  db: Db,
  p: {
    rateId: number;
    amountCents: number | null;
    status: RateStatus;
    reason: string;
    personId: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('funding_rate_proposal')
    .values({
      rate_id: p.rateId,
      amount_cents: p.amountCents,
      status: p.status,
      reason: p.reason,
      proposed_by: p.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the decision; false when someone decided first (the proposal is no longer open). */
export async function decideProposal(
  db: Db,
  proposalId: number,
  d: { decision: 'goedgekeurd' | 'afgewezen'; reason: string | null; personId: number | null; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('funding_rate_proposal')
    .set({ decision: d.decision, decision_reason: d.reason, decided_by: d.personId, decided_at: d.at })
    .where('id', '=', proposalId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * For the route examples: the first rate, free of open proposals (an example that succeeds puts
 * one forward; the next run of the example starts clean again).
 */
export async function exampleRateId(db: Db): Promise<number> {
  const r = await db.selectFrom('funding_rate').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db
    .deleteFrom('funding_rate_proposal')
    .where('rate_id', '=', r.id)
    .where('decision', 'is', null)
    .execute();
  return r.id;
}

/**
 * For the route examples: an open proposal on the first rate by an analist made for the purpose,
 * so whoever signs in to decide is a second analist. It repeats the rate's own amount, so
 * approving it changes nothing but the history.
 */
export async function exampleProposal(db: Db): Promise<number> {
  const email = 'eerste-analist@voorbeeld.example';
  const open = await db
    .selectFrom('funding_rate_proposal as p')
    .innerJoin('person as pp', 'pp.id', 'p.proposed_by')
    .select('p.id')
    .where('pp.email', '=', email)
    .where('p.decision', 'is', null)
    .executeTakeFirst();
  if (open) return open.id;
  const rateId = await exampleRateId(db);
  const rate = await db
    .selectFrom('funding_rate')
    .select(['amount_cents', 'status'])
    .where('id', '=', rateId)
    .executeTakeFirstOrThrow();
  const person =
    (await db.selectFrom('person').select('id').where('email', '=', email).executeTakeFirst()) ??
    (await db
      .insertInto('person')
      .values({ email, name: 'Eerste analist' })
      .returning('id')
      .executeTakeFirstOrThrow());
  return insertProposal(db, {
    rateId,
    amountCents: rate.amount_cents,
    status: rate.status,
    reason: 'Controle van het bedrag tegen de regeling',
    personId: person.id,
  });
}
