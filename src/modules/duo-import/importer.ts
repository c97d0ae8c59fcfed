// Writes parsed DUO and CBS files to the database: one transaction per file, batched
// multi-row statements (unnest of arrays), history of every change, and a report.
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Sector } from '../../platform/db/tables.ts';
import {
  DuoFileError,
  kindLabel,
  parseDuoFile,
  type BoardRecord,
  type DuoFileGroup,
  type ParsedFile,
  type Problem,
  type SchoolRecord,
} from './parse.ts';
import { parseCbsScores } from './cbs.ts';

export function provisionalBoardName(code: string): string {
  return `Bestuur ${code} (naam nog onbekend)`;
}

export interface ImportSummary {
  importId: number;
  fileName: string;
  kind: string;
  kindLabel: string;
  dataRows: number;
  schoolsAdded: number;
  schoolsChanged: number;
  schoolsClosed: number;
  schoolsReopened: number;
  schoolsUnchanged: number;
  boardsAdded: number;
  boardsRenamed: number;
  boardNamesKept: number;
  pupilCountsAdded: number;
  pupilCountsChanged: number;
  scoresStored: number;
  scoresWithoutSchool: number;
  rejected: number;
  problems: Problem[];
}

export type Progress = (phase: string, done: number, total: number) => void;

/** At most this many problems are kept with an import (the count is always exact). */
const maxStoredProblems = 500;

const schoolFields = [
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

type SchoolRow = {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  sector: Sector | null;
  instellingscode: string | null;
  municipality_code: string | null;
  municipality_name: string | null;
  place: string | null;
  postcode: string | null;
  denomination: string | null;
  onderwijsstructuur: string | null;
  duo_soort: string | null;
  closed_on: string | null;
  duo_seen_at: Date | null;
};

interface Change {
  organisationId: number;
  change: 'nieuw' | 'gewijzigd' | 'gesloten' | 'heropend';
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

function emptySummary(
  importId: number,
  fileName: string,
  kind: string,
  label: string,
  dataRows: number,
): ImportSummary {
  return {
    importId,
    fileName,
    kind,
    kindLabel: label,
    dataRows,
    schoolsAdded: 0,
    schoolsChanged: 0,
    schoolsClosed: 0,
    schoolsReopened: 0,
    schoolsUnchanged: 0,
    boardsAdded: 0,
    boardsRenamed: 0,
    boardNamesKept: 0,
    pupilCountsAdded: 0,
    pupilCountsChanged: 0,
    scoresStored: 0,
    scoresWithoutSchool: 0,
    rejected: 0,
    problems: [],
  };
}

async function writeChanges(trx: Transaction<DB>, importId: number, changes: Change[]) {
  if (changes.length === 0) return;
  await sql`insert into organisation_change (organisation_id, import_id, change, field, old_value, new_value)
    select u.org, ${importId}::int, u.change, u.field, u.old, u.new
    from unnest(${changes.map((c) => c.organisationId)}::int[], ${changes.map((c) => c.change)}::text[],
                ${changes.map((c) => c.field)}::text[], ${changes.map((c) => c.oldValue)}::text[],
                ${changes.map((c) => c.newValue)}::text[]) as u(org, change, field, old, new)`.execute(trx);
}

/** Makes sure every board number exists; returns code -> id. New boards get a provisional name. */
async function ensureBoards(
  trx: Transaction<DB>,
  codes: Set<string>,
  changes: Change[],
  summary: ImportSummary,
) {
  const existing = await trx
    .selectFrom('organisation')
    .select(['id', 'code'])
    .where('kind', '=', 'bestuur')
    .where('code', 'is not', null)
    .execute();
  const byCode = new Map(existing.map((b) => [b.code!, b.id]));
  const missing = [...codes].filter((c) => !byCode.has(c)).sort();
  if (missing.length) {
    const rows = await sql<{
      id: number;
      code: string;
    }>`insert into organisation (kind, code, name, name_provisional, duo_seen_at)
      select 'bestuur', u.code, u.name, true, now() from unnest(${missing}::text[], ${missing.map(provisionalBoardName)}::text[]) as u(code, name)
      returning id, code`.execute(trx);
    for (const r of rows.rows) {
      byCode.set(r.code, r.id);
      changes.push({
        organisationId: r.id,
        change: 'nieuw',
        field: null,
        oldValue: null,
        newValue: provisionalBoardName(r.code),
      });
    }
    summary.boardsAdded += rows.rows.length;
  }
  return byCode;
}

async function loadSchools(trx: Transaction<DB>): Promise<Map<string, SchoolRow>> {
  const rows = await trx
    .selectFrom('organisation')
    .select([
      'id',
      'code',
      'name',
      'parent_id',
      'sector',
      'instellingscode',
      'municipality_code',
      'municipality_name',
      'place',
      'postcode',
      'denomination',
      'onderwijsstructuur',
      'duo_soort',
      'closed_on',
      'duo_seen_at',
    ])
    .where('kind', '=', 'school')
    .where('code', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.code!, r as SchoolRow]));
}

