// CLI commands of the DUO/CBS import: import-duo and import-cbs (registered by the funding
// module, which recomputes the amounts after them: see AfterCliImport).
import fs from 'node:fs';
import path from 'node:path';
import type { Command, CliContext } from '../../platform/cli/command.ts';
import { importCbsFile, importDuoFile, linkScores } from './services/importer.ts';
import type { ImportSummary } from './services/import-summary.ts';
import { DuoFileError } from './services/parse/parse.ts';
import { failureMessage } from './services/import-run.ts';
import { AllLinesRejected } from './services/import-failure.ts';
import { orderDuoFiles } from './services/cli-files.ts';
import type { Database } from '../../platform/db/database.ts';

interface ImportArgs {
  files: string[];
  year?: number;
  peildatum?: string;
  allowMassClose: boolean;
}

/** The arguments, or a Dutch message saying what is wrong with them. */
function parseArgs(args: string[]): ImportArgs | string {
  const out: ImportArgs = { files: [], allowMassClose: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') ? (a.split(/=(.*)/s, 2) as [string, string?]) : [a];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--jaar') {
      const v = value();
      out.year = Number(v);
      if (!/^\d{4}$/.test(v)) return `--jaar verwacht een jaartal, bijvoorbeeld --jaar 2019 (niet "${v}").`;
    } else if (flag === '--peildatum') out.peildatum = value();
    else if (flag === '--sluiten-toestaan') out.allowMassClose = true;
    else if (flag.startsWith('--')) return `Onbekende optie ${flag}.`;
    else out.files.push(a);
  }
  if (out.peildatum !== undefined && out.files.length !== 1)
    return '--peildatum geldt voor één bestand. Lees bestanden met verschillende peildata elk apart in.';
  return out;
}

