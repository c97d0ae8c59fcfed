// Row types of the verantwoording tables (migration 0600 and later 06xx) and their place in the
// database type.
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp } from '../../platform/db/tables.ts';
import type { Definition } from './services/definition.ts';

type Json<T> = ColumnType<T, string, string>;
/** A jsonb column with a default. */
type DefaultJson<T> = ColumnType<T, string | undefined, string>;
/** bigint columns arrive as strings from the driver; write numbers. */
type Cents = ColumnType<string | null, number | string | null, number | string | null>;

export type Audience = 'school' | 'bestuur';
export type QuestionnaireStatus = 'concept' | 'gepubliceerd';

/**
 * The answers of one response or submission, by question key. The form of each value follows
 * the question's type (services/answers.ts): 'ja' | 'nee', an option value, a list of values, a
 * number, cents, text, intervention codes, or cents per category.
 */
export type AnswerValue = string | number | string[] | Record<string, number>;
export type Answers = Record<string, AnswerValue>;

export interface QuestionnaireTable {
  id: Generated<number>;
  programme_id: number;
  school_year_id: number;
  audience: Audience;
  slug: string;
  title: string;
  intro: ColumnType<string, string | undefined, string>;
  opens_on: DateString;
  closes_on: DateString;
  status: ColumnType<QuestionnaireStatus, QuestionnaireStatus | undefined, QuestionnaireStatus>;
  definition: Json<Definition>;
  revision: Generated<number>;
  copied_from: number | null;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
  published_at: Timestamp | null;
}

export interface QuestionnaireResponseTable {
  id: Generated<number>;
  questionnaire_id: number;
  organisation_id: number;
  answers: DefaultJson<Answers>;
  sections_saved: ColumnType<string[], string[] | undefined, string[]>;
  revision: Generated<number>;
  submitted_number: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface QuestionnaireSubmissionTable {
  id: Generated<number>;
  response_id: number;
  questionnaire_id: number;
  organisation_id: number;
  number: number;
  answers: Json<Answers>;
  definition_revision: number;
  submitted_at: Timestamp;
  submitted_by: number | null;
}

export interface QuestionnaireAnswerTable {
  questionnaire_id: number;
  organisation_id: number;
  submission_id: number;
  question_key: string;
  item: ColumnType<string, string | undefined, string>;
  choice: string | null;
  /** numeric arrives as a string. */
  number: ColumnType<string | null, number | string | null, number | string | null>;
  cents: Cents;
  text: string | null;
}

export type BoardReportStatus = 'concept' | 'bevestigd';

export interface BoardReportTable {
  id: Generated<number>;
  board_id: number;
  programme_id: number;
  calendar_year: number;
  texts: DefaultJson<Record<string, string>>;
  revision: Generated<number>;
  status: ColumnType<BoardReportStatus, BoardReportStatus | undefined, BoardReportStatus>;
  /** The figures as confirmed; the report part defines their shape. */
  confirmed_figures: ColumnType<unknown, string | null | undefined, string | null>;
  confirmed_at: Timestamp | null;
  confirmed_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface VerantwoordingTables {
  questionnaire: QuestionnaireTable;
  questionnaire_response: QuestionnaireResponseTable;
  questionnaire_submission: QuestionnaireSubmissionTable;
  questionnaire_answer: QuestionnaireAnswerTable;
  board_report: BoardReportTable;
}

/* eslint-disable @typescript-eslint/no-empty-object-type */
declare module '../../platform/db/schema.ts' {
  interface DB extends VerantwoordingTables {}
}

/** Answering part (migration 0610): the reminder sent per questionnaire and organisation, once. */
export interface QuestionnaireReminderTable {
  questionnaire_id: number;
  organisation_id: number;
  sent_at: ColumnType<Date, Date | undefined, Date>;
  recipients: number;
}
declare module '../../platform/db/schema.ts' {
  interface DB {
    questionnaire_reminder: QuestionnaireReminderTable;
  }
}
