// CLI commands of the accounts module.
import type { Command } from '../../platform/cli/command.ts';
import type { Role } from '../../platform/db/tables.ts';
import { allRoles } from '../../platform/auth/principal.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { base32Decode, totpCode, totpPeriodSeconds } from './services/totp.ts';
import { demoTotpSecret } from './demo.ts';
import { invitationValidityMs } from './services/invitations.ts';
import { roleLabels } from './services/roles.ts';
import { newToken } from './services/tokens.ts';
import { insertInvitation } from './repository/invitations.ts';
import { findOrganisationByCode } from './repository/organisations.ts';

export const accountCommands: Command[] = [
  {
    name: 'totp-code',
    usage: 'totp-code [sleutel]',
    description:
      'Toont de actuele tweestapscode voor een TOTP-sleutel (zonder sleutel: die van de demo-accounts). Gebruikt geen database.',
    async run(args, ctx) {
      const secret = (args[0] ?? demoTotpSecret).replace(/\s/g, '').toUpperCase();
      try {
        base32Decode(secret);
      } catch {
        ctx.out('Dit is geen geldige sleutel (base32: letters A-Z en cijfers 2-7).');
        return 2;
      }
      const now = new Date();
      const left = totpPeriodSeconds - (Math.floor(now.getTime() / 1000) % totpPeriodSeconds);
      ctx.out(`${totpCode(secret, now)}  (nog ${left} seconden geldig)`);
    },
  },
  {
    name: 'invite',
    usage: 'invite <e-mail> <rol> <organisatiecode> [naam]',
    description:
      'Maakt een uitnodiging en toont de link, bijvoorbeeld voor de eerste beheerder: invite beheerder@ocw.nl beheerder OCW "Naam". De organisatiecode is OCW, een bestuursnummer of een vestigingscode.',
    async run(args, ctx) {
      const [email, role, code, ...nameParts] = args;
      if (!email || !role || !code || !allRoles.includes(role as Role)) {
        ctx.out(`Gebruik: invite <e-mail> <rol> <organisatiecode> [naam]; rollen: ${allRoles.join(', ')}`);
        return 2;
      }
      const database = await ctx.database();
      const db = database.db;
      const org =
        (await findOrganisationByCode(db, 'ministerie', code)) ??
        (await findOrganisationByCode(db, 'bestuur', code)) ??
        (await findOrganisationByCode(db, 'school', code));
      if (!org) {
        ctx.out(`Geen organisatie met code ${code}.`);
        return 1;
      }
      const { token, hash } = newToken();
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        const inv = await insertInvitation(trx, {
          tokenHash: hash,
          email,
          name: nameParts.join(' ') || email,
          organisationId: org.id,
          role: role as Role,
          invitedBy: null,
          createdAt: now,
          expiresAt: new Date(now.getTime() + invitationValidityMs),
        });
        await writeAudit(trx, {
          action: 'uitnodiging.verstuurd',
          actorLabel: 'cli',
          objectType: 'invitation',
          objectId: inv.id,
          organisationId: org.id,
          details: { rol: role },
        });
      });
      ctx.out(`Uitnodiging als ${roleLabels[role as Role]} bij ${org.name} voor ${email}:`);
      ctx.out(`${ctx.config.baseUrl}/uitnodiging?token=${token}`);
      ctx.out('De link werkt zeven dagen en één keer.');
    },
  },
];
