// People for the national dataset: for every open school a schoolleider, a few teamleden and
// MR members; for every board with open schools a bestuur and a gmr-lid account. Everything is
// derived from the seed and the organisation codes, so the same seed gives the same rows (and a
// subset run gives exactly the people a full run would give those schools).
//
// - Addresses are on a reserved test domain: schoolleider.<vestigingscode>@npo-test.example,
//   teamlid-2.<vestigingscode>@…, mr-lid-1.<vestigingscode>@…, bestuur.<bestuursnummer>@…,
//   gmr-lid.<bestuursnummer>@….
// - One shared, known password, hashed once with the accounts module's argon2id parameters.
//   The salt comes from the seed (not from chance), so the stored hash is the same on every
//   run with the same seed; it is test data with a published password anyway.
// - Roles that need two-factor authentication (bestuur) get a TOTP key derived from the seed
//   and their address (`npm run cli -- totp-code <sleutel>` prints the current code).
// - Timestamps are a fixed moment, not the clock.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { hash } from '@node-rs/argon2';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { mfaRoles } from '../../../platform/auth/principal.ts';
import { hashParameters } from '../../accounts/services/passwords.ts';
import { base32Encode } from '../../accounts/services/totp.ts';
import * as repo from '../repository/people.ts';

export const nationalDomain = 'npo-test.example';
/** The password of every generated account (test data only; printed by the command). */
export const nationalPassword = 'landelijke-testdata-npo';
/** Every generated row carries this moment, so two runs give identical rows. */
export const generatedAt = new Date('2021-06-01T08:00:00.000Z');

const batchSize = 5000;

export class NationalRefusal extends Error {}

export interface PlannedPerson {
  email: string;
  name: string;
  role: Role;
  organisationId: number;
  totpSecret: string | null;
}

export interface PeopleOptions {
  seed: number;
  /** Only this many schools (chosen with the seed) and their boards; all when absent. */
  maxSchools?: number;
  progress?: (label: string, done: number, total: number) => void;
}

export interface PeopleResult {
  schools: number;
  boards: number;
  boardsWithoutCode: number;
  planned: number;
  peopleAdded: number;
  membershipsAdded: number;
}

