// What every annual report route needs: the board from the path (another kind of organisation is
// a 404), the calendar year from the path (a year outside the programme is a 404), and the audit
// recorder the services write with, bound to this request.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Platform } from '../../../platform/platform.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { id, params, text } from '../../../platform/http/schemas.ts';
import { findBoard } from '../../schoolprogramma/repository/board-overview.ts';
import { reportYears, type Who } from '../services/report.ts';

export const boardParams = params({ boardId: id });
/** The year is checked against the programme in the handler, so a wrong one is a 404. */
export const yearParams = params({ boardId: id, jaar: text(10) });

export function reportContext(platform: Platform) {
  const db: Kysely<DB> = platform.database.db;
  const programmeId = platform.programme.id;

  const board = async (boardId: number) => {
    const row = await findBoard(db, boardId);
    if (!row) throw notFound();
    return row;
  };

  const year = async (jaar: string) => {
    const value = /^\d{4}$/.test(jaar) ? Number(jaar) : NaN;
    if (!(await reportYears(db, programmeId)).includes(value)) throw notFound();
    return value;
  };

  const who = (req: FastifyRequest, boardId: number, y: number): Who => ({
    boardId,
    programmeId,
    year: y,
    now: platform.now(),
    personId: req.principal?.personId ?? null,
    record: (trx, action, details) =>
      audit(req, trx, { action, objectType: 'bestuur', objectId: boardId, organisationId: boardId, details }),
  });

  /** A refused write, audited with its reason (nothing changed). */
  const refuse = (req: FastifyRequest, action: string, boardId: number, y: number, reden: string) =>
    audit(req, db, {
      action,
      result: 'mislukt',
      objectType: 'bestuur',
      objectId: boardId,
      organisationId: boardId,
      details: { jaar: y, reden },
    });

  return { db, programmeId, board, year, who, refuse };
}

export type ReportContext = ReturnType<typeof reportContext>;