export function reportLines(s: ImportSummary): string[] {
  const lines = [`${s.fileName}: ${s.kindLabel}, ${s.dataRows} regels`];
  if (s.peildatum) lines.push(`  peildatum ${s.peildatum} (${s.peildatumSource})`);
  if (s.schoolsAdded + s.schoolsChanged + s.schoolsClosed + s.schoolsReopened + s.schoolsUnchanged > 0) {
    lines.push(
      `  scholen: ${s.schoolsAdded} nieuw, ${s.schoolsChanged} gewijzigd, ${s.schoolsClosed} gesloten, ${s.schoolsReopened} heropend, ${s.schoolsUnchanged} ongewijzigd`,
    );
  }
  if (s.schoolsNotClosed)
    lines.push(
      `  niet gesloten: ${s.schoolsNotClosed} scholen staan niet in het bestand, maar er zijn regels afgewezen; alleen een volledig, foutloos bestand sluit scholen`,
    );
  if (s.schoolsKeptNewer || s.schoolsAddedClosed)
    lines.push(
      `  ouder dan het nieuwste scholenbestand: ${s.schoolsKeptNewer} bekende scholen niet bijgewerkt, ${s.schoolsAddedClosed} alleen hierin genoemde scholen toegevoegd als gesloten`,
    );
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

/**
 * Imports the files in the order given, each in its own transaction. At the first file that
 * fails it stops and says which files were committed before it and which were not read; the
 * amounts are recomputed for what was committed. Returns whether every file was imported.
 */
export async function importFiles(
  database: Database,
  ctx: CliContext,
  files: { file: string; buf?: Buffer; source: 'duo' | 'cbs' }[],
  args: { year?: number; peildatum?: string; allowMassClose?: boolean } = {},
): Promise<{ ok: boolean; committed: string[] }> {
  const committed: string[] = [];
  for (const [i, { file, buf, source }] of files.entries()) {
    const name = path.basename(file);
    const opts = {
      fileName: name,
      year: args.year,
      peildatum: args.peildatum,
      allowMassClose: args.allowMassClose,
      today: today(),
      progress: (label: string, d: number, t: number) => ctx.progress(`${name} – ${label}`, d, t),
    };
    try {
      const content = buf ?? fs.readFileSync(file);
      const s =
        source === 'duo'
          ? await importDuoFile(database.db, content, opts)
          : await importCbsFile(database.db, content, opts);
      for (const l of reportLines(s)) ctx.out(l);
      committed.push(name);
    } catch (err) {
      const where = err instanceof DuoFileError && err.line ? `, regel ${err.line}` : '';
      ctx.out(`${name}${where}: mislukt, er is niets veranderd. ${failureMessage(err)}`);
      if (err instanceof AllLinesRejected)
        for (const p of err.problems.slice(0, 20)) ctx.out(`    regel ${p.line}: ${p.reason}`);
      const rest = files.slice(i + 1).map((f) => path.basename(f.file));
      if (files.length > 1) {
        ctx.out(
          committed.length
            ? `Gestopt. Wel ingelezen en vastgelegd: ${committed.join(', ')}.`
            : 'Gestopt. Er is geen bestand ingelezen.',
        );
        if (rest.length) ctx.out(`Niet ingelezen: ${rest.join(', ')}.`);
      }
      if (committed.length) await linkScores(database.db);
      return { ok: false, committed };
    }
  }
  await linkScores(database.db);
  return { ok: true, committed };
}

/**
 * What runs after a command committed one or more files. The CLI has no event bus (its context
 * has no Platform), so the module that registers these commands passes what the subscribers
 * of 'open-data.gewijzigd' would do: the funding module recomputes the amounts and reports them.
 */
export type AfterCliImport = (database: Database, ctx: CliContext, reason: string) => Promise<void>;

const usageHelp = [
  '  --jaar JJJJ         het jaar van de telling, als de bestandsnaam het niet noemt (wordt',
  '                      vergeleken met de jaren in het bestand)',
  '  --peildatum JJJJ-MM-DD  de datum van een scholen- of bestuurbestand (één bestand)',
  '  --sluiten-toestaan  sta toe dat een scholenbestand meer dan 10 % van de open scholen van een',
  '                      sector sluit (bijvoorbeeld na jaren zonder import)',
];

/** The commands import-duo and import-cbs, with what runs after committed files. */
export function importCommands(afterImport: AfterCliImport): Command[] {
  return [
    {
      name: 'import-duo',
      usage: 'import-duo <bestand…> [--jaar JJJJ] [--peildatum JJJJ-MM-DD] [--sluiten-toestaan]',
      description:
        'Leest DUO-bestanden (scholen, leerlingen, besturen) in, elk in één transactie, en herberekent de bedragen.',
      help: [
        'Meerdere bestanden worden in deze volgorde gelezen: eerst scholenbestanden, van de oudste',
        'peildatum naar de nieuwste; dan besturen; dan leerlingen. Een scholenbestand dat ouder is',
        'dan het nieuwste al ingelezen bestand voegt alleen ontbrekende scholen toe (als gesloten).',
        'Alleen een volledig, foutloos scholenbestand sluit scholen die er niet meer in staan.',
        ...usageHelp,
      ],
      async run(argv, ctx) {
        const args = parseArgs(argv);
        if (typeof args === 'string') {
          ctx.out(args);
          return 2;
        }
        if (args.files.length === 0) {
          ctx.out(
            'Geef een of meer DUO-bestanden op, bijvoorbeeld: import-duo 02.-alle-schoolvestigingen-basisonderwijs.csv',
          );
          return 2;
        }
        for (const f of args.files)
          if (!fs.existsSync(f)) {
            ctx.out(`Het bestand ${f} bestaat niet.`);
            return 2;
          }
        const planned = orderDuoFiles(
          args.files.map((file) => ({ file, buf: fs.readFileSync(file) })),
          { peildatum: args.peildatum, today: today() },
        );
        if (planned.length > 1) {
          ctx.out('Volgorde: eerst scholenbestanden (oudste peildatum eerst), dan besturen, dan leerlingen.');
          planned.forEach((p, i) => ctx.out(`  ${i + 1}. ${p.describe}`));
        }
        const database = await ctx.database();
        const result = await importFiles(database, ctx, planned, args);
        if (result.committed.length) await afterImport(database, ctx, 'DUO-import');
        return result.ok ? 0 : 1;
      },
    },
    {
      name: 'import-cbs',
      usage: 'import-cbs <bestand.xlsx> [--jaar JJJJ]',
      description: 'Leest de CBS-achterstandsscores per schoolvestiging in en herberekent de bedragen.',
      help: [
        'Het jaar van de scores komt uit de bestandsnaam (achterstandsscores-scholen-2019.xlsx);',
        'geeft u --jaar op, dan moet het daarmee kloppen.',
      ],
      async run(argv, ctx) {
        const args = parseArgs(argv);
        if (typeof args === 'string') {
          ctx.out(args);
          return 2;
        }
        if (args.files.length !== 1 || !fs.existsSync(args.files[0]!)) {
          ctx.out('Geef precies één bestaand CBS-bestand (.xlsx) op.');
          return 2;
        }
        const database = await ctx.database();
        const result = await importFiles(database, ctx, [{ file: args.files[0]!, source: 'cbs' }], args);
        if (result.committed.length) await afterImport(database, ctx, 'CBS-import');
        return result.ok ? 0 : 1;
      },
    },
    // generate-national lives in src/modules/national/cli.ts.
  ];
}
