// The LVS import as one business action: check the whole file first (nothing is written when
// one line is wrong), then hash every pupil key with the school's secret and store the results
// and a record of the import in the caller's transaction. The file itself is never stored.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import * as repo from '../repository/lvs.ts';
import { maxFileBytes, maxFileMegabytes } from './parse/lvs-format.ts';
import {
  parseLvsFile,
  schoolYearLabel,
  type LineProblem,
  type ParseResult,
  type ParsedRow,
} from './parse/lvs-parse.ts';
import { newSchoolSecret, pseudonymise } from './pseudonym.ts';

export interface UploadedFile {
  name: string;
  data: Buffer;
}

export type CheckedFile =
  | {
      ok: true;
      file: UploadedFile;
      rows: ParsedRow[];
      warnings: string[];
      encoding: string;
      delimiter: string;
    }
  | { ok: false; fileProblem: string | null; problems: LineProblem[]; warnings: string[] };

/**
 * Checks an uploaded file; the size limit is checked before anything is read. `parse` reads it
 * in the flat format, or through a column mapping (services/parse/lvs-mapping.ts).
 */
export function checkLvsFile(
  file: UploadedFile | null,
  tooLarge = false,
  parse: (data: Uint8Array) => ParseResult = parseLvsFile,
): CheckedFile {
  const refuse = (fileProblem: string): CheckedFile => ({
    ok: false,
    fileProblem,
    problems: [],
    warnings: [],
  });
  if (tooLarge || (file && file.data.length > maxFileBytes))
    return refuse(
      `Het bestand is groter dan ${maxFileMegabytes} MB. Splits het, bijvoorbeeld per schooljaar, en upload de delen na elkaar.`,
    );
  if (!file || file.data.length === 0)
    return refuse('Het bestand is leeg. Kies het exportbestand met de toetsuitslagen.');
  const parsed = parse(file.data);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    file,
    rows: parsed.rows,
    warnings: parsed.warnings,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
  };
}

export interface StoredImport {
  importId: number;
  rows: number;
  pupils: number;
  schoolYears: string[];
}

/** Stores a checked file for a school: pseudonymous keys only. Call inside a transaction. */
export async function storeLvsImport(
  trx: Kysely<DB>,
  checked: Extract<CheckedFile, { ok: true }>,
  who: { schoolId: number; personId: number | null },
): Promise<StoredImport> {
  const secret = await repo.schoolSecret(trx, who.schoolId, newSchoolSecret);
  const hashes = new Map<string, string>();
  const rows: repo.ResultInsert[] = checked.rows.map((r) => {
    let pupilHash = hashes.get(r.pupilKey);
    if (!pupilHash) {
      pupilHash = pseudonymise(secret, r.pupilKey);
      hashes.set(r.pupilKey, pupilHash);
    }
    return {
      pupilHash,
      grade: r.grade,
      provider: r.provider,
      subject: r.subject,
      yearStart: r.yearStart,
      moment: r.moment,
      testDate: r.testDate,
      rawScore: r.rawScore,
      ability: r.ability,
      level: r.level,
      referenceLevel: r.referenceLevel,
      dle: r.dle,
    };
  });
  const schoolYears = [...new Set(checked.rows.map((r) => r.yearStart))].sort().map(schoolYearLabel);
  const pupils = new Set(hashes.values()).size;
  const importId = await repo.insertImport(trx, {
    schoolId: who.schoolId,
    personId: who.personId,
    fileName: checked.file.name,
    sizeBytes: checked.file.data.length,
    encoding: checked.encoding,
    delimiter: checked.delimiter,
    rows: rows.length,
    pupils,
    schoolYears,
    warnings: checked.warnings,
  });
  await repo.upsertResults(trx, who.schoolId, importId, rows);
  return { importId, rows: rows.length, pupils, schoolYears };
}
