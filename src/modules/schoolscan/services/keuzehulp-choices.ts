// The keuzehulp's commands and what its pages read: the menu in force as MenuItems, a scan's
// focus points with their rankings, choices, money and suggestion, and choosing or removing an
// intervention for a focus point (in the caller's transaction, with the scan locked, so nobody
// chooses in a scan that is being completed).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { VersionRow } from '../../menukaart/repository/versions.ts';
import { loadMenu, menuVersionInForce, type Menu } from '../../menukaart/services/menu.ts';
import * as repo from '../repository/keuzehulp.ts';
import {
  budgetOf,
  countedCents,
  estimateFor,
  rankFor,
  suggest,
  type FocusRanking,
  type MenuItem,
} from './keuzehulp.ts';

type Db = Kysely<DB>;

export interface MenuInForce {
  version: { label: string; title: string; validFrom: string | null };
  items: MenuItem[];
}

/** A menu version and its menu as the keuzehulp needs them. */
export function asKeuzehulpMenu(version: VersionRow, menu: Menu): MenuInForce {
  return {
    version: { label: version.label, title: version.title, validFrom: version.valid_from },
    items: menu.interventions.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.nameNl,
      categoryCode: i.categoryCode,
      sectors: i.sectors,
      effectMonths: i.effectMonths,
      evidence: i.evidence,
      cost: i.cost,
      withdrawn: i.withdrawn,
    })),
  };
}

/** The published menu valid today, read from the database (for work outside a request). */
export async function menuForKeuzehulp(db: Db, now: Date): Promise<MenuInForce> {
  const version = await menuVersionInForce(db, now);
  return asKeuzehulpMenu(version, await loadMenu(db, version));
}

const isSupport = (r: FocusRanking, interventionId: number) =>
  r.support.some((s) => s.item.id === interventionId);

/** Everything the keuzehulp pages show for a scan. */
export async function keuzehulpOf(
  db: Db,
  v: { scanId: number; schoolId: number; schoolYearId: number; sector: string | null; menu: MenuInForce },
) {
  const [points, choices, money] = await Promise.all([
    repo.focusPointsOfScan(db, v.scanId),
    repo.choicesOfScan(db, v.scanId),
    repo.schoolMoney(db, v.schoolId, v.schoolYearId),
  ]);
  const rankings = points.map((p) => rankFor(p, v.sector, v.menu.items));
  const byId = new Map(v.menu.items.map((i) => [i.id, i]));
  const budget = budgetOf(
    money.allocationCents,
    money.reservedCents,
    choices.map((c) => {
      const cost = byId.get(c.interventionId)?.cost ?? null;
      return {
        cents: c.estimatedCents,
        openEnded: cost !== null && estimateFor(cost, 1)?.highCents === null,
      };
    }),
  );
  // A focus point counts as chosen when it has an A–E choice (an F choice only supports).
  const chosenMain = new Set(
    choices
      .filter((c) => {
        const r = rankings.find((x) => x.focusPoint.id === c.focusPointId);
        return !r || !isSupport(r, c.interventionId);
      })
      .map((c) => c.focusPointId),
  );
  return {
    points,
    rankings,
    choices,
    money,
    budget,
    suggestion: suggest(rankings, budget.remainingCents, chosenMain),
  };
}

export type ChoiceRefusal =
  | 'niet-gevonden'
  | 'afgerond'
  | 'niet-op-menu'
  | 'ingetrokken'
  | 'past-niet'
  | 'steun-zonder-hoofdkeuze'
  | 'niet-gekozen'
  | 'steun-blijft-over';

export type ChoiceOutcome =
  | { ok: true; scanId: number; interventionId: number; code: string; changed: boolean }
  | { ok: false; reason: ChoiceRefusal; scanId?: number };

