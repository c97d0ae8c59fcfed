// The commands of `npm run cli -- <command>`. A module adds its commands to this list.
import type { Config } from '../config.ts';
import type { Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { seedDemo } from '../demo/seed.ts';
import { accountCommands } from '../modules/accounts/cli.ts';
import { duoCommands } from '../modules/duo-import/cli.ts';
import { nationalCommands } from '../modules/national/cli.ts';
import { menukaartCommands } from '../modules/menukaart/cli.ts';

export interface CliContext {
  config: Config;
  /** Opens (and migrates) the configured database; the CLI closes it afterwards. */
  database(): Promise<Database>;
  out: (line: string) => void;
  /** A progress line that rewrites itself on a terminal. */
  progress: (label: string, done: number, total: number) => void;
}

export interface Command {
  name: string;
  usage: string;
  description: string;
  /** More lines for `<command> --help`: options and what the command does in detail. */
  help?: string[];
  run(args: string[], ctx: CliContext): Promise<number | void>;
}

export const commands: Command[] = [
  {
    name: 'migrate',
    usage: 'migrate',
    description: 'Brengt het databaseschema naar de nieuwste versie (gebeurt ook bij het starten).',
    async run(_args, ctx) {
      const database = await ctx.database();
      const { applied } = await migrateToLatest(database.db);
      ctx.out(applied.length ? `Uitgevoerd: ${applied.join(', ')}` : 'De database is al bijgewerkt.');
    },
  },
  {
    name: 'seed-demo',
    usage: 'seed-demo',
    description:
      'Zet de demogegevens klaar: ministerie, een bestuur met drie scholen en een account per rol.',
    async run(_args, ctx) {
      if (ctx.config.env === 'production') {
        ctx.out(
          'seed-demo weigert in productie (NODE_ENV=production): demo-accounts hebben een openbaar ' +
            'bekend wachtwoord. Gebruik `invite` voor echte accounts. Er is niets gewijzigd.',
        );
        return 2;
      }
      const database = await ctx.database();
      const lines = await seedDemo(database.db);
      ctx.out('Demogegevens staan klaar.');
      for (const l of lines) ctx.out(`  ${l}`);
    },
  },
  ...accountCommands,
  ...duoCommands,
  ...nationalCommands,
  ...menukaartCommands,
];
