// The names and fields of schools and boards an import writes, and making sure every board
// number an import names exists (with a provisional name until the board file gives the real one).
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SchoolRecord } from './parse/parse.ts';
import type { ImportSummary } from './import-summary.ts';
import * as repo from '../repository/organisations.ts';
import type { Change } from '../repository/organisations.ts';

export function provisionalBoardName(code: string): string {
  return `Bestuur ${code} (naam nog onbekend)`;
}

export const schoolFields = [
  ['name', 'naam'],
  ['parent_id', 'bestuur'],
  ['sector', 'sector'],
  ['instellingscode', 'instellingscode'],
  ['municipality_code', 'gemeentecode'],
  ['municipality_name', 'gemeente'],
  ['place', 'plaats'],
  ['postcode', 'postcode'],
  ['denomination', 'denominatie'],
  ['onderwijsstructuur', 'onderwijsstructuur'],
  ['duo_soort', 'soort'],
] as const;

/** Makes sure every board number exists; returns code -> id. New boards get a provisional name. */
export async function ensureBoards(
  trx: Transaction<DB>,
  codes: Set<string>,
  changes: Change[],
  summary: ImportSummary,
) {
  const byCode = await repo.boardIdsByCode(trx);
  const missing = [...codes].filter((c) => !byCode.has(c)).sort();
  if (missing.length) {
    const rows = await repo.insertProvisionalBoards(trx, missing, missing.map(provisionalBoardName));
    for (const r of rows) {
      byCode.set(r.code, r.id);
      changes.push({
        organisationId: r.id,
        change: 'nieuw',
        field: null,
        oldValue: null,
        newValue: provisionalBoardName(r.code),
      });
    }
    summary.boardsAdded += rows.length;
  }
  return byCode;
}

export function recordValues(r: SchoolRecord, boardId: number) {
  return {
    name: r.name,
    parent_id: boardId,
    sector: r.sector,
    instellingscode: r.instellingscode,
    municipality_code: r.municipalityCode,
    municipality_name: r.municipalityName,
    place: r.place,
    postcode: r.postcode,
    denomination: r.denomination,
    onderwijsstructuur: r.onderwijsstructuur,
    duo_soort: r.duoSoort,
  };
}