export const refusalTexts: Record<ChoiceRefusal, string> = {
  'niet-gevonden': 'Dit aandachtspunt bestaat niet (meer) in deze schoolscan.',
  afgerond:
    'De schoolscan is afgerond; er kan niets meer worden gekozen of verwijderd. Vraag de schoolleider de scan opnieuw te openen.',
  'niet-op-menu':
    'Deze interventie staat niet op de menukaart die nu geldt. Kies een interventie uit de lijst.',
  ingetrokken:
    'Deze interventie is van de menukaart gehaald en kan niet meer worden gekozen. Kies een andere.',
  'past-niet':
    'Deze interventie past niet bij dit aandachtspunt of niet bij de sector van uw school. Kies een interventie uit de lijst bij dit aandachtspunt.',
  'steun-zonder-hoofdkeuze':
    'Een interventie uit categorie F mag alleen ondersteunen. Kies eerst een interventie uit A tot en met E voor dit aandachtspunt.',
  'niet-gekozen': 'Deze interventie was niet gekozen voor dit aandachtspunt; er is niets verwijderd.',
  'steun-blijft-over':
    'Dit is de laatste interventie uit A tot en met E bij dit aandachtspunt, en er is nog een ondersteunende interventie (F) gekozen. Verwijder eerst de ondersteunende interventie.',
};

interface ChoiceInput {
  schoolId: number;
  schoolYearId: number;
  focusPointId: number;
  code: string;
  sector: string | null;
  menu: MenuInForce;
  personId: number | null;
}

/** Locks the scan, then loads the focus point and its ranking; a refusal when it is not open. */
async function openFocusPoint(trx: Db, v: ChoiceInput) {
  const scan = await repo.lockScanOfFocusPoint(trx, v.schoolId, v.schoolYearId, v.focusPointId);
  if (!scan) return { ok: false as const, reason: 'niet-gevonden' as const };
  if (scan.status === 'afgerond') return { ok: false as const, reason: 'afgerond' as const, scanId: scan.id };
  const fp = (await repo.focusPointsOfScan(trx, scan.id)).find((p) => p.id === v.focusPointId)!;
  const ranking = rankFor(fp, v.sector, v.menu.items);
  const chosen = (await repo.choicesOfScan(trx, scan.id)).filter((c) => c.focusPointId === fp.id);
  return { ok: true as const, scanId: scan.id, fp, ranking, chosen };
}

/** Chooses an intervention (by menu code) for a focus point, with its estimate. */
export async function chooseIntervention(trx: Db, v: ChoiceInput): Promise<ChoiceOutcome> {
  const open = await openFocusPoint(trx, v);
  if (!open.ok) return open;
  const { scanId, fp, ranking, chosen } = open;
  const item = v.menu.items.find((i) => i.code === v.code);
  if (!item) return { ok: false, reason: 'niet-op-menu', scanId };
  if (item.withdrawn) return { ok: false, reason: 'ingetrokken', scanId };
  const main = ranking.ranked.find((r) => r.item.id === item.id);
  const support = ranking.support.find((r) => r.item.id === item.id);
  if (!main && !support) return { ok: false, reason: 'past-niet', scanId };
  if (!main && !chosen.some((c) => ranking.ranked.some((r) => r.item.id === c.interventionId)))
    return { ok: false, reason: 'steun-zonder-hoofdkeuze', scanId };
  const changed = await repo.insertChoice(trx, {
    focusPointId: fp.id,
    interventionId: item.id,
    estimatedCents: countedCents(estimateFor(item.cost, fp.pupils)),
    personId: v.personId,
  });
  return { ok: true, scanId, interventionId: item.id, code: item.code, changed };
}

/** Removes a chosen intervention from a focus point. */
export async function removeIntervention(trx: Db, v: ChoiceInput): Promise<ChoiceOutcome> {
  const open = await openFocusPoint(trx, v);
  if (!open.ok) return open;
  const { scanId, fp, ranking, chosen } = open;
  const choice = chosen.find((c) => c.code === v.code);
  if (!choice) return { ok: false, reason: 'niet-gekozen', scanId };
  const isMain = !isSupport(ranking, choice.interventionId);
  if (isMain) {
    const otherMain = chosen.filter(
      (c) => c.interventionId !== choice.interventionId && !isSupport(ranking, c.interventionId),
    );
    const supports = chosen.filter((c) => isSupport(ranking, c.interventionId));
    if (otherMain.length === 0 && supports.length > 0)
      return { ok: false, reason: 'steun-blijft-over', scanId };
  }
  await repo.deleteChoice(trx, fp.id, choice.interventionId);
  return { ok: true, scanId, interventionId: choice.interventionId, code: choice.code, changed: true };
}
