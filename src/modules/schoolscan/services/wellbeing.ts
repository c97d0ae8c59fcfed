// Steps 3 and 4 of the scan: the team's assessment of each group (1–8) on a fixed set of items
// per step, on a five-point scale; the summary over groups; and aggregated results of a
// social-emotional monitoring tool per group, entered by hand or pasted as a small CSV. Pure
// rules: no HTTP, no SQL. Only group-level numbers are accepted, never rows about pupils.
import { parse } from 'csv-parse/sync';
import type { AssessedStep } from '../tables.ts';

export const assessedSteps = [
  'sociaal-emotioneel',
  'executieve-functies',
] as const satisfies readonly AssessedStep[];

export const isAssessedStep = (s: string): s is AssessedStep =>
  (assessedSteps as readonly string[]).includes(s);

/** The groups of a primary school. */
export const grades = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const gradeParams = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;

/** The scale of every item: what the team sees in the group as a whole. */
export const scale = [
  { value: 1, label: 'Grote zorg', description: 'voor veel leerlingen in de groep een probleem' },
  { value: 2, label: 'Zorg', description: 'voor een flink deel van de groep een probleem' },
  { value: 3, label: 'Wisselend', description: 'voor een deel van de groep een aandachtspunt' },
  { value: 4, label: 'Voldoende', description: 'voor de meeste leerlingen in orde' },
  { value: 5, label: 'Goed', description: 'voor bijna alle leerlingen in orde' },
] as const;

/** A score at or below this is named on the overview as needing attention. */
export const lowScore = 2;

export const scaleLabel = (v: number) => scale.find((s) => s.value === v)?.label ?? String(v);

export interface AssessmentItem {
  key: string;
  label: string;
  /** What the team looks at, in one sentence. */
  description: string;
}

export const assessmentItems: Record<AssessedStep, readonly AssessmentItem[]> = {
  'sociaal-emotioneel': [
    {
      key: 'veiligheid',
      label: 'Veiligheid in de groep',
      description:
        'Leerlingen voelen zich veilig in de klas en op het plein, en durven te zeggen wat ze denken.',
    },
    {
      key: 'omgang',
      label: 'Omgang met anderen',
      description: 'Leerlingen werken en spelen samen, houden rekening met elkaar en lossen ruzies samen op.',
    },
    {
      key: 'zelfvertrouwen',
      label: 'Zelfvertrouwen',
      description: 'Leerlingen durven iets nieuws te proberen, fouten te maken en hulp te vragen.',
    },
    {
      key: 'plezier',
      label: 'Welbevinden en plezier',
      description:
        'Leerlingen komen graag naar school, zitten goed in hun vel en hebben plezier in de groep.',
    },
    {
      key: 'betrokkenheid',
      label: 'Betrokkenheid',
      description: 'Leerlingen doen actief mee in de les, zijn nieuwsgierig en stellen vragen.',
    },
  ],
  'executieve-functies': [
    {
      key: 'werkhouding',
      label: 'Werkhouding en motivatie',
      description: 'Leerlingen beginnen uit zichzelf aan hun werk, zetten door en willen het goed doen.',
    },
    {
      key: 'aandacht',
      label: 'Volgehouden aandacht',
      description: 'Leerlingen houden hun aandacht bij een taak, ook als die langer duurt of minder leuk is.',
    },
    {
      key: 'planning',
      label: 'Planning en organisatie',
      description:
        'Leerlingen overzien wat er moet gebeuren, verdelen hun tijd en hebben hun spullen op orde.',
    },
    {
      key: 'werkgeheugen',
      label: 'Werkgeheugen',
      description:
        'Leerlingen onthouden een opdracht van meer stappen en houden vast wat ze net gehoord of gelezen hebben.',
    },
    {
      key: 'emotieregulatie',
      label: 'Emotieregulatie',
      description: 'Leerlingen gaan rustig om met tegenslag, spanning en boosheid, en komen weer tot rust.',
    },
  ],
};

