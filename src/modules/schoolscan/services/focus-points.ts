// Focus points (aandachtspunten): the rules for what a school writes down (pure), the anchors
// that tie a focus point to a comparison of the analysis, and the commands that add, change,
// remove and reorder focus points (only while the scan is in concept) over the repository.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { FocusLink, FocusSeverity, Moment } from '../tables.ts';
import * as scansRepo from '../repository/scans.ts';
import * as repo from '../repository/focus-points.ts';
import { focusDomainCodes } from './focus-domains.ts';
import { providerLabel, providers, subjectLabel, subjects } from './parse/lvs-format.ts';

export const severities = ['aandacht', 'zorg', 'ernstig'] as const satisfies readonly FocusSeverity[];

export const severityTexts: Record<FocusSeverity, { label: string; explanation: string }> = {
  aandacht: {
    label: 'Aandacht',
    explanation:
      'Het team ziet een verschil of signaal dat het wil volgen; de gewone aanpak volstaat misschien.',
  },
  zorg: {
    label: 'Zorg',
    explanation:
      'Een duidelijke achterstand of zorg bij een deel van de leerlingen; er is een gerichte aanpak nodig.',
  },
  ernstig: {
    label: 'Ernstig',
    explanation: 'Een grote achterstand of zorg bij veel leerlingen; dit gaat voor in het schoolprogramma.',
  },
};

export const grades = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const minPupils = 1;
export const maxPupils = 5000;
export const maxEvidenceLength = 4000;
export const maxGoalLength = 2000;
export const maxLinks = 20;

// ---------------------------------------------------------------------------------------------
// Anchors on the analysis page: one per comparison row, e.g. 'vgl-rekenen-wiskunde-cito-5m'.

export function comparisonAnchor(c: { subject: string; provider: string; grade: number; moment: Moment }) {
  return `vgl-${c.subject}-${c.provider}-${c.grade}${c.moment.toLowerCase()}`;
}

export interface ComparisonRef {
  subject: string;
  provider: string;
  grade: number;
  moment: Moment;
}

export function parseComparisonAnchor(anchor: string): ComparisonRef | null {
  const m = /^vgl-([a-z-]{1,60})-([a-z]{1,20})-([1-8])([me])$/.exec(anchor);
  if (!m) return null;
  const [, subject, provider, grade, moment] = m as unknown as [string, string, string, string, string];
  if (!subjects.some((s) => s.code === subject) || !providers.some((p) => p.code === provider)) return null;
  return { subject, provider, grade: Number(grade), moment: moment === 'm' ? 'M' : 'E' };
}

/** The analysis page of one scan (school and school year): the only place evidence links may point. */
export const analysisPath = (schoolId: number, schoolYearId: number) =>
  `/scholen/${schoolId}/schoolscan/${schoolYearId}/analyse`;

/** The link to a comparison of a data year on the analysis page of this scan. */
export function comparisonHref(schoolId: number, schoolYearId: number, dataYear: number, c: ComparisonRef) {
  return `${analysisPath(schoolId, schoolYearId)}?jaar=${dataYear}#${comparisonAnchor(c)}`;
}

const momentWord = (m: Moment) => (m === 'M' ? 'midden' : 'eind');

/**
 * An evidence link of this scan, with its label made from the link itself (never from what the
 * browser sent), or null when the href does not point at a comparison of this scan's analysis.
 */
