// The rules of the MR's consent, without the database: the status of a version, what the plan's
// state is in words, what a valid decision and comment are, when a reminder is due.
import { todayIn } from '../../menukaart/services/menu.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import type { MrDecision } from '../tables.ts';

export type VersionStatus = 'wacht-op-besluit' | MrDecision;

export const versionStatusLabels: Record<VersionStatus, string> = {
  'wacht-op-besluit': 'Wacht op besluit',
  instemming: 'Instemming',
  'geen-instemming': 'Geen instemming',
};

export const statusOf = (decision: MrDecision | null | undefined): VersionStatus =>
  decision ?? 'wacht-op-besluit';

/** A version waits this long for the MR's decision before the MR and school leader are reminded. */
export const reminderAfterDays = 42;
export const commentMaxLength = 4000;
export const noteMaxLength = 4000;
export const reasonsMaxLength = 4000;
export const summaryMaxLength = 2000;

export interface VersionInfo {
  number: number;
  decision: MrDecision | null;
}

/** The newest version and the newest one the MR consented to (the plan in force). */
export function consentState(versions: VersionInfo[]) {
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  return {
    latest: sorted[0] ?? null,
    adopted: sorted.find((v) => v.decision === 'instemming') ?? null,
    pending: sorted[0] && sorted[0].decision === null ? sorted[0] : null,
  };
}

/**
 * One sentence on where the plan stands. `draftDiffers` compares the draft with the adopted
 * version (undefined when not known).
 */
export function consentSentence(versions: VersionInfo[], draftDiffers?: boolean): string {
  const { latest, adopted, pending } = consentState(versions);
  if (!latest) return 'Het schoolprogramma is nog niet ingediend bij de MR.';
  if (pending) return `Versie ${pending.number} wacht op het besluit van de MR.`;
  if (latest.decision === 'geen-instemming')
    return `De MR heeft niet ingestemd met versie ${latest.number}.${adopted ? ` Versie ${adopted.number} heeft instemming en blijft van kracht.` : ''} Pas het concept aan en dien een nieuwe versie in.`;
  if (adopted && draftDiffers)
    return `Het concept wijkt af van versie ${adopted.number}, waarmee de MR heeft ingestemd. Dien de wijzigingen in als nieuwe versie: die heeft opnieuw instemming nodig.`;
  return `De MR heeft ingestemd met versie ${latest.number}. Het concept is gelijk aan die versie.`;
}

/** 'YYYY-MM-DD' or 'D-M-YYYY' as an existing date 'YYYY-MM-DD', else null. */
export function parseDay(input: string): string | null {
  const s = input.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [undefined, undefined, undefined];
  if (!m) {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [m[1], m[2], m[3]];
  }
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

export interface DecisionInput {
  besluit?: string;
  redenen: string;
  vergaderdatum: string;
}

export type DecisionCheck =
  | { ok: true; decision: MrDecision; reasons: string; meetingOn: string }
  | { ok: false; errors: Record<string, string> };

/** The MR's decision as entered: a choice, reasons when it refuses, a meeting day in range. */
export function checkDecision(input: DecisionInput, submittedAt: Date, now: Date): DecisionCheck {
  const errors: Record<string, string> = {};
  const decision =
    input.besluit === 'instemming' || input.besluit === 'geen-instemming' ? input.besluit : null;
  if (!decision) errors.besluit = 'Kies of de MR instemt of niet.';
  const reasons = input.redenen.trim();
  if (decision === 'geen-instemming' && !reasons)
    errors.redenen =
      'Schrijf op waarom de MR niet instemt. De school heeft de redenen nodig om het plan aan te passen.';
  else if (reasons.length > reasonsMaxLength)
    errors.redenen = `De toelichting is te lang: maximaal ${reasonsMaxLength} tekens.`;
  const day = parseDay(input.vergaderdatum);
  const submittedOn = todayIn(submittedAt);
  if (!input.vergaderdatum.trim()) errors.vergaderdatum = 'Vul de datum van de MR-vergadering in.';
  else if (!day)
    errors.vergaderdatum = 'Vul de vergaderdatum in als dag-maand-jaar, bijvoorbeeld 14-03-2022.';
  else if (day > todayIn(now))
    errors.vergaderdatum = 'De vergaderdatum ligt in de toekomst. Leg het besluit vast na de vergadering.';
  else if (day < submittedOn)
    errors.vergaderdatum = `De vergaderdatum ligt vóór de indiening van deze versie (${formatDate(submittedOn)}).`;
  if (Object.keys(errors).length || !decision || !day) return { ok: false, errors };
  return { ok: true, decision, reasons, meetingOn: day };
}

/** A comment: not empty, not too long. Null when fine, else the message. */
export function checkComment(body: string): string | null {
  if (!body.trim()) return 'Schrijf eerst uw reactie.';
  if (body.length > commentMaxLength)
    return `Uw reactie is te lang: maximaal ${commentMaxLength} tekens (nu ${body.length}).`;
  return null;
}

/** Whether a version submitted at `submittedAt` has waited long enough for a reminder. */
export function reminderDue(submittedAt: Date, now: Date): boolean {
  return now.getTime() - submittedAt.getTime() > reminderAfterDays * 24 * 3600 * 1000;
}
