// What changed between two versions, per section: the introduction, goals and interventions
// (matched by their id, texts compared word by word) and the budget (old → new amount per
// intervention, school year and cost type, and the totals per school year). Pure functions over
// two snapshots: the MR compares exactly what was submitted, never the live draft.
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { wordDiff, type WordPart } from '../../../platform/text/word-diff.ts';
import {
  costTypeLabels,
  type PlanSnapshot,
  type SnapshotGoal,
  type SnapshotIntervention,
} from './snapshot.ts';

/** A word-level diff's part: kept, added or removed text. */
export type DiffPart = WordPart;

export interface FieldChange {
  label: string;
  parts: DiffPart[];
}

export interface ItemChange {
  id: number;
  title: string;
  status: 'toegevoegd' | 'verwijderd' | 'gewijzigd';
  fields: FieldChange[];
}

export interface AmountChange {
  label: string;
  /** Null when the line did not exist on that side. */
  beforeCents: number | null;
  afterCents: number | null;
}

export interface PlanDiff {
  intro: FieldChange | null;
  goals: ItemChange[];
  interventions: ItemChange[];
  budget: AmountChange[];
  totals: AmountChange[];
  /** True when nothing in the content changed. */
  same: boolean;
}

type Fields<T> = Array<[label: string, value: (x: T, s: PlanSnapshot) => string]>;

const list = (xs: string[]) => (xs.length ? xs.join('; ') : '–');
const focusTexts = (ids: number[], s: PlanSnapshot) =>
  list(ids.map((id) => s.focusPoints.find((f) => f.id === id)?.label ?? `Aandachtspunt ${id}`));

const goalFields: Fields<SnapshotGoal> = [
  ['Wat', (g) => g.what],
  ['Voor wie', (g) => g.forWhom],
  ['Wanneer bereikt', (g) => formatDate(g.dueOn)],
  ['Hoe gemeten', (g) => g.measure],
  ['Aandachtspunten', (g, s) => focusTexts(g.focusPointIds, s)],
];

export const interventionTitle = (i: SnapshotIntervention) => `${i.code} ${i.name}`;

const interventionFields: Fields<SnapshotIntervention> = [
  ['Interventie', (i) => `${interventionTitle(i)}${i.withdrawn ? ' (van de menukaart gehaald)' : ''}`],
  ['Groepen', (i) => list(i.grades.map(String))],
  ['Aantal leerlingen', (i) => String(i.pupils)],
  ['Periode', (i) => `${formatDate(i.startsOn)} tot en met ${formatDate(i.endsOn)}`],
  ['Verantwoordelijk', (i) => i.responsible],
  ['Aanpak', (i) => i.approach],
  ['Professionalisering', (i) => i.professionalDevelopment],
  ['Evaluatie', (i) => i.evaluationPlan],
  ['Aandachtspunten', (i, s) => focusTexts(i.focusPointIds, s)],
  ['Doelen', (i, s) => list(i.goalIds.map((id) => s.goals.find((g) => g.id === id)?.what ?? `Doel ${id}`))],
];

function items<T extends { id: number }>(
  before: T[],
  after: T[],
  prev: PlanSnapshot | null,
  next: PlanSnapshot,
  fields: Fields<T>,
  title: (x: T) => string,
): ItemChange[] {
  const out: ItemChange[] = [];
  for (const x of after) {
    const old = before.find((o) => o.id === x.id);
    if (!old) {
      out.push({
        id: x.id,
        title: title(x),
        status: 'toegevoegd',
        fields: fields.map(([label, v]) => ({ label, parts: wordDiff('', v(x, next)) })),
      });
      continue;
    }
    const changed = fields
      .map(([label, v]) => ({ label, a: v(old, prev!), b: v(x, next) }))
      .filter((f) => f.a !== f.b)
      .map((f) => ({ label: f.label, parts: wordDiff(f.a, f.b) }));
    if (changed.length) out.push({ id: x.id, title: title(x), status: 'gewijzigd', fields: changed });
  }
  for (const o of before)
    if (!after.some((x) => x.id === o.id))
      out.push({
        id: o.id,
        title: title(o),
        status: 'verwijderd',
        fields: fields.map(([label, v]) => ({ label, parts: wordDiff(v(o, prev!), '') })),
      });
  return out;
}

function amounts(
  before: Map<string, { label: string; cents: number }>,
  after: Map<string, { label: string; cents: number }>,
): AmountChange[] {
  const out: AmountChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if ((a?.cents ?? 0) === (b?.cents ?? 0)) continue;
    out.push({ label: (b ?? a)!.label, beforeCents: a?.cents ?? null, afterCents: b?.cents ?? null });
  }
  return out;
}

const yearLabel = (s: PlanSnapshot, id: number) =>
  s.schoolYears.find((y) => y.id === id)?.label ?? String(id);

function budgetMap(s: PlanSnapshot | null) {
  const m = new Map<string, { label: string; cents: number }>();
  for (const l of s?.budget ?? []) {
    const i = s!.interventions.find((x) => x.id === l.planInterventionId);
    m.set(`${l.planInterventionId}|${l.schoolYearId}|${l.costType}`, {
      label: `${i ? interventionTitle(i) : 'Interventie'}, ${yearLabel(s!, l.schoolYearId)}, ${costTypeLabels[l.costType].toLowerCase()}`,
      cents: l.plannedCents,
    });
  }
  return m;
}

function totalsMap(s: PlanSnapshot | null) {
  const m = new Map<string, { label: string; cents: number }>();
  for (const t of s?.totals ?? []) {
    const key = String(t.schoolYearId);
    const cur = m.get(key) ?? { label: `Totaal ${yearLabel(s!, t.schoolYearId)}`, cents: 0 };
    cur.cents += t.plannedCents;
    m.set(key, cur);
  }
  if (s) m.set('totaal', { label: 'Totaal alle schooljaren', cents: s.totalPlannedCents });
  return m;
}

/** The changes from `prev` (null for the first version: everything is new) to `next`. */
export function diffSnapshots(prev: PlanSnapshot | null, next: PlanSnapshot): PlanDiff {
  const intro =
    (prev?.intro ?? '') === next.intro
      ? null
      : { label: 'Inleiding', parts: wordDiff(prev?.intro ?? '', next.intro) };
  const goals = items(prev?.goals ?? [], next.goals, prev, next, goalFields, (g) => g.what);
  const interventions = items(
    prev?.interventions ?? [],
    next.interventions,
    prev,
    next,
    interventionFields,
    interventionTitle,
  );
  const budget = amounts(budgetMap(prev), budgetMap(next));
  const totals = amounts(totalsMap(prev), totalsMap(next));
  return {
    intro,
    goals,
    interventions,
    budget,
    totals,
    same: !intro && !goals.length && !interventions.length && !budget.length,
  };
}
