// Answers that must not tell, by their timing, which branch they took (does this e-mail address
// have an account?): the work is done, then the answer waits until a fixed time has passed
// since the request began. The floor sits well above the slowest branch measured, so both
// branches answer at the floor (bench/password-reset-timing.ts).
import { setTimeout as sleep } from 'node:timers/promises';

/** /wachtwoord-vergeten answers no sooner than this after the request began. */
export const resetAnswerMs = 500;

/** Waits until `ms` have passed since `startedAt` (a performance.now() value). */
export async function notBefore(startedAt: number, ms: number): Promise<void> {
  const left = startedAt + ms - performance.now();
  if (left > 0) await sleep(left);
}
