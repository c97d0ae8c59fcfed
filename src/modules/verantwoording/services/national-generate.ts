// The verantwoording part of the national test dataset: for every school (and board) given, over
// the programme's school years, a profile of what it did (national-profile.ts); from it the
// submissions to each published questionnaire of its audience — not everyone answers — with
// their monitoring rows, and each board's confirmed annual report per calendar year.
//
// Works with whatever questionnaires exist: core questions are answered by meaning, others by
// type (national-answers.ts). Everything comes from a stream per object (the seed plus the
// object's code), so a sample of schools gets exactly the rows a full run gives them, and a
// second run adds nothing (an organisation that has a response or a report is left alone).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadProgramme } from '../../../platform/programme.ts';
import * as repo from '../repository/national.ts';
import { answerRows } from './answer-rows.ts';
import { earlierAnswers, generateAnswers } from './national-answers.ts';
import {
  fallbackBudgetCents,
  groupOf,
  schoolYearProfile,
  type MenuChoice,
  type SchoolYearProfile,
} from './national-profile.ts';
import { reportFigures, reportTexts, type ReportSchool } from './national-report.ts';

/** Response rates per round lie in these ranges (the first monitor: 64% net, 72% gross). */
export const responseRange = { school: [0.64, 0.72], bestuur: [0.7, 0.8] } as const;
/** Share of respondents who submitted twice (reopened and sent again). */
export const resubmitShare = 0.05;

const batchSize = 1000;

/** A random stream from a seed and a text (FNV-1a into mulberry32), the same on every machine. */
export function streamOf(seed: number, key: string): () => number {
  let a = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < key.length; i++) a = Math.imul(a ^ key.charCodeAt(i), 16777619) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NationalAnswersOptions {
  seed: number;
  /** Only these schools (and their boards); every open school with a board when absent. */
  schoolIds?: number[];
  /** At most this many schools, chosen with the seed (as the national people step chooses). */
  maxSchools?: number;
  /** Leave out organisations whose code starts with this (the demo's own board and schools). */
  skipCodePrefix?: string;
  /** The test account that answered for an organisation, if there is one. */
  respondent?: (kind: 'school' | 'bestuur', code: string) => string | null;
  progress?: (label: string, done: number, total: number) => void;
}

export interface NationalAnswersResult {
  questionnaires: number;
  schools: number;
  boards: number;
  responses: number;
  submissions: number;
  rows: number;
  reports: number;
}

interface Org {
  id: number;
  code: string;
  name: string;
  kind: 'school' | 'bestuur';
  group: ReturnType<typeof groupOf>;
  budget: number;
  schools: Org[];
}

/** A moment between two dates, later more often (most answer near the deadline), at a fixed hour. */
function momentBetween(random: () => number, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const days = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - a) / 86_400_000));
  const day = Math.floor(Math.sqrt(random()) * (days + 1));
  const minute = 8 * 60 + Math.floor(random() * 12 * 60);
  return new Date(a + day * 86_400_000 + minute * 60_000).toISOString();
}

/** A seeded sample of schools: the same key and order as national/people.ts uses. */
function sample(rows: repo.NationalSchool[], seed: number, max: number): Set<number> {
  const keyed = rows.map((s) => ({ id: s.id, code: s.code, key: streamOf(seed, `keuze:${s.code}`)() }));
  keyed.sort((a, b) => a.key - b.key || (a.code < b.code ? -1 : 1));
  return new Set(keyed.slice(0, max).map((k) => k.id));
}

