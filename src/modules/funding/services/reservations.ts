// Reserving a school's money for a board-level pool, withdrawing a reservation, and the board's
// overview of its schools' amounts with what is reserved.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { allocationsFor, type AllocationRow } from '../repository/allocations.ts';
import * as reservations from '../repository/reservations.ts';
import { findBoard, schoolsOfBoard, type SchoolListRow } from '../repository/schools.ts';
import { listFundingYears, type FundingYear } from '../repository/years.ts';
import { isIsoDate } from '../../../platform/input/strict.ts';
import { pickYear } from './years.ts';
import {
  checkPurpose,
  type Purpose,
  type PlanChoice,
  type PurposeInput,
  type PurposeMenu,
} from './reservation-purpose.ts';

type Db = Kysely<DB>;

/** One school on the board's page: its current and previous amount and what is reserved of it. */
export interface BoardSchoolRow {
  school: SchoolListRow;
  current: AllocationRow | undefined;
  previous: AllocationRow | undefined;
  reserved: number;
}

export interface ReservationInput {
  schoolId: number;
  amountCents: number | null;
  purpose: string;
  mrConsentOn: string;
  /** What the money funds; absent means none chosen (older forms). */
  funds?: PurposeInput;
}

/** The menu in force and the board's plan, to check what a reservation funds against. */
export interface PurposeChoices {
  menu: PurposeMenu | null;
  plan: PlanChoice[];
}

/**
 * The rules for reserving a school's money for a board-level pool: only the board's own
 * schools, only an allocation that is known, never more than what is left, and only with
 * the consent of the school's MR given beforehand (a date not in the future).
 */
export async function checkReservation(
  db: Db,
  boardId: number,
  year: FundingYear,
  input: ReservationInput,
  today: string,
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (input.amountCents === null) errors.bedrag = 'Vul een bedrag in euro in, bijvoorbeeld 1.250,00.';
  else if (input.amountCents <= 0) errors.bedrag = 'Het bedrag moet groter zijn dan nul.';
  if (input.purpose.trim().length < 5)
    errors.doel = 'Beschrijf kort waarvoor het geld bovenschools wordt ingezet (minstens 5 tekens).';
  if (input.purpose.length > 500) errors.doel = 'Houd de beschrijving korter dan 500 tekens.';
  if (!isIsoDate(input.mrConsentOn)) {
    errors.mrInstemming =
      'Vul een bestaande datum in waarop de MR van de school instemde, als JJJJ-MM-DD (bijvoorbeeld 2024-03-01).';
  } else if (input.mrConsentOn > today) {
    errors.mrInstemming = 'De MR moet vooraf instemmen: de datum kan niet in de toekomst liggen.';
  }
  const school = await reservations.findSchool(db, input.schoolId);
  if (!school || school.parent_id !== boardId) {
    errors.school = 'Kies een school van uw eigen bestuur.';
    return errors;
  }
  if (!year.currentRunId) {
    errors.school = 'Voor dit schooljaar zijn nog geen bedragen berekend.';
    return errors;
  }
  const [alloc] = await allocationsFor(db, [year.currentRunId], [school.id]);
  if (!alloc || alloc.totalCents === null) {
    errors.school = 'Het bedrag van deze school is niet bekend; u kunt er nog niets van reserveren.';
    return errors;
  }
  const reserved = (await reservations.reservedPerSchool(db, boardId, year.schoolYearId)).get(school.id) ?? 0;
  const left = alloc.totalCents - reserved;
  if (input.amountCents !== null && input.amountCents > left && !errors.bedrag) {
    errors.bedrag = `Dit is meer dan er voor deze school over is (${(left / 100).toFixed(2).replace('.', ',')} euro). Kies een lager bedrag.`;
  }
  return errors;
}

/**
 * Reserves money in the caller's transaction: the school is locked first, so two reservations
 * at once cannot both take the last euro. Returns the new reservation's id, or the messages.
 */
export async function reserve(
  trx: Transaction<DB>,
  boardId: number,
  year: FundingYear,
  input: ReservationInput,
  today: string,
  personId: number | null,
  choices: PurposeChoices = { menu: null, plan: [] },
): Promise<{ ok: true; id: number; funds: Purpose } | { ok: false; errors: Record<string, string> }> {
  await reservations.lockSchool(trx, input.schoolId);
  const funds = checkPurpose(
    choices.menu,
    choices.plan,
    input.funds ?? { categoryCode: '', interventionCode: '', planInterventionId: null },
  );
  const errors = { ...(await checkReservation(trx, boardId, year, input, today)), ...funds.errors };
  if (Object.keys(errors).length || input.amountCents === null) return { ok: false, errors };
  const id = await reservations.insertReservation(trx, {
    boardId,
    schoolId: input.schoolId,
    schoolYearId: year.schoolYearId,
    amountCents: input.amountCents,
    purpose: input.purpose,
    mrConsentOn: input.mrConsentOn,
    personId,
    ...funds.purpose,
  });
  return { ok: true, id, funds: funds.purpose };
}

/**
 * Withdraws a reservation of the board. 'ingetrokken' when it was withdrawn now, 'al' when it
 * was already withdrawn, 'onbekend' when the board has no such reservation.
 */
export async function withdraw(
  trx: Transaction<DB>,
  boardId: number,
  reservationId: number,
  at: Date,
  personId: number | null,
): Promise<'ingetrokken' | 'al' | 'onbekend'> {
  if (await reservations.withdrawReservation(trx, boardId, reservationId, at, personId)) return 'ingetrokken';
  return (await reservations.reservationExists(trx, boardId, reservationId)) ? 'al' : 'onbekend';
}

/** The board's page: its schools with the current and previous amounts and what is reserved. */
export async function boardOverview(db: Db, programmeId: number, boardId: number, label: string | undefined) {
  const board = await findBoard(db, boardId);
  if (!board) return null;
  const years = await listFundingYears(db, programmeId);
  const year = pickYear(years, label);
  if (!year) return null;
  const schools = await schoolsOfBoard(db, boardId);
  const runIds = [year.currentRunId, year.previousRunId].filter((x): x is number => x !== null);
  const allocs = await allocationsFor(
    db,
    runIds,
    schools.map((s) => s.id),
  );
  const reserved = await reservations.reservedPerSchool(db, boardId, year.schoolYearId);
  const rows: BoardSchoolRow[] = schools.map((s) => ({
    school: s,
    current: allocs.find((a) => a.runId === year.currentRunId && a.schoolId === s.id),
    previous: year.previousRunId
      ? allocs.find((a) => a.runId === year.previousRunId && a.schoolId === s.id)
      : undefined,
    reserved: reserved.get(s.id) ?? 0,
  }));
  const list = await reservations.reservationsOfBoard(db, boardId, year.schoolYearId);
  return { board, years, year, rows, reservations: list };
}
