// Importing the DUO board file: new boards, and real names for boards that had a provisional one.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { BoardRecord } from './parse/parse.ts';
import type { ImportSummary } from './import-summary.ts';
import { provisionalBoardName, type Change, writeChanges } from './organisation-writes.ts';

export async function importBoards(
  trx: Transaction<DB>,
  boards: BoardRecord[],
  importId: number,
  summary: ImportSummary,
) {
  const changes: Change[] = [];
  const existing = await trx
    .selectFrom('organisation')
    .select(['id', 'code', 'name', 'name_provisional'])
    .where('kind', '=', 'bestuur')
    .where('code', 'in', boards.length ? boards.map((b) => b.code) : [''])
    .execute();
  const byCode = new Map(existing.map((b) => [b.code!, b]));
  const rename: { id: number; name: string }[] = [];
  // Boards whose made-up name a person corrected: the name is real now, so no longer provisional.
  const corrected: number[] = [];
  const create: BoardRecord[] = [];
  for (const b of boards) {
    const row = byCode.get(b.code);
    if (!row) create.push(b);
    else if (row.name !== b.name) {
      // Only a name we made up ourselves is replaced; a corrected name stays.
      if (row.name_provisional && row.name === provisionalBoardName(b.code)) {
        rename.push({ id: row.id, name: b.name });
        changes.push({
          organisationId: row.id,
          change: 'gewijzigd',
          field: 'naam',
          oldValue: row.name,
          newValue: b.name,
        });
      } else {
        if (row.name_provisional) corrected.push(row.id);
        summary.boardNamesKept++;
      }
    }
  }
  if (rename.length) {
    await sql`update organisation o set name = u.name, name_provisional = false, updated_at = now(), duo_seen_at = now()
      from unnest(${rename.map((r) => r.id)}::int[], ${rename.map((r) => r.name)}::text[]) as u(id, name) where o.id = u.id`.execute(
      trx,
    );
    summary.boardsRenamed += rename.length;
  }
  if (corrected.length)
    await trx
      .updateTable('organisation')
      .set({ name_provisional: false })
      .where('id', 'in', corrected)
      .execute();
  if (create.length) {
    const res = await sql<{
      id: number;
      name: string;
    }>`insert into organisation (kind, code, name, name_provisional, place, municipality_code, municipality_name, denomination, duo_seen_at)
      select 'bestuur', u.code, u.name, false, u.place, u.mun, u.munname, u.den, now()
      from unnest(${create.map((b) => b.code)}::text[], ${create.map((b) => b.name)}::text[], ${create.map((b) => b.place)}::text[],
                  ${create.map((b) => b.municipalityCode)}::text[], ${create.map((b) => b.municipalityName)}::text[], ${create.map((b) => b.denomination)}::text[])
        as u(code, name, place, mun, munname, den)
      returning id, name`.execute(trx);
    for (const r of res.rows)
      changes.push({ organisationId: r.id, change: 'nieuw', field: null, oldValue: null, newValue: r.name });
    summary.boardsAdded += res.rows.length;
  }
  await writeChanges(trx, importId, changes);
}
