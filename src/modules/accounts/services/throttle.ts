// The numbers of sign-in throttling and the delay they give. Failures are counted per scope:
// per (account, address) pair, per account over all addresses, per address over all accounts,
// and per person for the code step. Up to `free` failures cost nothing; from then on each
// failure makes the next try wait 2^(failures - free) seconds, at most `capSeconds`. The
// reasons for these numbers are in the module README ("Sign-in throttling").

export type ThrottleScope = 'paar' | 'account' | 'adres' | 'code';

export interface ScopeRule {
  free: number;
  capSeconds: number;
}

export const throttleRules: Record<ThrottleScope, ScopeRule> = {
  paar: { free: 5, capSeconds: 15 * 60 },
  account: { free: 50, capSeconds: 15 * 60 },
  adres: { free: 300, capSeconds: 15 * 60 },
  code: { free: 5, capSeconds: 15 * 60 },
};

/** A count starts again when its last failure is this old (the nightly clean-up removes it). */
export const forgetFailuresAfterMs = 24 * 60 * 60 * 1000;

/** An unlock link works this long, and is mailed at most once in this time per account. */
export const unlockValidityMs = 60 * 60 * 1000;

/** Seconds to wait after this many failures in a scope (0: no wait). */
export function delaySeconds(rule: ScopeRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(2 ** (failures - rule.free), rule.capSeconds);
}

/** The rows a sign-in try counts in: pair, account and address (in this order, for locking). */
export function signInSubjects(email: string, ip: string | null) {
  const address = ip ?? '-';
  return [
    { scope: 'paar' as const, subject: `${email} ${address}`, email },
    { scope: 'account' as const, subject: email, email },
    { scope: 'adres' as const, subject: address, email: null },
  ];
}
