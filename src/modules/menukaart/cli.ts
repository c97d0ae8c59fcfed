// CLI: load the praktijkkaarten from resources/menukaart/praktijkkaarten into the menu.
import type { Command } from '../../platform/cli/command.ts';
import { importPraktijkkaarten } from './services/praktijkkaart-import.ts';
import { PraktijkkaartError } from './services/praktijkkaart.ts';

export const menukaartCommands: Command[] = [
  {
    name: 'menukaart-import',
    usage: 'menukaart-import [--map <folder>]',
    description:
      'Laadt de praktijkkaarten (één Markdown-bestand per interventie) in de menukaart. Stopt zonder iets te laden als er een bestand of sectie ontbreekt.',
    async run(args, ctx) {
      const at = args.indexOf('--map');
      const dir = at >= 0 ? args[at + 1] : undefined;
      const database = await ctx.database();
      try {
        const r = await importPraktijkkaarten(database.db, { strict: true, dir });
        ctx.out(
          `Praktijkkaarten gelezen: ${r.loaded}. Bijgewerkte regels van de menukaart: ${r.updatedEntries} (bestaande praktijkkaarten blijven staan).`,
        );
      } catch (err) {
        if (err instanceof PraktijkkaartError) {
          ctx.out(err.message);
          return 1;
        }
        throw err;
      }
    },
  },
];