export async function generateNationalAnswers(
  db: Kysely<DB>,
  opts: NationalAnswersOptions,
): Promise<NationalAnswersResult> {
  const programme = await loadProgramme(db);
  const questionnaires = await repo.publishedQuestionnaires(db);
  const years = await repo.schoolYearStarts(db);
  const budgets = await repo.programmeBudgets(db);
  const demo = (code: string | null) =>
    !!code && !!opts.skipCodePrefix && code.startsWith(opts.skipCodePrefix);
  const rows = (await repo.schoolsWithBoard(db)).filter((s) => !demo(s.code) && !demo(s.board_code));
  const chosen = opts.schoolIds
    ? new Set(opts.schoolIds)
    : opts.maxSchools !== undefined && opts.maxSchools < rows.length
      ? sample(rows, opts.seed, opts.maxSchools)
      : undefined;
  // A board's report covers all its schools, also those outside a sample, so a sample gives
  // the board the report a full run gives it.
  const chosenBoards = new Set(rows.filter((s) => !chosen || chosen.has(s.id)).map((s) => s.board_id));
  const boards = new Map<number, Org>();
  const everySchool: Org[] = rows
    .filter((s) => chosenBoards.has(s.board_id))
    .map((s) => {
      const group = groupOf(s.sector);
      const school: Org = {
        id: s.id,
        code: s.code,
        name: s.name,
        kind: 'school',
        group,
        budget: budgets.get(s.id) || fallbackBudgetCents[group],
        schools: [],
      };
      // A board without a code has no stream of its own (and no test account): its schools only.
      let board = boards.get(s.board_id);
      if (!board && s.board_code) {
        board = {
          id: s.board_id,
          code: s.board_code!,
          name: s.board_name,
          kind: 'bestuur',
          group,
          budget: 0,
          schools: [],
        };
        boards.set(s.board_id, board);
      }
      if (board) {
        board.schools.push(school);
        board.budget += school.budget;
      }
      return school;
    });
  const schools = chosen ? everySchool.filter((s) => chosen.has(s.id)) : everySchool;
  // A board reports as the sector most of its schools are in.
  for (const b of boards.values()) {
    const count = (g: string) => b.schools.filter((s) => s.group === g).length;
    b.group = (['po', 'vo', 'vso'] as const).reduce((best, g) => (count(g) > count(best) ? g : best), 'po');
  }

  const menus = new Map<number, MenuChoice[]>();
  for (const y of years) menus.set(y, await repo.menuOn(db, `${y}-10-01`));
  const profiles = new Map<string, SchoolYearProfile>();
  const profile = (o: Org, year: number): SchoolYearProfile | undefined => {
    const yearIndex = years.indexOf(year);
    if (yearIndex < 0) return undefined;
    const key = `${o.kind}:${o.code}:${year}`;
    let p = profiles.get(key);
    if (!p) {
      const random = streamOf(opts.seed, `verantwoording:${key}`);
      p = schoolYearProfile(random, {
        group: o.group,
        menu: menus.get(year)!,
        budgetCents: o.budget,
        yearIndex,
      });
      if (o.kind === 'bestuur' && o.schools.length) {
        // A board's money is its schools' money; its PNIL share their weighted average.
        const parts = o.schools.map((s) => profile(s, year)!);
        const spent = { ...p.spent };
        for (const c of Object.keys(spent)) spent[c] = parts.reduce((sum, s) => sum + (s.spent[c] ?? 0), 0);
        const total = (s: SchoolYearProfile) => Object.values(s.spent).reduce((a, b) => a + b, 0);
        const all = parts.reduce((sum, s) => sum + total(s), 0);
        const pnil = all ? Math.round(parts.reduce((sum, s) => sum + s.pnilPercent * total(s), 0) / all) : 0;
        p = { ...p, spent, pnilPercent: pnil };
      }
      profiles.set(key, p);
    }
    return p;
  };

  const result: NationalAnswersResult = {
    questionnaires: questionnaires.length,
    schools: schools.length,
    boards: boards.size,
    responses: 0,
    submissions: 0,
    rows: 0,
    reports: 0,
  };
  for (const q of questionnaires) {
    const orgs = q.audience === 'school' ? schools : [...boards.values()];
    const [lo, hi] = responseRange[q.audience];
    const rate = lo + (hi - lo) * streamOf(opts.seed, `respons:${q.slug}`)();
    const sections = q.definition.sections.map((s) => s.key);
    const planned: repo.GeneratedResponse[] = [];
    // Known ones are skipped before any work (the insert would leave them alone anyway).
    const responded = await repo.respondedOrganisations(db, q.id);
    for (const o of orgs) {
      if (responded.has(o.id)) continue;
      const random = streamOf(opts.seed, `vragenlijst:${q.slug}:${o.kind}:${o.code}`);
      if (random() >= rate) continue;
      const p = profile(o, q.year);
      if (!p) continue;
      const answers = generateAnswers(q.definition, p, random);
      // Within the school year, also when a round's close date was moved later (the demo does).
      const at = momentBetween(random, q.opens_on, q.closes_on < q.ends_on ? q.closes_on : q.ends_on);
      const submissions =
        random() < resubmitShare
          ? [
              {
                answers: earlierAnswers(q.definition, answers),
                at: momentBetween(random, q.opens_on, at.slice(0, 10)),
              },
            ]
          : [];
      submissions.push({ answers, at });
      planned.push({
        organisationId: o.id,
        email: opts.respondent?.(o.kind, o.code) ?? null,
        answers,
        submissions,
        rows: answerRows(q.definition, answers),
      });
    }
    for (let i = 0; i < planned.length; i += batchSize) {
      const part = planned.slice(i, i + batchSize);
      const r = await db
        .transaction()
        .execute((trx) =>
          repo.insertGeneratedResponses(trx, { id: q.id, revision: q.revision, sections }, part),
        );
      result.responses += r.responses;
      result.submissions += r.submissions;
      result.rows += r.rows;
      opts.progress?.(`Antwoorden ${q.slug}`, Math.min(i + batchSize, planned.length), planned.length);
    }
  }

  // Annual reports: every calendar year the programme's school years touch, confirmed the next spring.
  const calendarYears = years.length ? [...years, years.at(-1)! + 1] : [];
  const reports: repo.GeneratedReport[] = [];
  const reported = await repo.existingReports(db, programme.id);
  const names = await repo.categoryNames(db);
  const allMenus = [...menus.values()].flat();
  for (const b of boards.values()) {
    for (const year of calendarYears) {
      if (reported.has(`${b.id}:${year}`)) continue;
      const random = streamOf(opts.seed, `jaarverslag:${b.code}:${year}`);
      const reportSchools: ReportSchool[] = b.schools.map((s) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        years: new Map(years.map((y) => [y, profile(s, y)!])),
      }));
      const month = 3 + Math.floor(random() * 4);
      const day = 1 + Math.floor(random() * 28);
      const confirmedAt = `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00.000Z`;
      reports.push({
        boardId: b.id,
        email: opts.respondent?.('bestuur', b.code) ?? null,
        year,
        texts: reportTexts(
          random,
          b.schools.some((s) => s.group === 'vo'),
        ),
        figures: reportFigures(year, reportSchools, allMenus, names, random, confirmedAt),
        confirmedAt,
      });
    }
  }
  for (let i = 0; i < reports.length; i += batchSize) {
    const part = reports.slice(i, i + batchSize);
    result.reports += await db
      .transaction()
      .execute((trx) => repo.insertGeneratedReports(trx, programme.id, part));
    opts.progress?.('Jaarverslagen', Math.min(i + batchSize, reports.length), reports.length);
  }
  return result;
}
