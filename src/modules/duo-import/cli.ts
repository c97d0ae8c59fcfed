// CLI commands of the DUO/CBS import: import-duo, import-cbs, generate-national.
import fs from 'node:fs';
import path from 'node:path';
import type { Command, CliContext } from '../../cli/commands.ts';
import { loadProgramme } from '../../platform/programme.ts';
import { recomputeAll } from '../funding/service.ts';
import { formatCents } from '../../platform/i18n/i18n.ts';
import { importCbsFile, importDuoFile, linkScores, type ImportSummary } from './importer.ts';
import { DuoFileError } from './parse.ts';
import type { Database } from '../../platform/db/database.ts';

function parseArgs(args: string[]) {
  const files: string[] = [];
  let year: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--jaar') year = Number(args[++i]);
    else if (a.startsWith('--jaar=')) year = Number(a.slice(7));
    else files.push(a);
  }
  return { files, year };
}

export function reportLines(s: ImportSummary): string[] {
  const lines = [`${s.fileName}: ${s.kindLabel}, ${s.dataRows} regels`];
  if (s.schoolsAdded + s.schoolsChanged + s.schoolsClosed + s.schoolsReopened + s.schoolsUnchanged > 0) {
    lines.push(
      `  scholen: ${s.schoolsAdded} nieuw, ${s.schoolsChanged} gewijzigd, ${s.schoolsClosed} gesloten, ${s.schoolsReopened} heropend, ${s.schoolsUnchanged} ongewijzigd`,
    );
  }
  if (s.boardsAdded + s.boardsRenamed + s.boardNamesKept > 0) {
    lines.push(
      `  besturen: ${s.boardsAdded} nieuw, ${s.boardsRenamed} naam bijgewerkt${s.boardNamesKept ? `, ${s.boardNamesKept} gecorrigeerde naam behouden` : ''}`,
    );
  }
  if (s.pupilCountsAdded || s.pupilCountsChanged)
    lines.push(`  leerlingtellingen: ${s.pupilCountsAdded} nieuw, ${s.pupilCountsChanged} gewijzigd`);
  if (s.scoresStored)
    lines.push(
      `  achterstandsscores: ${s.scoresStored} opgeslagen, ${s.scoresWithoutSchool} zonder bekende school`,
    );
  lines.push(`  afgewezen regels: ${s.problems.length}`);
  for (const p of s.problems.slice(0, 20)) lines.push(`    regel ${p.line}: ${p.reason}`);
  if (s.problems.length > 20) lines.push(`    … en nog ${s.problems.length - 20}`);
  return lines;
}

const today = () => new Date().toISOString().slice(0, 10);

export async function importFiles(
  database: Database,
  ctx: CliContext,
  files: { file: string; source: 'duo' | 'cbs' }[],
  year?: number,
) {
  for (const { file, source } of files) {
    const buf = fs.readFileSync(file);
    const opts = {
      fileName: path.basename(file),
      year,
      today: today(),
      progress: (label: string, d: number, t: number) =>
        ctx.progress(`${path.basename(file)} – ${label}`, d, t),
    };
    try {
      const s =
        source === 'duo'
          ? await importDuoFile(database.db, buf, opts)
          : await importCbsFile(database.db, buf, opts);
      for (const l of reportLines(s)) ctx.out(l);
    } catch (err) {
      if (err instanceof DuoFileError) {
        ctx.out(`${path.basename(file)}${err.line ? `, regel ${err.line}` : ''}: ${err.message}`);
        return false;
      }
      throw err;
    }
  }
  await linkScores(database.db);
  return true;
}

export async function recompute(database: Database, ctx: CliContext, reason: string) {
  const programme = await loadProgramme(database.db);
  const labels = new Map(
    (await database.db.selectFrom('school_year').select(['id', 'label']).execute()).map((y) => [
      y.id,
      y.label,
    ]),
  );
  for (const r of await recomputeAll(database.db, programme.id, reason)) {
    if (r.runId)
      ctx.out(
        `Bedragen herberekend voor ${labels.get(r.schoolYearId)}: ${r.schools} scholen, totaal ${formatCents(r.totalCents)}`,
      );
  }
}

export const duoCommands: Command[] = [
  {
    name: 'import-duo',
    usage: 'import-duo <bestand…> [--jaar JJJJ]',
    description:
      'Leest DUO-bestanden (scholen, leerlingen, besturen) in, elk in één transactie, en herberekent de bedragen.',
    async run(args, ctx) {
      const { files, year } = parseArgs(args);
      if (files.length === 0) {
        ctx.out(
          'Geef een of meer DUO-bestanden op, bijvoorbeeld: import-duo 02.-alle-schoolvestigingen-basisonderwijs.csv',
        );
        return 2;
      }
      for (const f of files)
        if (!fs.existsSync(f)) {
          ctx.out(`Het bestand ${f} bestaat niet.`);
          return 2;
        }
      const database = await ctx.database();
      if (
        !(await importFiles(
          database,
          ctx,
          files.map((file) => ({ file, source: 'duo' as const })),
          year,
        ))
      )
        return 1;
      await recompute(database, ctx, 'DUO-import');
    },
  },
  {
    name: 'import-cbs',
    usage: 'import-cbs <bestand.xlsx> [--jaar JJJJ]',
    description: 'Leest de CBS-achterstandsscores per schoolvestiging in en herberekent de bedragen.',
    async run(args, ctx) {
      const { files, year } = parseArgs(args);
      if (files.length !== 1 || !fs.existsSync(files[0]!)) {
        ctx.out('Geef precies één bestaand CBS-bestand (.xlsx) op.');
        return 2;
      }
      const database = await ctx.database();
      if (!(await importFiles(database, ctx, [{ file: files[0]!, source: 'cbs' }], year))) return 1;
      await recompute(database, ctx, 'CBS-import');
    },
  },
  // generate-national lives in src/modules/national/cli.ts.
];