export const maxItemNoteLength = 1000;
export const maxGroupNoteLength = 4000;

/** The form field names of an item. */
export const scoreField = (key: string) => `score-${key}`;
export const noteField = (key: string) => `toelichting-${key}`;
export const groupNoteField = 'groepsnotitie';

export interface Assessment {
  scores: Record<string, number>;
  notes: Record<string, string>;
  groupNote: string;
}

const clean = (s: string | undefined) => (s ?? '').replace(/\r\n?/g, '\n').trim();

/**
 * Reads the assessment form of one step. A score is 1–5 or left open (the form may be saved
 * half-filled and finished later); notes have a length limit. Errors are keyed by field name.
 */
export function readAssessment(
  step: AssessedStep,
  body: Record<string, string | undefined>,
): { ok: true; value: Assessment } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const value: Assessment = { scores: {}, notes: {}, groupNote: clean(body[groupNoteField]) };
  for (const item of assessmentItems[step]) {
    const raw = clean(body[scoreField(item.key)]);
    if (raw !== '') {
      if (/^[1-5]$/.test(raw)) value.scores[item.key] = Number(raw);
      else errors[scoreField(item.key)] = `Kies bij "${item.label}" een score van 1 tot en met 5.`;
    }
    const note = clean(body[noteField(item.key)]);
    if (note.length > maxItemNoteLength)
      errors[noteField(item.key)] =
        `De toelichting bij "${item.label}" is te lang: hoogstens ${maxItemNoteLength} tekens. Maak hem korter.`;
    else if (note !== '') value.notes[item.key] = note;
  }
  if (value.groupNote.length > maxGroupNoteLength)
    errors[groupNoteField] =
      `De notitie over de groep is te lang: hoogstens ${maxGroupNoteLength.toLocaleString('nl-NL')} tekens. Maak hem korter.`;
  if (
    Object.keys(errors).length === 0 &&
    Object.keys(value.scores).length === 0 &&
    Object.keys(value.notes).length === 0 &&
    value.groupNote === ''
  )
    errors[scoreField(assessmentItems[step][0]!.key)] =
      'Er is nog niets ingevuld. Kies bij ten minste één onderdeel een score, of schrijf een notitie.';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

/** A group's assessment is complete when every item of the step has a score. */
export const isComplete = (step: AssessedStep, scores: Record<string, number> | undefined) =>
  !!scores && assessmentItems[step].every((i) => typeof scores[i.key] === 'number');

export interface ItemSummary {
  key: string;
  label: string;
  /** The mean over the groups that scored the item; null when none did. */
  mean: number | null;
  groups: number;
  /** The groups that scored the item at or below `lowScore`. */
  lowGroups: number[];
}

export interface StepSummary {
  items: ItemSummary[];
  /** Groups with at least one saved assessment, and those with every item scored. */
  assessed: number[];
  complete: number[];
  /** Every low score: which group, which item. */
  low: { grade: number; key: string; label: string; score: number }[];
}

/** The summary over groups of one step: the mean per item and the low scores, named. */
export function summariseStep(
  step: AssessedStep,
  rows: readonly { grade: number; scores: Record<string, number> }[],
): StepSummary {
  const sorted = [...rows].sort((a, b) => a.grade - b.grade);
  const items = assessmentItems[step].map((item) => {
    const scored = sorted.filter((r) => typeof r.scores[item.key] === 'number');
    const sum = scored.reduce((n, r) => n + r.scores[item.key]!, 0);
    return {
      key: item.key,
      label: item.label,
      mean: scored.length ? Math.round((sum / scored.length) * 10) / 10 : null,
      groups: scored.length,
      lowGroups: scored.filter((r) => r.scores[item.key]! <= lowScore).map((r) => r.grade),
    };
  });
  const low = sorted.flatMap((r) =>
    assessmentItems[step]
      .filter((i) => typeof r.scores[i.key] === 'number' && r.scores[i.key]! <= lowScore)
      .map((i) => ({ grade: r.grade, key: i.key, label: i.label, score: r.scores[i.key]! })),
  );
  return {
    items,
    assessed: sorted.map((r) => r.grade),
    complete: sorted.filter((r) => isComplete(step, r.scores)).map((r) => r.grade),
    low,
  };
}

