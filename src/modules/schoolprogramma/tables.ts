// Row types of the school programme tables (migration 0500 and later 05xx) and their place in
// the database type.
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp } from '../../platform/db/tables.ts';

/** bigint columns arrive as strings from the driver; write numbers. */
type Cents = ColumnType<string, number | string, number | string>;
/** A bigint column with a default of 0. */
type DefaultCents = ColumnType<string, number | string | undefined, number | string>;
type Json<T> = ColumnType<T, string, string>;

export const costTypes = [
  'eigen-personeel',
  'extern-personeel',
  'materialen-ict',
  'professionalisering',
  'overig',
] as const;
export type CostType = (typeof costTypes)[number];

export type EvaluationDecision = 'doorgaan' | 'bijstellen' | 'stoppen';
export type MrDecision = 'instemming' | 'geen-instemming';

export interface PlanLink {
  href: string;
  label: string;
}

export interface SchoolPlanTable {
  id: Generated<number>;
  school_id: number;
  programme_id: number;
  intro: Generated<string>;
  public_summary: Generated<string>;
  public_summary_published_at: Timestamp | null;
  revision: Generated<number>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface SchoolPlanGoalTable {
  id: Generated<number>;
  plan_id: number;
  what: string;
  for_whom: string;
  due_on: DateString;
  measure: string;
  focus_point_ids: Generated<number[]>;
  position: number;
  revision: Generated<number>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface SchoolPlanInterventionTable {
  id: Generated<number>;
  plan_id: number;
  intervention_id: number;
  /** The menu in force when it was chosen. */
  menu_version_id: number;
  focus_point_ids: Generated<number[]>;
  goal_ids: Generated<number[]>;
  grades: Generated<number[]>;
  pupils: number;
  starts_on: DateString;
  ends_on: DateString;
  responsible: string;
  approach: Generated<string>;
  professional_development: Generated<string>;
  evaluation_plan: Generated<string>;
  position: number;
  revision: Generated<number>;
  budget_revision: Generated<number>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface SchoolPlanBudgetTable {
  plan_intervention_id: number;
  school_year_id: number;
  cost_type: CostType;
  planned_cents: DefaultCents;
  committed_cents: DefaultCents;
}

export interface SchoolPlanExpenseImportTable {
  id: Generated<number>;
  plan_id: number;
  file_name: string;
  rows: number;
  total_cents: Cents;
  created_at: Timestamp;
  created_by: number | null;
}

export interface SchoolPlanExpenseTable {
  id: Generated<number>;
  plan_id: number;
  plan_intervention_id: number;
  cost_type: CostType;
  school_year_id: number;
  spent_on: DateString;
  /** Negative for a correction that takes money back. */
  amount_cents: Cents;
  description: string;
  corrects_id: number | null;
  import_id: number | null;
  created_at: Timestamp;
  created_by: number | null;
}

export interface SchoolPlanEvaluationTable {
  id: Generated<number>;
  plan_intervention_id: number;
  evaluated_on: DateString;
  results: string;
  evidence_links: Json<PlanLink[]>;
  decision: EvaluationDecision | null;
  decision_reason: Generated<string>;
  revision: Generated<number>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface SchoolPlanVersionTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  /** The whole draft as it was submitted (services/snapshot.ts gives its shape). */
  snapshot: Json<unknown>;
  note: Generated<string>;
  submitted_at: Timestamp;
  submitted_by: number | null;
}

export interface SchoolPlanDecisionTable {
  version_id: number;
  decision: MrDecision;
  reasons: Generated<string>;
  meeting_on: DateString;
  recorded_at: Timestamp;
  recorded_by: number | null;
}

export interface SchoolPlanCommentTable {
  id: Generated<number>;
  version_id: number;
  person_id: number | null;
  body: string;
  created_at: Timestamp;
}

/** A reminder sent for a version that waited too long for a decision (migration 0530). */
export interface SchoolPlanVersionReminderTable {
  version_id: number;
  sent_at: Timestamp;
  recipients: number;
}

/** The one reminder of a board-plan version waiting for the GMR (migration 0560). */
export interface BoardPlanVersionReminderTable {
  version_id: number;
  sent_at: Timestamp;
  recipients: number;
}

/** The board-level (bovenschools) plan of a board for the programme (migration 0550). */
export interface BoardPlanTable {
  id: Generated<number>;
  board_id: number;
  programme_id: number;
  revision: Generated<number>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface BoardPlanInterventionTable {
  id: Generated<number>;
  plan_id: number;
  /** A–F of the menu the intervention was chosen from. */
  category_code: string;
  intervention_id: number | null;
  menu_version_id: number;
  title: string;
  description: Generated<string>;
  responsible: string;
  position: number;
  revision: Generated<number>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface BoardPlanVersionTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  /** The draft as submitted (services/board-plan-snapshot.ts gives its shape). */
  snapshot: Json<unknown>;
  note: Generated<string>;
  submitted_at: Timestamp;
  submitted_by: number | null;
}

export interface BoardPlanDecisionTable {
  version_id: number;
  decision: MrDecision;
  reasons: Generated<string>;
  meeting_on: DateString;
  recorded_at: Timestamp;
  recorded_by: number | null;
}

export interface BoardPlanCommentTable {
  id: Generated<number>;
  version_id: number;
  person_id: number | null;
  body: string;
  created_at: Timestamp;
}

export interface SchoolPlanTables {
  school_plan: SchoolPlanTable;
  school_plan_goal: SchoolPlanGoalTable;
  school_plan_intervention: SchoolPlanInterventionTable;
  school_plan_budget: SchoolPlanBudgetTable;
  school_plan_expense_import: SchoolPlanExpenseImportTable;
  school_plan_expense: SchoolPlanExpenseTable;
  school_plan_evaluation: SchoolPlanEvaluationTable;
  school_plan_version: SchoolPlanVersionTable;
  school_plan_decision: SchoolPlanDecisionTable;
  school_plan_comment: SchoolPlanCommentTable;
  school_plan_version_reminder: SchoolPlanVersionReminderTable;
  board_plan: BoardPlanTable;
  board_plan_intervention: BoardPlanInterventionTable;
  board_plan_version: BoardPlanVersionTable;
  board_plan_decision: BoardPlanDecisionTable;
  board_plan_comment: BoardPlanCommentTable;
  board_plan_version_reminder: BoardPlanVersionReminderTable;
}

/* eslint-disable @typescript-eslint/no-empty-object-type */
declare module '../../platform/db/schema.ts' {
  interface DB extends SchoolPlanTables {}
}