export function evidenceLink(href: string, schoolId: number, schoolYearId: number): FocusLink | null {
  const base = analysisPath(schoolId, schoolYearId);
  if (!href.startsWith(base)) return null;
  const m = /^(?:\?jaar=(20\d\d))?#([a-z0-9-]{1,100})$/.exec(href.slice(base.length));
  if (!m) return null;
  const ref = parseComparisonAnchor(m[2]!);
  if (!ref) return null;
  const year = m[1] ? Number(m[1]) : null;
  return {
    href,
    label: `${subjectLabel(ref.subject)} (${providerLabel(ref.provider)}), groep ${ref.grade} ${momentWord(ref.moment)}${year ? `, ${year}-${year + 1}` : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The rules for a focus point as the form sends it.

export interface FocusPointForm {
  domein: string;
  groepen: string[];
  leerlingen: string;
  ernst: string;
  onderbouwing: string;
  links: string[];
  doel: string;
}

export type FocusPointErrors = Partial<Record<keyof FocusPointForm, string>>;

export type FocusPointCheck =
  | { ok: true; values: repo.FocusPointValues }
  | { ok: false; errors: FocusPointErrors; foreignLinks: boolean };

const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** Checks a focus point for the scan of `schoolId` and `schoolYearId`. Pure. */
export function checkFocusPoint(
  f: FocusPointForm,
  scan: { schoolId: number; schoolYearId: number },
): FocusPointCheck {
  const errors: FocusPointErrors = {};

  const domain = f.domein.trim();
  if (!domain) errors.domein = 'Kies het domein waar dit aandachtspunt over gaat.';
  else if (!focusDomainCodes.includes(domain)) errors.domein = 'Kies een van de domeinen uit de lijst.';

  const gradeSet = new Set<number>();
  let badGrade = false;
  for (const g of f.groepen) {
    if (/^[1-8]$/.test(g.trim())) gradeSet.add(Number(g.trim()));
    else badGrade = true;
  }
  if (badGrade) errors.groepen = 'Kies alleen groepen uit de lijst: groep 1 tot en met 8.';
  else if (gradeSet.size === 0) errors.groepen = 'Kies minstens één groep.';

  const pupilsText = f.leerlingen.trim().replace(/\./g, '');
  let pupils = 0;
  if (!pupilsText) errors.leerlingen = 'Vul in hoeveel leerlingen het ongeveer zijn, bijvoorbeeld 28.';
  else if (!/^\d{1,6}$/.test(pupilsText))
    errors.leerlingen = 'Vul het aantal leerlingen in als een heel getal, bijvoorbeeld 28.';
  else {
    pupils = Number(pupilsText);
    if (pupils < minPupils || pupils > maxPupils)
      errors.leerlingen = `Vul een aantal leerlingen in van ${minPupils} tot en met ${maxPupils.toLocaleString('nl-NL')}.`;
  }

  const severity = f.ernst.trim();
  if (!(severities as readonly string[]).includes(severity))
    errors.ernst = 'Kies hoe ernstig het is: aandacht, zorg of ernstig.';

  const evidence = clean(f.onderbouwing);
  const goal = clean(f.doel);

  const links: FocusLink[] = [];
  let foreignLinks = false;
  for (const href of new Set(f.links.map((h) => h.trim()).filter(Boolean))) {
    const link = evidenceLink(href, scan.schoolId, scan.schoolYearId);
    if (link) links.push(link);
    else foreignLinks = true;
  }
  if (foreignLinks)
    errors.links =
      'Een gekozen link wijst niet naar de analyse van deze schoolscan. Kies alleen vergelijkingen uit de lijst.';
  else if (links.length > maxLinks) errors.links = `Kies hoogstens ${maxLinks} vergelijkingen.`;

  if (evidence.length > maxEvidenceLength)
    errors.onderbouwing = `De onderbouwing is te lang: hoogstens ${maxEvidenceLength.toLocaleString('nl-NL')} tekens. Maak hem korter.`;
  else if (!evidence && links.length === 0 && !errors.links)
    errors.onderbouwing =
      'Schrijf waarop het team dit aandachtspunt baseert, of kies een vergelijking uit de analyse.';

  if (!goal) errors.doel = 'Schrijf op wat de school met dit aandachtspunt wil bereiken.';
  else if (goal.length > maxGoalLength)
    errors.doel = `Het doel is te lang: hoogstens ${maxGoalLength.toLocaleString('nl-NL')} tekens. Maak het korter.`;

  if (Object.keys(errors).length) return { ok: false, errors, foreignLinks };
  return {
    ok: true,
    values: {
      domain,
      grades: [...gradeSet].sort((a, b) => a - b),
      pupils,
      severity: severity as FocusSeverity,
      evidence,
      evidenceLinks: links,
      goal,
    },
  };
}

/** The order after moving `id` one place up or down (unchanged at the ends or when absent). Pure. */
export function moveInOrder(ids: number[], id: number, direction: 'omhoog' | 'omlaag'): number[] {
  const i = ids.indexOf(id);
  const j = direction === 'omhoog' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ids.length) return ids;
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** The sum of the pupils in these grades, from the per-grade counts (null when none is known). */
export function pupilsHint(perGrade: { grade: number; pupils: number }[], chosen: number[]): number | null {
  const known = perGrade.filter((p) => chosen.includes(p.grade));
  return known.length ? known.reduce((s, p) => s + p.pupils, 0) : null;
}

// ---------------------------------------------------------------------------------------------
// Commands (call inside a transaction).

export type WriteOutcome =
  | { ok: true; scanId: number; focusPointId: number; version: number }
  | { ok: false; reason: 'afgerond' | 'onbekend'; scanId?: number }
  | { ok: false; reason: 'tegelijk'; scanId: number; theirs: repo.FocusPointRow | undefined };

interface Who {
  schoolId: number;
  schoolYearId: number;
  personId: number | null;
  now: Date;
}

/** Adds a focus point (the scan is made when it does not exist yet). */
export async function addFocusPoint(
  trx: Kysely<DB>,
  who: Who,
  values: repo.FocusPointValues,
): Promise<WriteOutcome> {
  const scan = await scansRepo.ensureScanLocked(trx, who.schoolId, who.schoolYearId, who.personId);
  if (scan.status === 'afgerond') return { ok: false, reason: 'afgerond', scanId: scan.id };
  const r = await repo.insertFocusPoint(trx, scan.id, values, who.personId, who.now);
  return { ok: true, scanId: scan.id, focusPointId: r.id, version: r.version };
}

/** Changes a focus point when nobody changed it since the writer loaded version `expected`. */
export async function changeFocusPoint(
  trx: Kysely<DB>,
  who: Who,
  focusPointId: number,
  expected: number,
  values: repo.FocusPointValues,
): Promise<WriteOutcome> {
  const scan = await scansRepo.lockScan(trx, who.schoolId, who.schoolYearId);
  if (!scan) return { ok: false, reason: 'onbekend' };
  const existing = await repo.findFocusPoint(trx, scan.id, focusPointId);
  if (!existing) return { ok: false, reason: 'onbekend', scanId: scan.id };
  if (scan.status === 'afgerond') return { ok: false, reason: 'afgerond', scanId: scan.id };
  const version = await repo.updateFocusPoint(
    trx,
    scan.id,
    focusPointId,
    expected,
    values,
    who.personId,
    who.now,
  );
  if (version === null) return { ok: false, reason: 'tegelijk', scanId: scan.id, theirs: existing };
  return { ok: true, scanId: scan.id, focusPointId, version };
}

export type SimpleOutcome =
  { ok: true; scanId: number } | { ok: false; reason: 'afgerond' | 'onbekend'; scanId?: number };

export async function removeFocusPoint(
  trx: Kysely<DB>,
  who: Who,
  focusPointId: number,
): Promise<SimpleOutcome> {
  const scan = await scansRepo.lockScan(trx, who.schoolId, who.schoolYearId);
  if (!scan) return { ok: false, reason: 'onbekend' };
  if (!(await repo.findFocusPoint(trx, scan.id, focusPointId)))
    return { ok: false, reason: 'onbekend', scanId: scan.id };
  if (scan.status === 'afgerond') return { ok: false, reason: 'afgerond', scanId: scan.id };
  await repo.deleteFocusPoint(trx, scan.id, focusPointId);
  await repo.setPositions(
    trx,
    scan.id,
    (await repo.focusPointsOfScan(trx, scan.id)).map((p) => p.id),
  );
  return { ok: true, scanId: scan.id };
}

export async function moveFocusPoint(
  trx: Kysely<DB>,
  who: Who,
  focusPointId: number,
  direction: 'omhoog' | 'omlaag',
): Promise<SimpleOutcome> {
  const scan = await scansRepo.lockScan(trx, who.schoolId, who.schoolYearId);
  if (!scan) return { ok: false, reason: 'onbekend' };
  const ids = (await repo.focusPointsOfScan(trx, scan.id)).map((p) => p.id);
  if (!ids.includes(focusPointId)) return { ok: false, reason: 'onbekend', scanId: scan.id };
  if (scan.status === 'afgerond') return { ok: false, reason: 'afgerond', scanId: scan.id };
  await repo.setPositions(trx, scan.id, moveInOrder(ids, focusPointId, direction));
  return { ok: true, scanId: scan.id };
}

/** Demo data: the demo school's first focus point, through the same rules as the form. */
export async function addDemoFocusPoint(
  trx: Kysely<DB>,
  schoolId: number,
  schoolYearId: number,
): Promise<void> {
  const hint = pupilsHint(await repo.pupilsPerGrade(trx, schoolId), [4, 5]);
  const checked = checkFocusPoint(
    {
      domein: 'technisch-lezen',
      groepen: ['4', '5'],
      leerlingen: String(hint ?? 50),
      ernst: 'zorg',
      onderbouwing:
        'De leerkrachten van groep 4 en 5 merken dat leerlingen minder vlot lezen dan eerdere jaargangen; de analyse van de toetsen wijst dezelfde kant op.',
      links: [
        comparisonHref(schoolId, schoolYearId, 2021, {
          subject: 'technisch-lezen',
          provider: 'cito',
          grade: 4,
          moment: 'M',
        }),
      ],
      doel: 'Aan het eind van groep 5 lezen de leerlingen weer even vlot als eerdere jaargangen.',
    },
    { schoolId, schoolYearId },
  );
  if (!checked.ok) throw new Error('Het demo-aandachtspunt voldoet niet aan de regels.');
  await addFocusPoint(trx, { schoolId, schoolYearId, personId: null, now: new Date() }, checked.values);
}