function recordValues(r: SchoolRecord, boardId: number) {
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

/** seen: listed in a DUO school file (a snapshot that can later close it when it is gone). */
async function insertSchools(
  trx: Transaction<DB>,
  records: SchoolRecord[],
  boards: Map<string, number>,
  seen: boolean,
) {
  if (records.length === 0) return [] as { id: number; code: string }[];
  const col = <T>(f: (r: SchoolRecord) => T) => records.map(f);
  const res = await sql<{ id: number; code: string }>`insert into organisation
      (kind, code, name, parent_id, sector, instellingscode, municipality_code, municipality_name, place, postcode,
       denomination, onderwijsstructuur, duo_soort, duo_seen_at)
    select 'school', u.code, u.name, u.parent, u.sector, u.inst, u.mun, u.munname, u.place, u.pc, u.den, u.struct, u.soort, case when ${seen}::boolean then now() end
    from unnest(${col((r) => r.code)}::text[], ${col((r) => r.name)}::text[], ${col((r) => boards.get(r.boardCode)!)}::int[],
                ${col((r) => r.sector)}::text[], ${col((r) => r.instellingscode)}::text[], ${col((r) => r.municipalityCode)}::text[],
                ${col((r) => r.municipalityName)}::text[], ${col((r) => r.place)}::text[], ${col((r) => r.postcode)}::text[],
                ${col((r) => r.denomination)}::text[], ${col((r) => r.onderwijsstructuur)}::text[], ${col((r) => r.duoSoort)}::text[])
      as u(code, name, parent, sector, inst, mun, munname, place, pc, den, struct, soort)
    returning id, code`.execute(trx);
  return res.rows;
}

async function importSchools(
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

async function importPupils(
  trx: Transaction<DB>,
  parsed: ParsedFile,
  importId: number,
  summary: ImportSummary,
) {
  const changes: Change[] = [];
  // The pupil history names schools too (also SBO/SO/VSO, for which no school file is shipped):
  // create the ones nobody knows yet; never overwrite what a school file said.
  let schools = await loadSchools(trx);
  const unknown = parsed.pupilSchools.filter((s) => !schools.has(s.code));
  if (unknown.length) {
    const boards = await ensureBoards(trx, new Set(unknown.map((s) => s.boardCode)), changes, summary);
    const inserted = await insertSchools(trx, unknown, boards, false);
    for (const r of inserted)
      changes.push({ organisationId: r.id, change: 'nieuw', field: null, oldValue: null, newValue: r.code });
    summary.schoolsAdded += inserted.length;
    schools = await loadSchools(trx);
  }
  const rows: { org: number; teldatum: string; category: string; pupils: number | null; below: boolean }[] =
    [];
  const missing = new Map<string, number>();
  for (const p of parsed.pupils) {
    const s = schools.get(p.code);
    if (!s) {
      if (!missing.has(p.code)) missing.set(p.code, p.line);
      continue;
    }
    rows.push({
      org: s.id,
      teldatum: p.teldatum,
      category: p.category,
      pupils: p.pupils,
      below: p.belowFive,
    });
  }
  for (const [code, line] of missing) {
    if (parsed.kind === 'leerlingen-po-historie') continue; // schools without pupils since 2019 are not needed
    parsed.problems.push({
      line,
      reason: `Vestiging ${code} is niet bekend. Importeer eerst het scholenbestand (vestigingen) van DUO.`,
    });
  }
  if (rows.length) {
    const teldata = [...new Set(rows.map((r) => r.teldatum))];
    const old = await trx
      .selectFrom('pupil_count')
      .select(['organisation_id', 'teldatum', 'category', 'pupils', 'below_five'])
      .where('teldatum', 'in', teldata)
      .execute();
    const oldMap = new Map(old.map((o) => [`${o.organisation_id}|${o.teldatum}|${o.category}`, o]));
    const write: typeof rows = [];
    for (const r of rows) {
      const o = oldMap.get(`${r.org}|${r.teldatum}|${r.category}`);
      if (!o) {
        summary.pupilCountsAdded++;
        write.push(r);
      } else if (o.pupils !== r.pupils || o.below_five !== r.below) {
        summary.pupilCountsChanged++;
        write.push(r);
        const show = (p: number | null, b: boolean) => (b ? '<5' : String(p));
        changes.push({
          organisationId: r.org,
          change: 'gewijzigd',
          field: `leerlingen ${r.teldatum}${r.category === 'totaal' ? '' : ` ${r.category}`}`,
          oldValue: show(o.pupils, o.below_five),
          newValue: show(r.pupils, r.below),
        });
      }
    }
    const chunk = 20000;
    for (let i = 0; i < write.length; i += chunk) {
      const part = write.slice(i, i + chunk);
      await sql`insert into pupil_count (organisation_id, teldatum, category, pupils, below_five, import_id)
        select u.org, u.tel, u.cat, u.pupils, u.below, ${importId}::int
        from unnest(${part.map((r) => r.org)}::int[], ${part.map((r) => r.teldatum)}::date[], ${part.map((r) => r.category)}::text[],
                    ${part.map((r) => r.pupils)}::int[], ${part.map((r) => r.below)}::boolean[]) as u(org, tel, cat, pupils, below)
        on conflict (organisation_id, teldatum, category) do update
          set pupils = excluded.pupils, below_five = excluded.below_five, import_id = excluded.import_id`.execute(
        trx,
      );
    }
  }
  await writeChanges(trx, importId, changes);
}

async function importBoards(
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
      } else summary.boardNamesKept++;
    }
  }
  if (rename.length) {
    await sql`update organisation o set name = u.name, name_provisional = false, updated_at = now(), duo_seen_at = now()
      from unnest(${rename.map((r) => r.id)}::int[], ${rename.map((r) => r.name)}::text[]) as u(id, name) where o.id = u.id`.execute(
      trx,
    );
    summary.boardsRenamed += rename.length;
  }
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

