// Loads the national dashboard for one filter and one round: four queries in all (rounds,
// response, answers of the round and of the trends, confirmed board reports), whatever the
// number of schools.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import {
  answerCounts,
  boardSpending,
  interventionNames,
  listRounds,
  responseCounts,
  type Round,
} from '../repository/monitoring.ts';
import type { MonitoringFilter } from './monitoring-filters.ts';
import {
  boardSpendingByYear,
  focusRows,
  interventionRows,
  pnilMean,
  respondents,
  responseRows,
  schoolSpending,
  trends,
  yesRow,
} from './monitoring.ts';
import { tooSmall } from './suppress.ts';

const detailKeys = [
  'schoolscan-gedaan',
  'aandachtsgebieden',
  'interventies',
  'mr-instemming',
  'besteding',
  'pnil-aandeel',
] as const;
const trendKeys = ['schoolscan-gedaan', 'mr-instemming'] as const;

export type MonitoringData = Awaited<ReturnType<typeof loadMonitoring>>;

/** The round shown in detail: the one asked for, else the newest school round with answers. */
function pickRound(rounds: Round[], submittedById: Map<number, number>, wanted?: number): Round | null {
  const school = rounds.filter((r) => r.audience === 'school');
  return (
    school.find((r) => r.id === wanted) ??
    [...school].reverse().find((r) => (submittedById.get(r.id) ?? 0) > 0) ??
    school.at(-1) ??
    null
  );
}

export async function loadMonitoring(
  db: Kysely<DB>,
  programmeId: number,
  filter: MonitoringFilter,
  wantedRound?: number,
) {
  const rounds = await listRounds(db, programmeId);
  const schoolRounds = rounds.filter((r) => r.audience === 'school');
  // The counts that do not depend on each other go to the database at once (on their own
  // connections): a first view of a broad filter waits for the slowest, not for their sum.
  const [counts, answers, boards] = await Promise.all([
    responseCounts(db, programmeId, filter),
    answerCounts(
      db,
      filter,
      schoolRounds.map((r) => r.id),
      trendKeys,
    ),
    boardSpending(db, programmeId, filter),
  ]);
  const submittedById = new Map<number, number>();
  for (const c of counts)
    submittedById.set(c.questionnaire_id, (submittedById.get(c.questionnaire_id) ?? 0) + c.submitted);
  const round = pickRound(rounds, submittedById, wantedRound);
  const detail = round
    ? await answerCounts(
        db,
        filter,
        [round.id],
        detailKeys.filter((k) => !(trendKeys as readonly string[]).includes(k)),
      )
    : [];
  const all = [...answers.filter((a) => !round || a.questionnaire_id === round.id), ...detail];
  const schoolsInScope = counts
    .filter((c) => c.sector !== 'bestuur' && c.questionnaire_id === round?.id)
    .reduce((a, c) => a + c.eligible, 0);
  const n = round ? respondents(counts, round.id) : { po: 0, vo: 0, vso: 0 };
  const codes = [...new Set(detail.filter((a) => a.question_key === 'interventies').map((a) => a.value))];
  const names = await interventionNames(db, codes);
  return {
    rounds,
    round,
    schoolsInScope,
    /** Nothing to show for this filter: no school at all, or too few to show anything. */
    empty: schoolsInScope === 0,
    tooFew: schoolsInScope > 0 && tooSmall(schoolsInScope),
    responses: responseRows(rounds, counts),
    scan: round ? yesRow(all, round.id, 'schoolscan-gedaan', 'Schoolscan gemaakt') : null,
    consent: round ? yesRow(all, round.id, 'mr-instemming', 'MR heeft ingestemd') : null,
    focus: round ? focusRows(all, round.id, n) : [],
    interventions: round ? interventionRows(all, round.id, n, names) : [],
    spending: round ? schoolSpending(all, round.id) : null,
    pnil: round ? pnilMean(all, round.id) : null,
    boardSpending: boardSpendingByYear(boards),
    trends: trends(rounds, counts, answers),
  };
}
