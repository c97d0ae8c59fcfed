// Production must not run with the demo accounts: they share a published password and TOTP
// key, so anyone who read the README could sign in as beheerder. A database that was once
// started in demo mode keeps them, which is why the start checks the data, not only DEMO.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { demoEmail } from '../modules/accounts/demo.ts';

/** The reserved domain of every demo account (see accounts/demo.ts). */
const demoDomain = demoEmail('beheerder').split('@')[1]!;

/** The e-mail addresses of demo accounts in this database (at most a few, for the message). */
export async function findDemoAccounts(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('person')
    .select('email')
    .where('email', 'like', `%@${demoDomain}`)
    .orderBy('email')
    .limit(20)
    .execute();
  return rows.map((r) => r.email);
}

/** The Dutch message for the operator: what is wrong and what to do. */
export function demoAccountsRefusal(emails: string[]): string {
  return [
    'Het platform start niet in productie (NODE_ENV=production): de database bevat demo-accounts',
    `met een openbaar bekend wachtwoord en tweestapssleutel (${emails.slice(0, 3).join(', ')}${emails.length > 3 ? ', …' : ''}).`,
    'Gebruik voor productie een nieuwe, lege database (een andere DATA_DIR of DATABASE_URL),',
    'of verwijder eerst de demo-accounts. Er is niets gewijzigd.',
  ].join('\n');
}
