// Importing a DUO school file: new, changed, reopened and (for a snapshot) closed vestigingen.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ParsedFile, SchoolRecord } from './parse.ts';
import type { ImportSummary } from './import-summary.ts';
import {
  type Change,
  writeChanges,
  ensureBoards,
  loadSchools,
  recordValues,
  insertSchools,
  schoolFields,
} from './organisation-writes.ts';

export async function importSchools(
  trx: Transaction<DB>,
  parsed: ParsedFile,
  importId: number,
  summary: ImportSummary,
  today: string,
) {
  const changes: Change[] = [];
  const boards = await ensureBoards(trx, new Set(parsed.schools.map((s) => s.boardCode)), changes, summary);
  const boardCodeById = new Map([...boards].map(([c, id]) => [id, c]));
  const existing = await loadSchools(trx);
  const toInsert: SchoolRecord[] = [];
  const updates: { id: number; rec: SchoolRecord; changed: boolean; reopen: boolean }[] = [];
  for (const rec of parsed.schools) {
    const row = existing.get(rec.code);
    if (!row) {
      toInsert.push(rec);
      continue;
    }
    const values = recordValues(rec, boards.get(rec.boardCode)!);
    let changed = false;
    for (const [field, label] of schoolFields) {
      const before = row[field] ?? null;
      const after = values[field] ?? null;
      if (before !== after) {
        changed = true;
        const show = (v: unknown) =>
          v === null
            ? null
            : field === 'parent_id'
              ? (boardCodeById.get(v as number) ?? String(v))
              : String(v);
        changes.push({
          organisationId: row.id,
          change: 'gewijzigd',
          field: label,
          oldValue: show(before),
          newValue: show(after),
        });
      }
    }
    const reopen = row.closed_on !== null;
    if (reopen) {
      changes.push({
        organisationId: row.id,
        change: 'heropend',
        field: null,
        oldValue: row.closed_on,
        newValue: null,
      });
      summary.schoolsReopened++;
    }
    if (changed) summary.schoolsChanged++;
    else if (!reopen) summary.schoolsUnchanged++;
    updates.push({ id: row.id, rec, changed, reopen });
  }
  const inserted = await insertSchools(trx, toInsert, boards, true);
  for (const r of inserted)
    changes.push({ organisationId: r.id, change: 'nieuw', field: null, oldValue: null, newValue: r.code });
  summary.schoolsAdded += inserted.length;

  if (updates.length) {
    const col = <T>(f: (u: (typeof updates)[number]) => T) => updates.map(f);
    await sql`update organisation o set
        name = u.name, parent_id = u.parent, sector = u.sector, instellingscode = u.inst, municipality_code = u.mun,
        municipality_name = u.munname, place = u.place, postcode = u.pc, denomination = u.den,
        onderwijsstructuur = u.struct, duo_soort = u.soort, duo_seen_at = now(),
        closed_on = null,
        updated_at = case when u.changed or o.closed_on is not null then now() else o.updated_at end
      from unnest(${col((u) => u.id)}::int[], ${col((u) => u.rec.name)}::text[], ${col((u) => boards.get(u.rec.boardCode)!)}::int[],
                  ${col((u) => u.rec.sector)}::text[], ${col((u) => u.rec.instellingscode)}::text[], ${col((u) => u.rec.municipalityCode)}::text[],
                  ${col((u) => u.rec.municipalityName)}::text[], ${col((u) => u.rec.place)}::text[], ${col((u) => u.rec.postcode)}::text[],
                  ${col((u) => u.rec.denomination)}::text[], ${col((u) => u.rec.onderwijsstructuur)}::text[], ${col((u) => u.rec.duoSoort)}::text[],
                  ${col((u) => u.changed)}::boolean[])
        as u(id, name, parent, sector, inst, mun, munname, place, pc, den, struct, soort, changed)
      where o.id = u.id`.execute(trx);
  }

  // A snapshot file lists every open vestiging of its sector: the ones it no longer lists closed.
  const inFile = new Set(parsed.schools.map((s) => s.code));
  const vanished = [...existing.values()].filter(
    (s) =>
      s.sector &&
      parsed.snapshotSectors.includes(s.sector) &&
      s.closed_on === null &&
      s.duo_seen_at !== null &&
      !inFile.has(s.code),
  );
  if (vanished.length) {
    await trx
      .updateTable('organisation')
      .set({ closed_on: today, updated_at: new Date() })
      .where(
        'id',
        'in',
        vanished.map((v) => v.id),
      )
      .execute();
    for (const v of vanished)
      changes.push({
        organisationId: v.id,
        change: 'gesloten',
        field: null,
        oldValue: null,
        newValue: today,
      });
    summary.schoolsClosed += vanished.length;
  }
  await writeChanges(trx, importId, changes);
}
