// Loading the praktijkkaart files from resources into the entries that have none yet (CLI and demo).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import {
  allInterventions,
  codesWithoutPraktijkkaart,
  fillPraktijkkaart,
  latestEntryText,
} from '../repository/entries.ts';
import { catalogueFile } from './scales.ts';
import { PraktijkkaartError, readPraktijkkaarten, praktijkkaartDir } from './praktijkkaart.ts';
import { bodyText } from './entry-editing.ts';

type Db = Kysely<DB>;

/**
 * Loads the praktijkkaart files into every entry that has none yet. With `strict` (the default;
 * the CLI and the demo use it) every intervention must have a complete file, or nothing is
 * loaded and a PraktijkkaartError lists what is missing. Without it, only complete files load.
 */
export async function importPraktijkkaarten(db: Db, opts: { strict?: boolean; dir?: string } = {}) {
  // Every intervention of the published catalogue needs a file, and so does any other
  // intervention that still lacks a praktijkkaart (editors write theirs in the editor).
  const catalogue = new Set(catalogueFile.interventions.map((i) => i.code));
  const lacking = new Set(await codesWithoutPraktijkkaart(db));
  const interventions = (await allInterventions(db)).filter(
    (i) => catalogue.has(i.code) || lacking.has(i.code),
  );
  const files = readPraktijkkaarten(
    interventions.map((i) => i.code),
    opts.dir ?? praktijkkaartDir,
  );
  if ((opts.strict ?? true) && files.problems.size) throw new PraktijkkaartError(files.problems);
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const i of interventions) {
      const card = files.cards.get(i.code);
      // Only entries without a praktijkkaart are filled: an intervention with none lacking is
      // skipped before its text is rendered (a warm start then renders no card at all).
      if (!card || !lacking.has(i.code)) continue;
      const latest = await latestEntryText(trx, i.id);
      updated += await fillPraktijkkaart(
        trx,
        i.id,
        card.sections,
        bodyText(card.sections, latest?.subtypes ?? [], latest?.notes ?? null),
      );
    }
  });
  return { loaded: files.cards.size, updatedEntries: updated, problems: files.problems };
}
