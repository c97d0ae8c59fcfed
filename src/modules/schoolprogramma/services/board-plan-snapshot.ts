// The frozen form of the board-level plan (what a GMR version holds) and the difference between
// two versions. Pure: the snapshot is built from rows the repository read.
import type { DraftIntervention } from '../repository/board-plan.ts';

export interface SnapshotContribution {
  reservationId: number;
  schoolId: number;
  schoolName: string;
  schoolYear: string;
  amountCents: number;
  mrConsentOn: string;
}

export interface SnapshotIntervention {
  id: number;
  categoryCode: string;
  categoryName: string;
  interventionCode: string | null;
  interventionName: string | null;
  title: string;
  description: string;
  responsible: string;
  contributions: SnapshotContribution[];
}

export interface BoardPlanSnapshot {
  interventions: SnapshotIntervention[];
}

export interface ContributionRow {
  id: number;
  board_plan_intervention_id: number | null;
  school_id: number;
  school_name: string;
  school_year: string;
  amount_cents: number | string;
  mr_consent_on: string | Date;
}

const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function buildSnapshot(
  interventions: DraftIntervention[],
  rows: ContributionRow[],
): BoardPlanSnapshot {
  return {
    interventions: interventions.map((i) => ({
      id: i.id,
      categoryCode: i.category_code,
      categoryName: i.category_name ?? '',
      interventionCode: i.intervention_code,
      interventionName: i.intervention_name,
      title: i.title,
      description: i.description,
      responsible: i.responsible,
      contributions: rows
        .filter((r) => r.board_plan_intervention_id === i.id)
        .map((r) => ({
          reservationId: r.id,
          schoolId: r.school_id,
          schoolName: r.school_name,
          schoolYear: r.school_year,
          amountCents: Number(r.amount_cents),
          mrConsentOn: day(r.mr_consent_on),
        })),
    })),
  };
}

/** A snapshot from the database (JSON or already parsed), tolerant of a missing list. */
export function readSnapshot(value: unknown): BoardPlanSnapshot {
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<BoardPlanSnapshot> | null;
  return { interventions: v?.interventions ?? [] };
}

export function totalCents(s: SnapshotIntervention): number {
  return s.contributions.reduce((n, c) => n + c.amountCents, 0);
}

/** JSON with keys sorted: jsonb keeps its own key order, so a stored snapshot reads back reordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Whether two snapshots hold the same plan (then a new version would change nothing). */
export function sameContent(a: BoardPlanSnapshot, b: BoardPlanSnapshot): boolean {
  return canonical(a) === canonical(b);
}

export interface InterventionChange {
  title: string;
  kind: 'nieuw' | 'vervallen' | 'gewijzigd';
  /** For 'gewijzigd': which parts changed, in Dutch, with before and after. */
  changes: { field: string; before: string; after: string }[];
}

const contributionText = (c: SnapshotContribution) =>
  `${c.schoolName} ${c.schoolYear}: ${(c.amountCents / 100).toFixed(2).replace('.', ',')} euro`;

/** What changed from one version to the next, per board-level intervention. */
export function diffSnapshots(
  before: BoardPlanSnapshot | null,
  after: BoardPlanSnapshot,
): InterventionChange[] {
  const old = new Map((before?.interventions ?? []).map((i) => [i.id, i]));
  const result: InterventionChange[] = [];
  for (const i of after.interventions) {
    const o = old.get(i.id);
    old.delete(i.id);
    if (!o) {
      result.push({ title: i.title, kind: 'nieuw', changes: [] });
      continue;
    }
    const fields: [string, string, string][] = [
      ['Naam', o.title, i.title],
      ['Categorie', `${o.categoryCode} ${o.categoryName}`, `${i.categoryCode} ${i.categoryName}`],
      [
        'Interventie',
        o.interventionCode ? `${o.interventionCode} ${o.interventionName ?? ''}`.trim() : 'geen',
        i.interventionCode ? `${i.interventionCode} ${i.interventionName ?? ''}`.trim() : 'geen',
      ],
      ['Beschrijving', o.description, i.description],
      ['Verantwoordelijke', o.responsible, i.responsible],
      [
        'Bijdragen van scholen',
        o.contributions.map(contributionText).join('; ') || 'geen',
        i.contributions.map(contributionText).join('; ') || 'geen',
      ],
    ];
    const changes = fields
      .filter(([, b, a]) => b !== a)
      .map(([field, b, a]) => ({ field, before: b, after: a }));
    if (changes.length) result.push({ title: i.title, kind: 'gewijzigd', changes });
  }
  for (const o of old.values()) result.push({ title: o.title, kind: 'vervallen', changes: [] });
  return result;
}