/** A number from a seed and a text (FNV-1a), to start a stream per school or board. */
function mix(seed: number, text: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * The random stream of one organisation (mulberry32, as duo-import/national.ts), independent of
 * which other organisations take part.
 */
export function streamOf(seed: number, key: string): () => number {
  let a = mix(seed, key);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstNames = [
  'Anna',
  'Bram',
  'Daan',
  'Emma',
  'Femke',
  'Floor',
  'Gijs',
  'Hanna',
  'Iris',
  'Jesse',
  'Julia',
  'Koen',
  'Lars',
  'Lieke',
  'Lotte',
  'Luuk',
  'Maud',
  'Milan',
  'Naima',
  'Noah',
  'Noor',
  'Olaf',
  'Priya',
  'Rachid',
  'Roos',
  'Ruben',
  'Sanne',
  'Sem',
  'Sophie',
  'Stijn',
  'Tess',
  'Thijs',
  'Yara',
  'Youssef',
  'Zeynep',
  'Wim',
  'Ilse',
  'Mehmet',
  'Fenna',
  'Jorrit',
];
const lastNames = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'Kaya',
  'El Amrani',
  'Yılmaz',
  'Postma',
  'Hoekstra',
  'Kramer',
  'van Wijk',
  'Bouma',
  'Prins',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function nameFrom(random: () => number): string {
  return `${pick(random, firstNames)} ${pick(random, lastNames)}`;
}

function totpFrom(random: () => number): string {
  const bytes = new Uint8Array(20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return base32Encode(bytes);
}

export function emailFor(role: Role, code: string, n?: number): string {
  const local = n === undefined ? role : `${role}-${n}`;
  return `${local}.${code.toLowerCase()}@${nationalDomain}`;
}

/** The people of one school: 1 schoolleider, 1–3 teamleden, 2–3 MR members. */
export function schoolPeople(seed: number, school: { id: number; code: string }): PlannedPerson[] {
  const random = streamOf(seed, `school:${school.code}`);
  const out: PlannedPerson[] = [];
  const add = (role: Role, n?: number) =>
    out.push({
      email: emailFor(role, school.code, n),
      name: nameFrom(random),
      role,
      organisationId: school.id,
      totpSecret: mfaRoles.includes(role) ? totpFrom(random) : null,
    });
  add('schoolleider');
  const team = 1 + Math.floor(random() * 3);
  const mr = 2 + Math.floor(random() * 2);
  for (let i = 1; i <= team; i++) add('teamlid', i);
  for (let i = 1; i <= mr; i++) add('mr-lid', i);
  return out;
}

/** The people of one board: a bestuur account (with a TOTP key) and a GMR member. */
export function boardPeople(seed: number, board: { id: number; code: string }): PlannedPerson[] {
  const random = streamOf(seed, `bestuur:${board.code}`);
  return (['bestuur', 'gmr-lid'] as const).map((role) => ({
    email: emailFor(role, board.code),
    name: nameFrom(random),
    role,
    organisationId: board.id,
    totpSecret: mfaRoles.includes(role) ? totpFrom(random) : null,
  }));
}

/** The shared password's argon2id hash (the accounts module's parameters, a salt from the seed). */
export async function sharedPasswordHash(seed: number): Promise<string> {
  const salt = crypto.createHash('sha256').update(`npo-landelijk-zout:${seed}`).digest().subarray(0, 16);
  return hash(nationalPassword, { ...hashParameters, salt: new Uint8Array(salt) });
}

function refusal(seed: number, email: string): NationalRefusal {
  return new NationalRefusal(
    `De database bevat al landelijke testaccounts die niet bij zaad ${seed} passen (bijvoorbeeld ${email}). ` +
      'Gebruik hetzelfde zaad als de vorige keer, of begin met een lege database.',
  );
}

/**
 * A quick check before any work: refuses when the database holds test accounts made with
 * another seed (their password hash has another salt).
 */
export async function assertSameSeed(db: Kysely<DB>, seed: number): Promise<void> {
  const passwordHash = await sharedPasswordHash(seed);
  const other = await repo.personWithOtherHash(db, nationalDomain, passwordHash);
  if (other) throw refusal(seed, other.email);
}

/** Open schools that belong to a board, in code order; a seeded sample when `max` is given. */
async function chooseSchools(db: Kysely<DB>, seed: number, max?: number): Promise<repo.SchoolRow[]> {
  const schools = await repo.openSchoolsWithBoard(db);
  if (max === undefined || max >= schools.length) return schools;
  const keyed = schools.map((s) => ({ s, key: streamOf(seed, `keuze:${s.code}`)() }));
  keyed.sort((a, b) => a.key - b.key || (a.s.code < b.s.code ? -1 : 1));
  return keyed
    .slice(0, max)
    .map((k) => k.s)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export async function planNationalPeople(
  db: Kysely<DB>,
  opts: PeopleOptions,
): Promise<{ people: PlannedPerson[]; schools: number; boards: number; boardsWithoutCode: number }> {
  const schools = await chooseSchools(db, opts.seed, opts.maxSchools);
  const boards = new Map<number, string | null>();
  for (const s of schools) boards.set(s.board_id, s.board_code);
  const people: PlannedPerson[] = [];
  for (const s of schools) people.push(...schoolPeople(opts.seed, s));
  let boardsWithoutCode = 0;
  const boardList = [...boards].sort((a, b) => a[0] - b[0]);
  const withCode = boardList
    .filter(([, code]) => code !== null || (boardsWithoutCode++, false))
    .map(([id, code]) => ({ id, code: code! }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const b of withCode) people.push(...boardPeople(opts.seed, b));
  return { people, schools: schools.length, boards: withCode.length, boardsWithoutCode };
}

/**
 * Creates the planned people and memberships in one transaction, in batches of thousands of
 * rows per statement. Running it again with the same seed adds nothing; with another seed it
 * refuses (the existing accounts would not match).
 */
export async function generateNationalPeople(db: Kysely<DB>, opts: PeopleOptions): Promise<PeopleResult> {
  const plan = await planNationalPeople(db, opts);
  const passwordHash = await sharedPasswordHash(opts.seed);
  return db.transaction().execute(async (trx) => {
    await repo.lockNationalPeople(trx);
    const existing = await repo.peopleOfDomain(trx, nationalDomain);
    const refuse = (email: string) => refusal(opts.seed, email);
    // The password hash's salt comes from the seed: another hash means another seed.
    for (const [email, p] of existing) if (p.password_hash !== passwordHash) throw refuse(email);
    const fresh: PlannedPerson[] = [];
    for (const p of plan.people) {
      const had = existing.get(p.email);
      if (!had) fresh.push(p);
      else if (had.name !== p.name || had.totp_secret !== p.totpSecret) throw refuse(p.email);
    }
    let peopleAdded = 0;
    for (let i = 0; i < fresh.length; i += batchSize) {
      const part = fresh.slice(i, i + batchSize);
      peopleAdded += await repo.insertPeople(trx, part, passwordHash, generatedAt);
      opts.progress?.('Mensen aanmaken', Math.min(i + batchSize, fresh.length), fresh.length);
    }
    if (fresh.length === 0) opts.progress?.('Mensen aanmaken', 0, 0);
    let membershipsAdded = 0;
    const all = plan.people;
    for (let i = 0; i < all.length; i += batchSize) {
      const part = all.slice(i, i + batchSize);
      membershipsAdded += await repo.insertMemberships(trx, part, generatedAt);
      opts.progress?.('Lidmaatschappen aanmaken', Math.min(i + batchSize, all.length), all.length);
    }
    return {
      schools: plan.schools,
      boards: plan.boards,
      boardsWithoutCode: plan.boardsWithoutCode,
      planned: plan.people.length,
      peopleAdded,
      membershipsAdded,
    };
  });
}
