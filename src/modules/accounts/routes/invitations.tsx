// Accepting an invitation: a new person picks a name and password; an existing account signs in first.
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { mfaRoles } from '../../../platform/auth/principal.ts';
import { publicFormLimit } from '../../../platform/http/rate-limits.ts';
import { emptyForm } from '../../../ui/components.tsx';
import { acceptInvitation, lookUpInvitation } from '../services/invitations.ts';
import { setSessionCookie, startSession } from './session.ts';
import { form, query, text } from '../../../platform/http/schemas.ts';
import { InvitationPage } from '../views/invitation.tsx';
import { publicPage, tokenField } from './page-access.ts';
import { exampleInvitationQuery, exampleInvitationToken, exampleNewPassword } from './route-examples.ts';

export function registerInvitationRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  app.get(
    '/uitnodiging',
    {
      config: { ...publicPage, examples: { query: exampleInvitationQuery } },
      schema: { querystring: query({ token: tokenField }) },
    },
    async (req, reply) => {
      const { token } = req.query;
      const found = await lookUpInvitation(db, token, platform.now());
      if (found.state !== 'open')
        return reply.page(
          <InvitationPage ctx={reply.ctx()} token={token} form={emptyForm} state={found.state} />,
          400,
        );
      return reply.page(
        <InvitationPage
          ctx={reply.ctx()}
          token={token}
          form={{ values: { naam: found.invitation.name }, errors: {} }}
          state="open"
          invitation={found.invitation}
          existingAccount={found.existingPersonId !== null}
        />,
      );
    },
  );

  app.post(
    '/uitnodiging',
    {
      config: {
        access: access.public(),
        rateLimit: publicFormLimit(platform.config, 1 / 6),
        audit: 'uitnodiging.aangenomen',
        examples: {
          body: { token: 'onbekend', naam: 'Test', wachtwoord: 'x', herhaling: 'x' },
          // An open invitation for a new address: a new account is made (whoever is signed in).
          bodyFor: async (t) => ({
            token: await exampleInvitationToken(t, platform.now()),
            naam: 'Nieuwe Collega',
            wachtwoord: exampleNewPassword,
            herhaling: exampleNewPassword,
          }),
        },
      },
      schema: {
        body: form({ token: tokenField, naam: text(1000), wachtwoord: text(1000), herhaling: text(1000) }),
      },
    },
    async (req, reply) => {
      const f = req.body;
      const now = platform.now();
      const result = await db.transaction().execute(async (trx) => {
        const r = await acceptInvitation(trx, {
          token: f.token,
          name: f.naam,
          password: f.wachtwoord,
          passwordAgain: f.herhaling,
          signedInPersonId: req.principal?.personId ?? null,
          now,
        });
        if (r.ok) {
          await audit(req, trx, {
            actorPersonId: r.personId,
            actorLabel: r.invitation.email,
            action: 'uitnodiging.aangenomen',
            objectType: 'invitation',
            objectId: r.invitation.id,
            organisationId: r.invitation.organisationId,
            details: { rol: r.invitation.role, nieuw_account: r.created },
          });
        }
        return r;
      });
      if (result.ok) {
        if (result.created) {
          const { token } = await startSession(db, req, result.personId, { now });
          setSessionCookie(platform, reply, token);
        }
        return reply.redirect(
          mfaRoles.includes(result.invitation.role) ? '/account/tweestapsverificatie' : '/overzicht',
          303,
        );
      }
      await audit(req, db, {
        action: 'uitnodiging.aangenomen',
        result: 'mislukt',
        details: { reden: result.state ?? 'invoer afgekeurd' },
      });
      const found = await lookUpInvitation(db, f.token, now);
      if (found.state !== 'open')
        return reply.page(
          <InvitationPage ctx={reply.ctx()} token={f.token} form={emptyForm} state={found.state} />,
          400,
        );
      return reply.page(
        <InvitationPage
          ctx={reply.ctx()}
          token={f.token}
          form={{ values: { naam: f.naam }, errors: result.errors ?? {} }}
          state="open"
          invitation={found.invitation}
          existingAccount={found.existingPersonId !== null}
        />,
        400,
      );
    },
  );
}
