// What a reservation funds: a category (A–F) of the menu in force, optionally one intervention of
// it, and optionally the board-level intervention of the board's plan it belongs to. The rules
// are pure (checkPurpose); loadPurposeChoices reads what the form may offer.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadMenu, menuVersionInForce, NoMenuError } from '../../menukaart/services/menu.ts';
import { boardPlanChoices } from '../repository/reservations.ts';

export interface PurposeMenu {
  versionId: number;
  title: string;
  categories: { code: string; name: string }[];
  interventions: { id: number; code: string; name: string; categoryCode: string; withdrawn: boolean }[];
}

/** A board-level intervention of the board's plan that a reservation can fund. */
export interface PlanChoice {
  id: number;
  title: string;
  categoryCode: string;
  interventionId: number | null;
}

export interface PurposeInput {
  /** 'A'…'F' or '' */
  categoryCode: string;
  /** A menu code such as 'B3', or '' */
  interventionCode: string;
  /** The board-level intervention's id; null when none was chosen, 'ongeldig' when not a number. */
  planInterventionId: number | null | 'ongeldig';
}

export interface Purpose {
  categoryCode: string | null;
  interventionId: number | null;
  menuVersionId: number | null;
  planInterventionId: number | null;
}

/**
 * The rules: a category must be one of the menu in force; an intervention must be on that menu,
 * not withdrawn, and in the chosen category; a board-level intervention must be of the board's
 * own plan and fund the same category (and intervention). What the plan's intervention names is
 * taken over when the form leaves it empty.
 */
export function checkPurpose(
  menu: PurposeMenu | null,
  plan: PlanChoice[],
  input: PurposeInput,
): { errors: Record<string, string>; purpose: Purpose } {
  const errors: Record<string, string> = {};
  let categoryCode = input.categoryCode.trim().toUpperCase();
  let interventionCode = input.interventionCode.trim().toUpperCase();
  const planChoice =
    input.planInterventionId === null ? undefined : plan.find((p) => p.id === input.planInterventionId);
  if (input.planInterventionId !== null && !planChoice)
    errors.bovenschoolsPlan = 'Kies een bovenschoolse interventie uit het plan van uw eigen bestuur.';
  const none = { categoryCode: null, interventionId: null, menuVersionId: null, planInterventionId: null };
  if (!categoryCode && !interventionCode && !planChoice) return { errors, purpose: none };
  if (!menu) {
    errors.categorie = 'Er is nog geen menukaart die geldt; kies geen categorie of interventie.';
    return { errors, purpose: none };
  }
  const planIntervention = planChoice?.interventionId
    ? menu.interventions.find((i) => i.id === planChoice.interventionId)
    : undefined;
  if (planChoice && !categoryCode) categoryCode = planChoice.categoryCode;
  if (planIntervention && !interventionCode) interventionCode = planIntervention.code;
  const intervention = interventionCode
    ? menu.interventions.find((i) => i.code.toUpperCase() === interventionCode)
    : undefined;
  if (interventionCode && !intervention)
    errors.interventie = `Deze interventie staat niet op de menukaart die nu geldt (${menu.title}).`;
  else if (intervention?.withdrawn)
    errors.interventie = `${intervention.code} ${intervention.name} is van de menukaart gehaald en kan niet meer worden gekozen.`;
  if (!categoryCode && intervention) categoryCode = intervention.categoryCode;
  const category = menu.categories.find((c) => c.code === categoryCode);
  if (!category)
    errors.categorie = `Kies een categorie van de menukaart die nu geldt (${menu.categories.map((c) => c.code).join(', ')}).`;
  else if (intervention && intervention.categoryCode !== category.code && !errors.interventie)
    errors.interventie = `${intervention.code} ${intervention.name} hoort bij categorie ${intervention.categoryCode}, niet bij ${category.code}. Kies een interventie uit categorie ${category.code} of een andere categorie.`;
  if (planChoice && category && planChoice.categoryCode !== category.code)
    errors.bovenschoolsPlan = `De bovenschoolse interventie „${planChoice.title}” valt onder categorie ${planChoice.categoryCode}, niet onder ${category.code}.`;
  else if (planChoice?.interventionId && intervention && planChoice.interventionId !== intervention.id)
    errors.bovenschoolsPlan = `De bovenschoolse interventie „${planChoice.title}” betaalt ${planIntervention?.code ?? 'een andere interventie'}, niet ${intervention.code}.`;
  return {
    errors,
    purpose: {
      categoryCode: category?.code ?? null,
      interventionId: intervention?.id ?? null,
      menuVersionId: menu.versionId,
      planInterventionId: planChoice?.id ?? null,
    },
  };
}

/** The menu in force as the form needs it; null when no menu is published yet. */
export async function purposeMenu(db: Kysely<DB>, now: Date): Promise<PurposeMenu | null> {
  try {
    const version = await menuVersionInForce(db, now);
    const menu = await loadMenu(db, version);
    return {
      versionId: version.id,
      title: version.title,
      categories: menu.categories.map((c) => ({ code: c.code, name: c.name })),
      interventions: menu.interventions.map((i) => ({
        id: i.id,
        code: i.code,
        name: i.nameNl,
        categoryCode: i.categoryCode,
        withdrawn: i.withdrawn,
      })),
    };
  } catch (err) {
    if (err instanceof NoMenuError) return null;
    throw err;
  }
}

/** What the reservation form offers: the menu in force and the board's plan interventions. */
export async function loadPurposeChoices(db: Kysely<DB>, boardId: number, programmeId: number, now: Date) {
  const [menu, plan] = await Promise.all([purposeMenu(db, now), boardPlanChoices(db, boardId, programmeId)]);
  return { menu, plan };
}
