// The rules of the board-level plan: what a board-level intervention needs, what a GMR decision
// needs, which version the GMR can still decide on, and the GMR's status as the board, the GMR
// and the schools see it. Pure functions; the routes feed them what the repository read.
import { isIsoDate } from '../../../platform/input/strict.ts';
import { checkPurpose, type PurposeMenu } from '../../funding/services/reservation-purpose.ts';
import type { MrDecision } from '../tables.ts';
import { readSnapshot } from './board-plan-snapshot.ts';

export interface InterventionForm {
  categorie: string;
  interventie: string;
  titel: string;
  beschrijving: string;
  verantwoordelijke: string;
}

export function checkInterventionForm(menu: PurposeMenu | null, f: InterventionForm) {
  const errors: Record<string, string> = {};
  if (f.titel.trim().length < 3)
    errors.titel = 'Geef de bovenschoolse interventie een naam (minstens 3 tekens).';
  else if (f.titel.trim().length > 200) errors.titel = 'Houd de naam korter dan 200 tekens.';
  if (f.beschrijving.length > 5000) errors.beschrijving = 'Houd de beschrijving korter dan 5000 tekens.';
  if (f.verantwoordelijke.trim().length < 2)
    errors.verantwoordelijke = 'Vul in wie verantwoordelijk is (een naam of functie).';
  else if (f.verantwoordelijke.trim().length > 200)
    errors.verantwoordelijke = 'Houd de verantwoordelijke korter dan 200 tekens.';
  const purpose = checkPurpose(menu, [], {
    categoryCode: f.categorie,
    interventionCode: f.interventie,
    planInterventionId: null,
  });
  Object.assign(errors, purpose.errors);
  if (!purpose.purpose.categoryCode && !errors.categorie && !errors.interventie)
    errors.categorie = 'Kies de categorie van de menukaart waaronder deze interventie valt.';
  const p = purpose.purpose;
  return {
    errors,
    values:
      Object.keys(errors).length === 0 && p.categoryCode && p.menuVersionId
        ? {
            categoryCode: p.categoryCode,
            interventionId: p.interventionId,
            menuVersionId: p.menuVersionId,
            title: f.titel.trim(),
            description: f.beschrijving.trim(),
            responsible: f.verantwoordelijke.trim(),
          }
        : null,
  };
}

export interface DecisionForm {
  besluit: string;
  redenen: string;
  vergaderdatum: string;
}

/** A GMR decision: instemming or not, reasons when not, the meeting date (not in the future). */
export function checkDecisionForm(f: DecisionForm, today: string, submittedOn: string) {
  const errors: Record<string, string> = {};
  const decision = f.besluit === 'instemming' || f.besluit === 'geen-instemming' ? f.besluit : null;
  if (!decision) errors.besluit = 'Kies of de GMR instemt of niet instemt.';
  if (decision === 'geen-instemming' && f.redenen.trim().length < 5)
    errors.redenen =
      'Schrijf op waarom de GMR niet instemt (minstens 5 tekens); het bestuur kan dan het plan aanpassen.';
  if (f.redenen.length > 5000) errors.redenen = 'Houd de toelichting korter dan 5000 tekens.';
  if (!isIsoDate(f.vergaderdatum))
    errors.vergaderdatum = 'Vul de datum van de GMR-vergadering in als JJJJ-MM-DD (bijvoorbeeld 2021-10-12).';
  else if (f.vergaderdatum > today)
    errors.vergaderdatum = 'Leg het besluit vast na de vergadering: de datum kan niet in de toekomst liggen.';
  else if (f.vergaderdatum < submittedOn)
    errors.vergaderdatum = `De GMR kan niet besluiten vóór deze versie werd ingediend (${submittedOn}).`;
  return {
    errors,
    value:
      Object.keys(errors).length === 0 && decision
        ? { decision: decision as MrDecision, reasons: f.redenen.trim(), meetingOn: f.vergaderdatum }
        : null,
  };
}

export function checkComment(body: string): string | null {
  if (body.trim().length < 2) return 'Schrijf een reactie.';
  if (body.length > 5000) return 'Houd de reactie korter dan 5000 tekens.';
  return null;
}

interface VersionLike {
  number: number;
  decision: MrDecision | null;
  meeting_on: string | Date | null;
  snapshot?: unknown;
}

/**
 * The GMR can decide only on the newest version, once: an older version was replaced by a newer
 * one before the GMR decided, so its consent would no longer say anything about the plan.
 */
export function decidable(version: VersionLike, newestNumber: number): 'ja' | 'al-besloten' | 'vervangen' {
  if (version.decision) return 'al-besloten';
  if (version.number !== newestNumber) return 'vervangen';
  return 'ja';
}

export type PlanStatus =
  | { kind: 'geen-versie' }
  | { kind: 'wacht'; number: number }
  | { kind: 'instemming' | 'geen-instemming'; number: number; meetingOn: string };

const day = (d: string | Date | null) =>
  d === null ? '' : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/** The status of the newest version (versions newest first). */
export function planStatus(versions: VersionLike[]): PlanStatus {
  const v = versions[0];
  if (!v) return { kind: 'geen-versie' };
  if (!v.decision) return { kind: 'wacht', number: v.number };
  return { kind: v.decision, number: v.number, meetingOn: day(v.meeting_on) };
}

export function statusText(s: PlanStatus): string {
  switch (s.kind) {
    case 'geen-versie':
      return 'Nog niet aan de GMR voorgelegd';
    case 'wacht':
      return `Versie ${s.number} wacht op het besluit van de GMR`;
    case 'instemming':
      return `De GMR stemde in met versie ${s.number}`;
    case 'geen-instemming':
      return `De GMR stemde niet in met versie ${s.number}`;
  }
}

/**
 * Per reservation: the newest version that holds it, with that version's decision. A reservation
 * in no version was never put to the GMR. Versions newest first.
 */
export function statusPerReservation(versions: VersionLike[]): Map<number, PlanStatus> {
  const result = new Map<number, PlanStatus>();
  for (const v of versions)
    for (const i of readSnapshot(v.snapshot).interventions)
      for (const c of i.contributions)
        if (!result.has(c.reservationId)) result.set(c.reservationId, planStatus([v]));
  return result;
}
