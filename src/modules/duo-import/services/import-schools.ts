// Importing a DUO school file: new, changed, reopened and (for a complete, clean snapshot)
// closed vestigingen. An older snapshot than the newest imported one only adds what is missing.
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ParsedFile, SchoolRecord } from './parse/parse.ts';
import { newestPeildatum } from '../repository/imports.ts';
import type { ImportSummary } from './import-summary.ts';
import { ensureBoards, recordValues, schoolFields } from './organisation-writes.ts';
import {
  insertSchools,
  loadSchools,
  setClosedOn,
  updateSchools,
  writeChanges,
  type Change,
  type SchoolRow,
} from '../repository/organisations.ts';
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

  await updateSchools(trx, updates, boards);

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
  await setClosedOn(
    trx,
    vanished.map((v) => v.id),
    opts.today,
    true,
  );
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
  await setClosedOn(
    trx,
    inserted.map((r) => r.id),
    newest,
    false,
  );
  for (const r of inserted) {
    changes.push({ organisationId: r.id, change: 'nieuw', field: null, oldValue: null, newValue: r.code });
    changes.push({ organisationId: r.id, change: 'gesloten', field: null, oldValue: null, newValue: newest });
  }
  summary.schoolsAdded += inserted.length;
  summary.schoolsAddedClosed = inserted.length;
  await writeChanges(trx, importId, changes);
}
