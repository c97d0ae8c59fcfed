// Checking the records of a bookkeeping export against the plan: each line becomes an expense
// (date and school year, amount, description, intervention, cost type) or a reason why not.
// Intervention and cost type values the platform does not recognise are mapped by the school
// leader (to an intervention of the plan or a cost type) or refused; the import is all or
// nothing, so one refused line stops it, with every reason listed. Pure.
import type { CostType } from '../tables.ts';
import { expenseDate, parseExpenseAmount, type YearRange } from './budget-amounts.ts';
import { normalise, type FileRecord, type ImportField } from './expense-file.ts';

export interface PlanInterventionRef {
  id: number;
  code: string;
  name: string;
}

/** Ways people write each cost type in their bookkeeping (normalised). */
const costTypeNames: Record<CostType, string[]> = {
  'eigen-personeel': ['eigenpersoneel', 'personeel', 'personeelskosten', 'loonkosten', 'eigen'],
  'extern-personeel': ['externpersoneel', 'pnil', 'extern', 'inhuur', 'personeelnietinloondienst'],
  'materialen-ict': ['materialenict', 'materialenenict', 'materialen', 'materiaal', 'ict', 'leermiddelen'],
  professionalisering: [
    'professionalisering',
    'trainingenprofessionalisering',
    'training',
    'scholing',
    'nascholing',
  ],
  overig: ['overig', 'overige', 'overigekosten'],
};

export function recogniseCostType(value: string): CostType | undefined {
  const n = normalise(value);
  return (Object.keys(costTypeNames) as CostType[]).find((t) => costTypeNames[t].includes(n));
}

/** An intervention by its menu code ("B6"), its name, or both ("B6 Tutoring"). */
export function recogniseIntervention(value: string, plan: PlanInterventionRef[]): number | undefined {
  const n = normalise(value);
  if (n === '') return undefined;
  const hits = plan.filter(
    (p) => normalise(p.code) === n || normalise(p.name) === n || normalise(`${p.code} ${p.name}`) === n,
  );
  return hits.length === 1 ? hits[0]!.id : undefined;
}

/** What the school leader chose for values the platform did not recognise (by normalised value). */
export interface ValueMapping {
  interventions: Record<string, number | 'weigeren'>;
  costTypes: Record<string, CostType | 'weigeren'>;
}

export interface UnknownValue {
  /** The normalised value: the key of the choice in the form. */
  key: string;
  /** The value as first written in the file. */
  text: string;
  lines: number;
}

/** Intervention and cost type values not recognised, each once, in the order they first occur. */
export function unknownValues(
  records: FileRecord[],
  columns: Record<ImportField, number>,
  plan: PlanInterventionRef[],
): { interventions: UnknownValue[]; costTypes: UnknownValue[] } {
  const collect = (column: number, known: (v: string) => boolean) => {
    const out = new Map<string, UnknownValue>();
    for (const r of records) {
      const text = r.cells[column] ?? '';
      const key = normalise(text);
      if (key === '' || known(text)) continue;
      const u = out.get(key) ?? out.set(key, { key, text, lines: 0 }).get(key)!;
      u.lines++;
    }
    return [...out.values()];
  };
  return {
    interventions: collect(columns.interventie, (v) => recogniseIntervention(v, plan) !== undefined),
    costTypes: collect(columns.kostensoort, (v) => recogniseCostType(v) !== undefined),
  };
}

export interface ImportedExpense {
  line: number;
  spentOn: string;
  schoolYearId: number;
  amountCents: number;
  description: string;
  planInterventionId: number;
  costType: CostType;
}

export interface LineProblem {
  line: number;
  reason: string;
}

export type CheckResult =
  { ok: true; rows: ImportedExpense[]; totalCents: number } | { ok: false; problems: LineProblem[] };

export function checkExpenseRecords(input: {
  records: FileRecord[];
  columns: Record<ImportField, number>;
  mapping: ValueMapping;
  plan: PlanInterventionRef[];
  years: YearRange[];
  today: string;
}): CheckResult {
  const { records, columns, mapping, plan, years, today } = input;
  const rows: ImportedExpense[] = [];
  const problems: LineProblem[] = [];
  for (const r of records) {
    const cell = (f: ImportField) => (r.cells[columns[f]] ?? '').trim();
    const reasons: string[] = [];
    const date = expenseDate(cell('datum'), years, today);
    if (!date.ok) reasons.push(date.message);
    // A bookkeeping export may hold credit lines: negative amounts are read, 0 is not.
    const amount = parseExpenseAmount(cell('bedrag'), true);
    if (!amount.ok) reasons.push(amount.message);
    const description = cell('omschrijving');
    if (description === '') reasons.push('De omschrijving is leeg.');
    else if (description.length > 500) reasons.push('De omschrijving is langer dan 500 tekens.');
    const iv = cell('interventie');
    const ivChoice = recogniseIntervention(iv, plan) ?? mapping.interventions[normalise(iv)];
    if (iv === '') reasons.push('De interventie is leeg.');
    else if (ivChoice === 'weigeren') reasons.push(`De interventie "${iv}" is bij het koppelen geweigerd.`);
    else if (ivChoice === undefined || !plan.some((p) => p.id === ivChoice))
      reasons.push(`De interventie "${iv}" staat niet in het plan.`);
    const ct = cell('kostensoort');
    const ctChoice = recogniseCostType(ct) ?? mapping.costTypes[normalise(ct)];
    if (ct === '') reasons.push('De kostensoort is leeg.');
    else if (ctChoice === 'weigeren') reasons.push(`De kostensoort "${ct}" is bij het koppelen geweigerd.`);
    else if (ctChoice === undefined) reasons.push(`De kostensoort "${ct}" is onbekend.`);
    if (reasons.length > 0) {
      problems.push({ line: r.line, reason: reasons.join(' ') });
      continue;
    }
    if (
      !date.ok ||
      !amount.ok ||
      typeof ivChoice !== 'number' ||
      ctChoice === undefined ||
      ctChoice === 'weigeren'
    )
      continue;
    rows.push({
      line: r.line,
      spentOn: date.date,
      schoolYearId: date.schoolYearId,
      amountCents: amount.cents,
      description,
      planInterventionId: ivChoice,
      costType: ctChoice,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rows, totalCents: rows.reduce((s, r) => s + r.amountCents, 0) };
}
