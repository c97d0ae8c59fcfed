// `generate-national`: the national dataset. First every shipped open-data file (all schools,
// boards, pupil counts, CBS scores) and the amounts; then the steps of national/steps (people
// and memberships, and what later modules add), each with a stream from the seed.
import type { Command, CliContext } from '../../platform/cli/command.ts';
import { formatNumber } from '../../platform/i18n/i18n.ts';
import { importFiles } from '../duo-import/cli.ts';
import { recomputeAndReport } from '../funding/cli.ts';
import { nationalSteps, streamFor } from './services/steps.ts';
import { shippedCbsFiles, shippedDuoFiles } from '../duo-import/services/shipped.ts';
import { exampleAccounts, nationalCounts } from './repository/digest.ts';
import { NationalRefusal, assertSameSeed, nationalDomain, nationalPassword } from './services/people.ts';

export const defaultSeed = 20210521;

export interface NationalArgs {
  seed: number;
  maxSchools?: number;
  sure: boolean;
}

/** The arguments, or a Dutch message saying what is wrong with them. */
export function parseNationalArgs(args: string[]): NationalArgs | string {
  const out: NationalArgs = { seed: defaultSeed, sure: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--zaad') {
      const v = value();
      if (v === undefined || !/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v)))
        return 'Het zaad (--zaad) moet een geheel getal zijn, bijvoorbeeld --zaad 42.';
      out.seed = Number(v);
    } else if (flag === '--max-scholen') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1)
        return 'Geef bij --max-scholen een aantal scholen van minstens 1, bijvoorbeeld --max-scholen 50.';
      out.maxSchools = Number(v);
    } else if (flag === '--ik-weet-het-zeker') out.sure = true;
    else
      return `Onbekend argument "${a}". Gebruik: generate-national [--zaad N] [--max-scholen N] [--ik-weet-het-zeker]`;
  }
  return out;
}

const fmt = (n: number) => formatNumber(n);

export const generateNationalCommand: Command = {
  name: 'generate-national',
  usage: 'generate-national [--zaad N] [--max-scholen N] [--ik-weet-het-zeker]',
  description:
    'Vult de database met de landelijke open data die het platform meelevert (alle scholen, besturen, leerlingtellingen, CBS-scores), berekent alle bedragen en maakt testaccounts per school en bestuur (zelfde zaad = zelfde gegevens).',
  async run(args, ctx: CliContext) {
    const parsed = parseNationalArgs(args);
    if (typeof parsed === 'string') {
      ctx.out(parsed);
      return 2;
    }
    if (ctx.config.env === 'production' && !parsed.sure) {
      ctx.out(
        'Dit is een productieomgeving (NODE_ENV=production). generate-national maakt duizenden testaccounts met een bekend wachtwoord aan; ' +
          'dat hoort niet in een echte omgeving. Weet u zeker dat dit een test- of benchmarkomgeving is? Voer de opdracht dan opnieuw uit met --ik-weet-het-zeker.',
      );
      return 2;
    }
    const database = await ctx.database();
    const t0 = performance.now();
    try {
      await assertSameSeed(database.db, parsed.seed);
    } catch (err) {
      if (err instanceof NationalRefusal) {
        ctx.out(err.message);
        return 1;
      }
      throw err;
    }
    const files = [
      ...shippedDuoFiles.map((file) => ({ file, source: 'duo' as const })),
      ...shippedCbsFiles.map((file) => ({ file, source: 'cbs' as const })),
    ];
    const phases: [string, number][] = [];
    let mark = performance.now();
    const phase = (label: string) => {
      const now = performance.now();
      phases.push([label, (now - mark) / 1000]);
      mark = now;
    };
    if (!(await importFiles(database, ctx, files)).ok) return 1;
    phase('open data');
    await recomputeAndReport(database, ctx, 'Landelijke dataset');
    phase('bedragen');
    for (const step of nationalSteps) {
      ctx.out(`Stap ${step.name} (zaad ${parsed.seed})`);
      try {
        await step.run(database.db, {
          random: streamFor(parsed.seed, step.name),
          out: ctx.out,
          seed: parsed.seed,
          maxSchools: parsed.maxSchools,
          progress: ctx.progress,
        });
      } catch (err) {
        if (err instanceof NationalRefusal) {
          ctx.out(err.message);
          return 1;
        }
        throw err;
      }
      phase(step.name);
    }
    const c = await nationalCounts(database.db);
    const seconds = (performance.now() - t0) / 1000;
    ctx.out('');
    ctx.out(
      `Landelijke dataset (zaad ${parsed.seed}${parsed.maxSchools ? `, accounts voor hoogstens ${parsed.maxSchools} scholen` : ''}):`,
    );
    ctx.out(
      `  scholen (open):   ${fmt(c.schools)} (${Object.entries(c.schoolsBySector)
        .map(([s, n]) => `${s} ${fmt(n)}`)
        .join(', ')})`,
    );
    ctx.out(`  besturen:         ${fmt(c.boards)} met open scholen`);
    ctx.out(
      `  leerlingen:       ${fmt(c.pupils)}${c.pupilsTeldatum ? ` (telling ${c.pupilsTeldatum})` : ''}`,
    );
    ctx.out(`  mensen:           ${fmt(c.people)} testaccounts op @${nationalDomain}`);
    ctx.out(
      `  lidmaatschappen:  ${fmt(Object.values(c.memberships).reduce((s, n) => s + n, 0))} (${Object.entries(
        c.memberships,
      )
        .map(([r, n]) => `${r} ${fmt(n)}`)
        .join(', ')})`,
    );
    ctx.out(
      `  duur:             ${seconds.toFixed(1)} s (${phases.map(([l, t]) => `${l} ${t.toFixed(1)} s`).join(', ')})`,
    );
    ctx.out(
      `Inloggen: schoolleider.<vestigingscode>@${nationalDomain}, teamlid-1.…, mr-lid-1.…, bestuur.<bestuursnummer>@${nationalDomain}, gmr-lid.…; ` +
        `wachtwoord voor alle testaccounts: ${nationalPassword}`,
    );
    const ex = await exampleAccounts(database.db);
    if (ex.schoolleider) ctx.out(`  bijvoorbeeld ${ex.schoolleider.email}`);
    if (ex.bestuur)
      ctx.out(
        `  bijvoorbeeld ${ex.bestuur.email} (tweestapsverificatie, sleutel ${ex.bestuur.totp_secret}; code: npm run cli -- totp-code ${ex.bestuur.totp_secret})`,
      );
  },
};

export const nationalCommands: Command[] = [generateNationalCommand];