// ---------------------------------------------------------------------------------------------
// Aggregated results of a monitoring tool (e.g. the share of pupils that needs extra attention).

/** Results about fewer pupils than this are shown as too few to conclude from. */
export const minPupilsToConclude = 10;
export const minPupils = 2;
export const maxPupils = 200;
export const maxMonitorText = 100;
export const maxMonitorValue = 100_000;
export const maxMonitorLines = 200;
export const maxMonitorChars = 100_000;
export const monitorTooLarge = `Het bestand is te groot: hoogstens ${maxMonitorChars.toLocaleString('nl-NL')} tekens.`;

export const monitorColumns = ['groep', 'instrument', 'maat', 'aantal leerlingen', 'waarde'] as const;

export interface MonitorResult {
  grade: number;
  instrument: string;
  measure: string;
  pupils: number;
  value: number;
}

export interface MonitorFields {
  groep?: string;
  instrument?: string;
  maat?: string;
  aantal?: string;
  waarde?: string;
}

/** Reads one result; errors keyed by form field (groep, instrument, maat, aantal, waarde). */
export function readMonitorResult(
  f: MonitorFields,
): { ok: true; value: MonitorResult } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const groep = clean(f.groep)
    .toLowerCase()
    .replace(/^groep\s*/, '');
  const grade = /^[1-8]$/.test(groep) ? Number(groep) : null;
  if (grade === null)
    errors.groep = 'Vul de groep in als getal van 1 tot en met 8 (bijvoorbeeld 5 of groep 5).';
  const instrument = clean(f.instrument).replace(/\s+/g, ' ');
  if (instrument === '')
    errors.instrument = 'Vul de naam van het instrument in (bijvoorbeeld de naam van uw volgsysteem).';
  else if (instrument.length > maxMonitorText)
    errors.instrument = `De naam van het instrument is te lang: hoogstens ${maxMonitorText} tekens.`;
  const measure = clean(f.maat).replace(/\s+/g, ' ');
  if (measure === '')
    errors.maat = 'Vul in wat er gemeten is (bijvoorbeeld "aandeel leerlingen extra aandacht").';
  else if (measure.length > maxMonitorText)
    errors.maat = `De maat is te lang: hoogstens ${maxMonitorText} tekens.`;
  const aantal = clean(f.aantal);
  const pupils = /^\d{1,6}$/.test(aantal) ? Number(aantal) : null;
  if (pupils === null) errors.aantal = 'Vul het aantal leerlingen in als heel getal (bijvoorbeeld 24).';
  else if (pupils < minPupils)
    errors.aantal =
      'Een uitkomst over minder dan 2 leerlingen zegt iets over een leerling, niet over de groep. Vul alleen uitkomsten van een hele groep in.';
  else if (pupils > maxPupils)
    errors.aantal = `Het aantal leerlingen is te groot voor één groep: hoogstens ${maxPupils}.`;
  const waarde = clean(f.waarde).replace(/%$/, '').trim();
  const value = /^\d{1,6}([.,]\d{1,2})?$/.test(waarde) ? Number(waarde.replace(',', '.')) : null;
  if (value === null)
    errors.waarde =
      'Vul de waarde in als getal, met hoogstens twee cijfers achter de komma (bijvoorbeeld 12,5).';
  else if (value > maxMonitorValue)
    errors.waarde = `De waarde is te groot: hoogstens ${maxMonitorValue.toLocaleString('nl-NL')}.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { grade: grade!, instrument, measure, pupils: pupils!, value: value! } };
}

/** Column names that point at pupil-level data: such a file is refused whole. */
const pupilColumn =
  /leerling(nummer|sleutel|id)|^(naam|voornaam|achternaam|roepnaam|bsn|geboortedatum|geslacht|pupil|student)\b|burgerservice/;

export interface MonitorCsvProblem {
  line: number;
  message: string;
}

export type MonitorCsvOutcome =
  | { ok: true; results: MonitorResult[] }
  | { ok: false; fileProblem: string | null; problems: MonitorCsvProblem[] };

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/**
 * Parses the pasted file `groep;instrument;maat;aantal leerlingen;waarde` (also with comma or tab
 * between fields). All or nothing: one bad line refuses the whole file, with a reason per line.
 */
export function parseMonitorCsv(text: string): MonitorCsvOutcome {
  const fail = (fileProblem: string): MonitorCsvOutcome => ({ ok: false, fileProblem, problems: [] });
  if (text.trim() === '')
    return fail(
      'Kies een CSV-bestand of plak de regels van het bestand in het veld (de eerste regel met de kolomnamen).',
    );
  if (text.length > maxMonitorChars) return fail(monitorTooLarge);
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!;
  const delimiter = first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as string[][];
  } catch {
    return fail('Het bestand is geen leesbare CSV: controleer de aanhalingstekens en de scheidingstekens.');
  }
  const header = (records[0] ?? []).map(norm);
  const pupilish = header.filter((h) => pupilColumn.test(h));
  if (pupilish.length)
    return fail(
      `Het bestand lijkt gegevens van afzonderlijke leerlingen te bevatten (kolom ${pupilish.map((h) => `"${h}"`).join(', ')}). Hier horen alleen uitkomsten per groep: ${monitorColumns.join(';')}. Er is niets opgeslagen.`,
    );
  const aliases: Record<string, (typeof monitorColumns)[number]> = {
    aantal: 'aantal leerlingen',
    leerlingen: 'aantal leerlingen',
  };
  const cols = header.map((h) => aliases[h] ?? h);
  const missing = monitorColumns.filter((c) => !cols.includes(c));
  const extra = cols.filter((c) => !(monitorColumns as readonly string[]).includes(c));
  if (missing.length || extra.length)
    return fail(
      `De eerste regel moet precies deze kolommen noemen: ${monitorColumns.join(';')}.` +
        (missing.length ? ` Ontbreekt: ${missing.map((c) => `"${c}"`).join(', ')}.` : '') +
        (extra.length ? ` Hoort er niet in: ${extra.map((c) => `"${c}"`).join(', ')}.` : ''),
    );
  const rows = records.slice(1);
  if (rows.length === 0)
    return fail(
      'Het bestand heeft alleen de kolomnamen; zet onder de eerste regel één regel per groep en maat.',
    );
  if (rows.length > maxMonitorLines)
    return fail(
      `Het bestand heeft ${rows.length} regels; hoogstens ${maxMonitorLines}. Zijn het wel uitkomsten per groep?`,
    );
  const at = (name: (typeof monitorColumns)[number]) => cols.indexOf(name);
  const problems: MonitorCsvProblem[] = [];
  const results: MonitorResult[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const line = i + 2;
    if (r.length !== cols.length) {
      problems.push({ line, message: `Deze regel heeft ${r.length} velden; verwacht ${cols.length}.` });
      return;
    }
    const out = readMonitorResult({
      groep: r[at('groep')],
      instrument: r[at('instrument')],
      maat: r[at('maat')],
      aantal: r[at('aantal leerlingen')],
      waarde: r[at('waarde')],
    });
    if (!out.ok) {
      problems.push({ line, message: Object.values(out.errors).join(' ') });
      return;
    }
    const key = `${out.value.grade}|${out.value.instrument.toLowerCase()}|${out.value.measure.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        line,
        message: `Groep ${out.value.grade} met deze maat staat ook op regel ${earlier}. Geef per groep één uitkomst per maat.`,
      });
      return;
    }
    seen.set(key, line);
    results.push(out.value);
  });
  return problems.length ? { ok: false, fileProblem: null, problems } : { ok: true, results };
}
