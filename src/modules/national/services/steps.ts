// The national dataset: the real open data first (every school, board and pupil count), then
// steps that later modules add for what the files lack (plans, answers, tickets …), each with
// its own deterministic random stream so a given seed always gives the same dataset.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { peopleStep } from './people-step.ts';
import { answersStep } from './answers-step.ts';

export interface NationalStepContext {
  random: () => number;
  out: (line: string) => void;
  /** The seed itself, for steps that derive a stream per object (see national/people.ts). */
  seed: number;
  /** `--max-scholen N`: a step limits its work to this many schools (chosen with the seed). */
  maxSchools?: number;
  progress: (label: string, done: number, total: number) => void;
}

export interface NationalStep {
  name: string;
  run(db: Kysely<DB>, ctx: NationalStepContext): Promise<void>;
}

/** Steps run by `generate-national` after the open data is in. A module adds one line here. */
export const nationalSteps: NationalStep[] = [peopleStep, answersStep];

/** A small, fast, seedable generator (mulberry32): the same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A per-step stream: steps added or removed later do not change the others' numbers. */
export function streamFor(seed: number, stepName: string): () => number {
  let h = seed >>> 0;
  for (const ch of stepName) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return seededRandom(h);
}
