// Demo accounts: one per role on the demo organisations, all with the same known password.
// Accounts with a role that needs two-factor authentication share a fixed demo TOTP key;
// `npm run cli -- totp-code` prints the current code for it.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Role } from '../../platform/db/tables.ts';
import { mfaRoles } from '../../platform/auth/principal.ts';
import type { DemoOrganisations, DemoStep } from '../../platform/demo-step.ts';
import { hashPassword } from './services/passwords.ts';
import { insertMembership } from './repository/memberships.ts';
import { findPersonByEmail, insertPerson, updatePerson } from './repository/people.ts';

export const demoPassword = 'demo-wachtwoord-npo';
/** A fixed, public TOTP key for the demo accounts (never use it elsewhere). */
export const demoTotpSecret = 'NPODEMOTOTPSLEUTELVOORDEMOACCOUNT';

const accounts: { role: Role; name: string; org: (o: DemoOrganisations) => number }[] = [
  { role: 'schoolleider', name: 'Sanne Schoolleider', org: (o) => o.schools.bo },
  { role: 'teamlid', name: 'Tim Teamlid', org: (o) => o.schools.bo },
  { role: 'mr-lid', name: 'Mira MR-lid', org: (o) => o.schools.bo },
  { role: 'bestuur', name: 'Bas Bestuurder', org: (o) => o.boardId },
  { role: 'gmr-lid', name: 'Gina GMR-lid', org: (o) => o.boardId },
  { role: 'helpdesk', name: 'Hanna Helpdesk', org: (o) => o.ministryId },
  { role: 'redactie', name: 'Ruben Redactie', org: (o) => o.ministryId },
  { role: 'analist', name: 'Anouk Analist', org: (o) => o.ministryId },
  { role: 'beheerder', name: 'Bram Beheerder', org: (o) => o.ministryId },
];

export function demoEmail(role: Role): string {
  return `${role}@demo.nponderwijs.example`;
}

export const accountsDemoStep: DemoStep = {
  name: 'accounts',
  async run(db: Kysely<DB>, orgs: DemoOrganisations) {
    // The same default as config.ts: the step has no config of its own.
    const baseUrl = process.env.BASE_URL || `http://localhost:${process.env.PORT || 3000}`;
    let hash: string | undefined;
    const lines = [`Inloggen: ${baseUrl}/inloggen   wachtwoord voor alle demo-accounts: ${demoPassword}`];
    for (const a of accounts) {
      const email = demoEmail(a.role);
      const person = await findPersonByEmail(db, email);
      if (!person) {
        hash ??= await hashPassword(demoPassword);
        const now = new Date();
        await db.transaction().execute(async (trx) => {
          const p = await insertPerson(trx, { email, name: a.name, passwordHash: hash!, now });
          await insertMembership(trx, p.id, a.org(orgs), a.role);
          if (mfaRoles.includes(a.role))
            await updatePerson(trx, p.id, { totp_secret: demoTotpSecret, totp_enabled_at: now });
        });
      }
      lines.push(
        `${a.role.padEnd(13)} ${email}${mfaRoles.includes(a.role) ? '  (met tweestapsverificatie)' : ''}`,
      );
    }
    lines.push(
      `Tweestapsverificatie: sleutel ${demoTotpSecret}; de actuele code geeft \`npm run cli -- totp-code\`.`,
    );
    lines.push(`Verstuurde e-mail (demo): ${baseUrl}/demo/mail`);
    return lines;
  },
};
