// The report of one import: what it added, changed, closed and rejected.
import type { Problem } from './parse/parse.ts';

export interface ImportSummary {
  importId: number;
  fileName: string;
  kind: string;
  kindLabel: string;
  dataRows: number;
  schoolsAdded: number;
  schoolsChanged: number;
  schoolsClosed: number;
  schoolsReopened: number;
  schoolsUnchanged: number;
  boardsAdded: number;
  boardsRenamed: number;
  boardNamesKept: number;
  pupilCountsAdded: number;
  pupilCountsChanged: number;
  scoresStored: number;
  scoresWithoutSchool: number;
  rejected: number;
  /** Schools missing from a snapshot that were not closed, because lines were rejected. */
  schoolsNotClosed: number;
  /** Known schools an older snapshot left as they are (a newer snapshot describes them). */
  schoolsKeptNewer: number;
  /** Schools only an older snapshot names: added as closed. */
  schoolsAddedClosed: number;
  problems: Problem[];
  /** The day the file's data describes, and where that date came from (Dutch). */
  peildatum: string | null;
  peildatumSource: string | null;
}

export type Progress = (phase: string, done: number, total: number) => void;

export function emptySummary(
  importId: number,
  fileName: string,
  kind: string,
  label: string,
  dataRows: number,
): ImportSummary {
  return {
    importId,
    fileName,
    kind,
    kindLabel: label,
    dataRows,
    schoolsAdded: 0,
    schoolsChanged: 0,
    schoolsClosed: 0,
    schoolsReopened: 0,
    schoolsUnchanged: 0,
    boardsAdded: 0,
    boardsRenamed: 0,
    boardNamesKept: 0,
    pupilCountsAdded: 0,
    pupilCountsChanged: 0,
    scoresStored: 0,
    scoresWithoutSchool: 0,
    rejected: 0,
    schoolsNotClosed: 0,
    schoolsKeptNewer: 0,
    schoolsAddedClosed: 0,
    problems: [],
    peildatum: null,
    peildatumSource: null,
  };
}
