// Passwords: argon2id hashing and the password rules (length, not a common password).
//
// Hash parameters: argon2id, memory 19456 KiB (19 MiB), 2 iterations, parallelism 1 — the
// OWASP minimum recommendation; about 9–10 ms per hash on the 2-core reference machine.
import fs from 'node:fs';
import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { fromRoot } from '../../../paths.ts';

export const hashParameters = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const minPasswordLength = 12;
export const maxPasswordLength = 200;

/**
 * At most this many hashes run at once (one core stays free for requests and the database):
 * under a burst of sign-ins the hashes queue instead of starving every other request.
 */
const maxConcurrentHashes = Math.max(1, os.availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  // A finishing hash hands its slot straight to the next in line.
  if (running >= maxConcurrentHashes) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, hashParameters));
}

/** A valid hash of a random password, so unknown accounts cost as much time as known ones. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  if (!hashed) {
    await verify(await (dummyHash ??= hashPassword(`geen-account-${Math.random()}`)), password).catch(
      () => false,
    );
    return false;
  }
  try {
    return await limited(() => verify(hashed, password));
  } catch {
    return false;
  }
}

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!common) {
    const file = fromRoot('resources/accounts/common-passwords.txt');
    common = new Set(
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return common;
}

/**
 * Why a new password is refused, in Dutch, or null when it is good enough. The check looks at
 * length, a list of common passwords (also with digits or punctuation added at the end) and
 * the person's own e-mail address and name.
 */
/**
 * Whether a (lower-cased) password holds the e-mail address: the whole address (however short),
 * or its local part of 4 or more characters, also with its dots, dashes and the like left out
 * ('jan.de.vries' in 'JanDeVries2024'). Such a password falls to the first guess of anyone who
 * knows the address.
 */
function containsEmail(lower: string, email: string | undefined): boolean {
  if (!email) return false;
  const address = email.trim().toLowerCase();
  if (address && lower.includes(address)) return true;
  const local = address.split('@')[0] ?? '';
  const squeezed = local.replace(/[^\p{L}\p{N}]+/gu, '');
  const squeezedPassword = lower.replace(/[^\p{L}\p{N}]+/gu, '');
  return (
    (local.length >= 4 && lower.includes(local)) ||
    (squeezed.length >= 4 && squeezedPassword.includes(squeezed))
  );
}

export function passwordProblem(
  password: string,
  person: { email?: string; name?: string } = {},
): string | null {
  if (password.length < minPasswordLength) {
    return `Kies een wachtwoord van minstens ${minPasswordLength} tekens. Een zin van een paar woorden is makkelijk te onthouden.`;
  }
  if (password.length > maxPasswordLength)
    return `Kies een wachtwoord van hoogstens ${maxPasswordLength} tekens.`;
  const lower = password.toLowerCase();
  const base = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  const list = commonPasswords();
  if (list.has(lower) || (base.length > 0 && list.has(base)) || /^(.)\1+$/u.test(lower)) {
    return 'Dit wachtwoord komt te veel voor en is makkelijk te raden. Kies een ander wachtwoord, bijvoorbeeld een zin van een paar woorden.';
  }
  if (containsEmail(lower, person.email) || (person.name && lower === person.name.toLowerCase())) {
    return 'Gebruik niet uw naam of e-mailadres in uw wachtwoord.';
  }
  return null;
}

/** What is wrong with a new password and its repetition, by form field; null when both are fine. */
export function newPasswordErrors(
  password: string,
  passwordAgain: string | undefined,
  person: { email?: string; name?: string },
): Record<string, string> | null {
  const problem = passwordProblem(password, person);
  if (problem) return { wachtwoord: problem };
  if (password !== passwordAgain)
    return { herhaling: 'De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer.' };
  return null;
}
