// Importing a DUO school file: new, changed, reopened and (for a complete, clean snapshot)
// closed vestigingen. An older snapshot than the newest imported one only adds what is missing.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ParsedFile, SchoolRecord } from './parse/parse.ts';
import { newestPeildatum } from '../repository/imports.ts';
import type { ImportSummary } from './import-summary.ts';
import {
  type Change,
  writeChanges,
  ensureBoards,
  loadSchools,
  recordValues,
  insertSchools,
  schoolFields,
  type SchoolRow,
} from './organisation-writes.ts';
import { CloseNeedsConfirmation, type SectorClosing } from './import-failure.ts';

/**
 * A snapshot may close at most this share of a sector's open schools unasked. DUO's own files
 * close under 1 % a year: from December 2020 to the 2025/26 file 293 of 6,268 BO schools
 * (4.7 %) closed, so even a five-year gap stays under this; a truncated file closes most of them.
 */
export const maxCloseShare = 0.1;

export interface SchoolImportOptions {
  today: string;
  allowMassClose?: boolean;
}

export async function importSchools(
  trx: Transaction<DB>,
  parsed: ParsedFile,
  importId: number,
  summary: ImportSummary,
  opts: SchoolImportOptions,
) {
  const newest = await newestPeildatum(trx, parsed.kind, importId);
  if (newest !== null && summary.peildatum !== null && summary.peildatum < newest)
    return importOlderSnapshot(trx, parsed, importId, summary, newest);
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

  await closeVanished(trx, parsed, existing, summary, changes, opts);
  await writeChanges(trx, importId, changes);
}

/**
 * A snapshot lists every open vestiging of its sectors: the ones it no longer lists have
 * closed. Only a clean file may say so: with any rejected line (a school on it might be one of
 * the missing) nothing is closed. More than maxCloseShare of a sector needs confirmation.
 */
async function closeVanished(
  trx: Transaction<DB>,
  parsed: ParsedFile,
  existing: Map<string, SchoolRow>,
  summary: ImportSummary,
  changes: Change[],
  opts: SchoolImportOptions,
) {
  const inFile = new Set(parsed.schools.map((s) => s.code));
  const open = [...existing.values()].filter(
    (s) =>
      s.sector && parsed.snapshotSectors.includes(s.sector) && s.closed_on === null && s.duo_seen_at !== null,
  );
  const vanished = open.filter((s) => !inFile.has(s.code));
  if (vanished.length === 0) return;
  if (parsed.problems.length > 0) {
    summary.schoolsNotClosed = vanished.length;
    return;
  }
  const tooMany: SectorClosing[] = [];
  for (const sector of parsed.snapshotSectors) {
    const openHere = open.filter((s) => s.sector === sector).length;
    const closing = vanished.filter((s) => s.sector === sector).length;
    if (closing > 0 && closing > openHere * maxCloseShare) tooMany.push({ sector, closing, open: openHere });
  }
  if (tooMany.length && !opts.allowMassClose) throw new CloseNeedsConfirmation(tooMany, maxCloseShare);
  await trx
    .updateTable('organisation')
    .set({ closed_on: opts.today, updated_at: new Date() })
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
      newValue: opts.today,
    });
  summary.schoolsClosed += vanished.length;
}

/**
 * A snapshot older than the newest one imported: schools it names that are known keep what the
 * newer snapshot says (no rename, no reopening, nothing closed). Schools only it names are
 * added as history: closed at the latest on the newer snapshot's date, since that one lacks them.
 */
async function importOlderSnapshot(
  trx: Transaction<DB>,
  parsed: ParsedFile,
  importId: number,
  summary: ImportSummary,
  newest: string,
) {
  const existing = await loadSchools(trx);
  const unknown = parsed.schools.filter((s) => !existing.has(s.code));
  summary.schoolsKeptNewer = parsed.schools.length - unknown.length;
  if (unknown.length === 0) return;
  const changes: Change[] = [];
  const boards = await ensureBoards(trx, new Set(unknown.map((s) => s.boardCode)), changes, summary);
  const inserted = await insertSchools(trx, unknown, boards, true);
  await trx
    .updateTable('organisation')
    .set({ closed_on: newest })
    .where(
      'id',
      'in',
      inserted.map((r) => r.id),
    )
    .execute();
  for (const r of inserted) {
    changes.push({ organisationId: r.id, change: 'nieuw', field: null, oldValue: null, newValue: r.code });
    changes.push({ organisationId: r.id, change: 'gesloten', field: null, oldValue: null, newValue: newest });
  }
  summary.schoolsAdded += inserted.length;
  summary.schoolsAddedClosed = inserted.length;
  await writeChanges(trx, importId, changes);
}
