// The demo's keuzehulp choices: for the demo school's focus point, the best-ranked fitting
// intervention of the menu in force, and (when the ranking offers one) the best supporting F
// intervention beside it, chosen through the real command so the estimate and the rules are the
// keuzehulp's own. Without a menu in force (a database without the menukaart) nothing is chosen.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { NoMenuError } from '../../menukaart/services/menu.ts';
import * as scans from '../repository/scans.ts';
import * as repo from '../repository/keuzehulp.ts';
import { rankFor } from './keuzehulp.ts';
import { chooseIntervention, menuForKeuzehulp } from './keuzehulp-choices.ts';

/** Returns the menu codes chosen (empty when there is no menu, scan or fitting intervention). */
export async function addDemoChoices(
  trx: Kysely<DB>,
  schoolId: number,
  schoolYearId: number,
  sector: string | null,
): Promise<string[]> {
  let menu;
  try {
    menu = await menuForKeuzehulp(trx, new Date());
  } catch (err) {
    if (err instanceof NoMenuError) return [];
    throw err;
  }
  const scan = await scans.findScan(trx, schoolId, schoolYearId);
  const point = scan ? (await repo.focusPointsOfScan(trx, scan.id))[0] : undefined;
  if (!point) return [];
  const ranking = rankFor(point, sector, menu.items);
  const candidates = [ranking.ranked[0], ranking.support[0]].filter((r) => r !== undefined);
  const chosen: string[] = [];
  for (const c of candidates) {
    const out = await chooseIntervention(trx, {
      schoolId,
      schoolYearId,
      focusPointId: point.id,
      code: c.item.code,
      sector,
      menu,
      personId: null,
    });
    if (out.ok) chosen.push(out.code);
  }
  return chosen;
}
