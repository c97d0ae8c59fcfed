// Answers the platform already knows: the school's scan (done, focus domains) and its plan (the
// adopted interventions, the MR's decision, the money spent per menu category and the share of
// external staff), for the questionnaire's school year. A board gets the money of its schools.
// The person answering sees them marked and may change them; nothing here is stored by itself.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { findScan } from '../../schoolscan/repository/scans.ts';
import { focusPointsOfScan } from '../../schoolscan/repository/focus-points.ts';
import { findPlan } from '../../schoolprogramma/repository/plans.ts';
import { findVersion, listVersions } from '../../schoolprogramma/repository/versions.ts';
import { spentOfPlan } from '../../schoolprogramma/repository/expenses.ts';
import { moneyByCategory } from '../../schoolprogramma/repository/board-overview.ts';
import type { AnswerValue, Answers, Audience } from '../tables.ts';
import { focusDomains, questionsOf, type Definition, type PrefillSource } from './definition.ts';

type Db = Kysely<DB>;

export interface PrefillTarget {
  audience: Audience;
  orgId: number;
  /** The board of a school (its money is read through the board's overview). */
  parentId: number | null;
  programmeId: number;
  schoolYearId: number;
}

const nonCognitive = new Set<string>(focusDomains.map((d) => d.value).filter((v) => v !== 'cognitief'));

/** A focus point's domain as the questionnaire's options name it: every LVS subject is cognitive. */
export const questionnaireDomain = (domain: string) => (nonCognitive.has(domain) ? domain : 'cognitief');

/** Rounded to one decimal, as a person would type it. */
export const percentage = (part: number, total: number) => Math.round((part / total) * 1000) / 10;

/** Cents per category A–F, only those above zero; undefined when nothing was spent. */
function perCategory(rows: Array<{ category: string; cents: number }>): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.cents > 0) out[r.category] = (out[r.category] ?? 0) + r.cents;
  return Object.keys(out).length ? out : undefined;
}

async function schoolValues(db: Db, t: PrefillTarget, wanted: Set<PrefillSource>) {
  const out: Partial<Record<PrefillSource, AnswerValue>> = {};
  if (wanted.has('schoolscan-gedaan') || wanted.has('aandachtsgebieden')) {
    const scan = await findScan(db, t.orgId, t.schoolYearId);
    out['schoolscan-gedaan'] = scan?.status === 'afgerond' ? 'ja' : 'nee';
    if (scan) {
      const domains = new Set(
        (await focusPointsOfScan(db, scan.id)).map((f) => questionnaireDomain(f.domain)),
      );
      const ordered = focusDomains.map((d) => d.value as string).filter((d) => domains.has(d));
      if (ordered.length) out.aandachtsgebieden = ordered;
    }
  }
  const plan = await findPlan(db, t.orgId, t.programmeId);
  if (!plan) return out;
  if (wanted.has('mr-instemming') || wanted.has('interventies-plan')) {
    const versions = await listVersions(db, plan.id);
    // The MR's latest decision (a newer version still waiting for one does not undo it).
    const decided = versions.find((v) => v.decision);
    if (decided) out['mr-instemming'] = decided.decision === 'instemming' ? 'ja' : 'nee';
    const adopted = versions.find((v) => v.decision === 'instemming');
    if (adopted) {
      const v = await findVersion(db, plan.id, adopted.number);
      const snapshot = v?.snapshot as { interventions?: Array<{ code: string }> } | undefined;
      const codes = [...new Set((snapshot?.interventions ?? []).map((i) => i.code))];
      if (codes.length) out['interventies-plan'] = codes;
    }
  }
  if (wanted.has('besteding-per-categorie') && t.parentId !== null) {
    const money = await moneyByCategory(db, t.parentId, t.programmeId, t.orgId);
    const spent = perCategory(
      money
        .filter((m) => m.schoolYearId === t.schoolYearId)
        .map((m) => ({ category: m.category, cents: m.spentCents })),
    );
    if (spent) out['besteding-per-categorie'] = spent;
  }
  if (wanted.has('pnil-aandeel')) {
    const spent = (await spentOfPlan(db, plan.id)).filter((s) => s.schoolYearId === t.schoolYearId);
    const total = spent.reduce((a, s) => a + s.amountCents, 0);
    const pnil = spent
      .filter((s) => s.costType === 'extern-personeel')
      .reduce((a, s) => a + s.amountCents, 0);
    if (total > 0) out['pnil-aandeel'] = percentage(pnil, total);
  }
  return out;
}

async function boardValues(db: Db, t: PrefillTarget, wanted: Set<PrefillSource>) {
  const out: Partial<Record<PrefillSource, AnswerValue>> = {};
  if (wanted.has('besteding-per-categorie')) {
    const money = await moneyByCategory(db, t.orgId, t.programmeId);
    const spent = perCategory(
      money
        .filter((m) => m.schoolYearId === t.schoolYearId)
        .map((m) => ({ category: m.category, cents: m.spentCents })),
    );
    if (spent) out['besteding-per-categorie'] = spent;
  }
  return out;
}

/** The prefilled answers of a definition, by question key (only questions that name a source). */
export async function prefill(db: Db, definition: Definition, t: PrefillTarget): Promise<Answers> {
  const questions = questionsOf(definition).filter((q) => q.prefill);
  if (!questions.length) return {};
  const wanted = new Set(questions.map((q) => q.prefill!));
  const values =
    t.audience === 'school' ? await schoolValues(db, t, wanted) : await boardValues(db, t, wanted);
  const out: Answers = {};
  for (const q of questions) {
    const v = values[q.prefill!];
    if (v === undefined) continue;
    // A choice question keeps only values it offers (a definition may list fewer domains).
    if (q.type === 'meer-keuze' && Array.isArray(v)) {
      const offered = v.filter((x) => q.options?.some((o) => o.value === x));
      if (offered.length) out[q.key] = offered;
    } else out[q.key] = v;
  }
  return out;
}

/** Whether an answer is still the one the platform filled in (the page marks it so). */
export function samePrefill(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
