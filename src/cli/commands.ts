// The commands of `npm run cli -- <command>`: the platform's own, then each module's (its descriptor).
import type { Command } from '../platform/cli/command.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { seedDemo } from '../demo/seed.ts';
import { modules } from '../modules/index.ts';

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
  ...modules.flatMap((m) => m.commands ?? []),
];