export interface ImportOptions {
  fileName: string;
  expected?: DuoFileGroup;
  /** The year of the teldatum/peildatum when the file name does not say it. */
  year?: number;
  personId?: number | null;
  /** An existing duo_import row (made by the upload page) to fill in. */
  importId?: number;
  /** The date a vanished vestiging is recorded as closed (today). */
  today: string;
  progress?: Progress;
}

async function startRow(
  db: Kysely<DB>,
  source: 'duo' | 'cbs',
  buf: Buffer,
  opts: ImportOptions,
): Promise<number> {
  if (opts.importId) {
    await db.updateTable('duo_import').set({ status: 'bezig' }).where('id', '=', opts.importId).execute();
    return opts.importId;
  }
  const row = await db
    .insertInto('duo_import')
    .values({
      source,
      file_name: opts.fileName,
      sha256: crypto.createHash('sha256').update(buf).digest('hex'),
      size_bytes: buf.length,
      status: 'bezig',
      person_id: opts.personId ?? null,
      options: JSON.stringify({ expected: opts.expected ?? null, year: opts.year ?? null }),
      counts: JSON.stringify({}),
      problems: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function fail(db: Kysely<DB>, importId: number, err: DuoFileError, kind: string | null) {
  await db
    .updateTable('duo_import')
    .set({
      status: 'mislukt',
      file_kind: kind,
      message: err.message,
      problems: JSON.stringify(err.line ? [{ line: err.line, reason: err.message }] : []),
      problem_count: err.line ? 1 : 0,
      finished_at: new Date(),
      content: null,
    })
    .where('id', '=', importId)
    .execute();
}

function countsOf(s: ImportSummary): Record<string, number> {
  const { importId: _i, fileName: _f, kind: _k, kindLabel: _l, problems: _p, ...counts } = s;
  return counts;
}

async function finish(trx: Transaction<DB>, s: ImportSummary) {
  s.rejected = s.problems.length;
  await trx
    .updateTable('duo_import')
    .set({
      status: 'klaar',
      file_kind: s.kind,
      counts: JSON.stringify(countsOf(s)),
      problems: JSON.stringify(s.problems.slice(0, maxStoredProblems)),
      problem_count: s.problems.length,
      message: null,
      finished_at: new Date(),
      content: null,
    })
    .where('id', '=', s.importId)
    .execute();
}

/**
 * Imports one DUO file in one transaction. A file that cannot be read at all (wrong kind,
 * missing column) changes nothing and throws a DuoFileError; the import row records why.
 */
export async function importDuoFile(
  db: Kysely<DB>,
  buf: Buffer,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const importId = await startRow(db, 'duo', buf, opts);
  opts.progress?.('Bestand lezen', 0, 3);
  let parsed: ParsedFile;
  try {
    parsed = parseDuoFile(buf, { expected: opts.expected, fileName: opts.fileName, year: opts.year });
  } catch (err) {
    if (err instanceof DuoFileError) await fail(db, importId, err, null);
    throw err;
  }
  const summary = emptySummary(importId, opts.fileName, parsed.kind, kindLabel[parsed.kind], parsed.dataRows);
  opts.progress?.('Gegevens bijwerken', 1, 3);
  try {
    await db.transaction().execute(async (trx) => {
      if (parsed.schools.length) await importSchools(trx, parsed, importId, summary, opts.today);
      if (parsed.pupils.length || parsed.pupilSchools.length)
        await importPupils(trx, parsed, importId, summary);
      if (parsed.kind === 'besturen') await importBoards(trx, parsed.boards, importId, summary);
      summary.problems = parsed.problems.sort((a, b) => a.line - b.line);
      opts.progress?.('Verslag opslaan', 2, 3);
      await finish(trx, summary);
    });
  } catch (err) {
    await fail(
      db,
      importId,
      new DuoFileError(`De import is afgebroken; er is niets gewijzigd. Oorzaak: ${(err as Error).message}`),
      parsed.kind,
    );
    throw err;
  }
  opts.progress?.('Klaar', 3, 3);
  return summary;
}

/** Imports a CBS achterstandsscores workbook (PO indicator) in one transaction. */
export async function importCbsFile(
  db: Kysely<DB>,
  buf: Buffer,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const importId = await startRow(db, 'cbs', buf, opts);
  opts.progress?.('Bestand lezen', 0, 3);
  let parsed;
  try {
    parsed = parseCbsScores(buf, { fileName: opts.fileName, year: opts.year });
  } catch (err) {
    if (err instanceof DuoFileError) await fail(db, importId, err, null);
    throw err;
  }
  const summary = emptySummary(
    importId,
    opts.fileName,
    'cbs-achterstandsscores-po',
    'CBS achterstandsscores (po)',
    parsed.dataRows,
  );
  opts.progress?.('Gegevens bijwerken', 1, 3);
  try {
    await db.transaction().execute(async (trx) => {
      const schools = await loadSchools(trx);
      const s = parsed.scores;
      const orgs = s.map((r) => schools.get(r.code)?.id ?? null);
      summary.scoresWithoutSchool = orgs.filter((o) => o === null).length;
      if (s.length) {
        await sql`insert into achterstandsscore (vestigingscode, peildatum, indicator, organisation_id, pupils, score_hundredths, score_unthresholded_hundredths, import_id)
          select u.code, ${parsed.peildatum}::date, 'po', u.org, u.pupils, u.score, u.raw, ${importId}::int
          from unnest(${s.map((r) => r.code)}::text[], ${orgs}::int[], ${s.map((r) => r.pupils)}::int[],
                      ${s.map((r) => r.scoreHundredths)}::int[], ${s.map((r) => r.unthresholdedHundredths)}::int[]) as u(code, org, pupils, score, raw)
          on conflict (vestigingscode, peildatum, indicator) do update set organisation_id = excluded.organisation_id,
            pupils = excluded.pupils, score_hundredths = excluded.score_hundredths,
            score_unthresholded_hundredths = excluded.score_unthresholded_hundredths, import_id = excluded.import_id`.execute(
          trx,
        );
      }
      summary.scoresStored = s.length;
      summary.problems = parsed.problems;
      opts.progress?.('Verslag opslaan', 2, 3);
      await finish(trx, summary);
    });
  } catch (err) {
    await fail(
      db,
      importId,
      new DuoFileError(`De import is afgebroken; er is niets gewijzigd. Oorzaak: ${(err as Error).message}`),
      'cbs-achterstandsscores-po',
    );
    throw err;
  }
  opts.progress?.('Klaar', 3, 3);
  return summary;
}

/** Links scores to schools imported after the scores (join on vestigingscode). */
export async function linkScores(db: Kysely<DB>): Promise<void> {
  await sql`update achterstandsscore a set organisation_id = o.id from organisation o
    where a.organisation_id is null and o.kind = 'school' and o.code = a.vestigingscode`.execute(db);
}
