// Importing the DUO board file: new boards, and real names for boards that had a provisional one.
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { BoardRecord } from './parse/parse.ts';
import type { ImportSummary } from './import-summary.ts';
import { provisionalBoardName } from './organisation-writes.ts';
import * as repo from '../repository/organisations.ts';
import type { Change } from '../repository/organisations.ts';

export async function importBoards(
  trx: Transaction<DB>,
  boards: BoardRecord[],
  importId: number,
  summary: ImportSummary,
) {
  const changes: Change[] = [];
  const existing = await repo.boardsByCodes(
    trx,
    boards.map((b) => b.code),
  );
  const byCode = new Map(existing.map((b) => [b.code!, b]));
  const rename: { id: number; name: string }[] = [];
  // Boards whose made-up name a person corrected: the name is real now, so no longer provisional.
  const corrected: number[] = [];
  const create: BoardRecord[] = [];
  for (const b of boards) {
    const row = byCode.get(b.code);
    if (!row) {
      create.push(b);
      continue;
    }
    const madeUp = row.name_provisional && row.name === provisionalBoardName(b.code);
    if (row.name !== b.name) {
      // Only a name we made up ourselves is replaced; a corrected name stays.
      if (madeUp) {
        rename.push({ id: row.id, name: b.name });
        changes.push({
          organisationId: row.id,
          change: 'gewijzigd',
          field: 'naam',
          oldValue: row.name,
          newValue: b.name,
        });
      } else summary.boardNamesKept++;
    }
    if (row.name_provisional && !madeUp) corrected.push(row.id);
  }
  await repo.renameBoards(trx, rename);
  summary.boardsRenamed += rename.length;
  await repo.markNamesReal(trx, corrected);
  const created = await repo.insertBoards(trx, create);
  for (const r of created)
    changes.push({ organisationId: r.id, change: 'nieuw', field: null, oldValue: null, newValue: r.name });
  summary.boardsAdded += created.length;
  await repo.writeChanges(trx, importId, changes);
}
