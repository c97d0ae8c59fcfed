// The menu as the plan uses it: which interventions of the menu in force this school may choose
// (not withdrawn, meant for its sector), and which interventions already in the plan have since
// been withdrawn (they stay on the plan, marked).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadMenu, menuVersionInForce } from '../../menukaart/services/menu.ts';
import { menuSectorOf } from '../../schoolscan/services/keuzehulp-rules.ts';

type Db = Kysely<DB>;

export interface ChoosableIntervention {
  id: number;
  code: string;
  name: string;
  categoryCode: string;
  categoryName: string;
}

export interface PlanMenu {
  version: { id: number; title: string };
  /** What the school may choose now, in menu order. */
  choosable: ChoosableIntervention[];
  /** Interventions (by menukaart id) that are withdrawn in, or missing from, the menu in force. */
  isWithdrawn: (interventionId: number) => boolean;
}

/** Whether an entry is meant for the school's sector (any entry when the sector is unknown). */
export function fitsSector(entrySectors: readonly string[], schoolSector: string | null): boolean {
  const s = schoolSector ? menuSectorOf[schoolSector] : undefined;
  return !s || entrySectors.includes(s);
}

export async function planMenu(db: Db, now: Date, schoolSector: string | null): Promise<PlanMenu> {
  const version = await menuVersionInForce(db, now);
  const menu = await loadMenu(db, version);
  const categoryName = new Map(menu.categories.map((c) => [c.code, c.name]));
  const inForce = new Map(menu.interventions.map((i) => [i.id, i]));
  return {
    version: { id: version.id, title: version.title },
    choosable: menu.interventions
      .filter((i) => !i.withdrawn && fitsSector(i.sectors, schoolSector))
      .map((i) => ({
        id: i.id,
        code: i.code,
        name: i.nameNl,
        categoryCode: i.categoryCode,
        categoryName: categoryName.get(i.categoryCode) ?? i.categoryCode,
      })),
    isWithdrawn: (id) => inForce.get(id)?.withdrawn ?? true,
  };
}

/** code → menukaart id of what may be chosen: the server-side check of a new intervention. */
export function choosableByCode(menu: PlanMenu): Map<string, number> {
  return new Map(menu.choosable.map((i) => [i.code, i.id]));
}
