// Importing DUO pupil counts, creating the schools a pupil file names that nobody knows yet.
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ParsedFile } from './parse/parse.ts';
import type { ImportSummary } from './import-summary.ts';
import { ensureBoards } from './organisation-writes.ts';
import { insertSchools, loadSchools, writeChanges, type Change } from '../repository/organisations.ts';
import { pupilCountsOn, upsertPupilCounts } from '../repository/pupil-counts.ts';

export async function importPupils(
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
    const old = await pupilCountsOn(trx, teldata);
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
    await upsertPupilCounts(trx, write, importId);
  }
  await writeChanges(trx, importId, changes);
}
