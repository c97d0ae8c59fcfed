// My account: change name or password, leave a role (the account page itself lists sessions and 2FA).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { perPersonLimit } from '../../../platform/http/rate-limits.ts';
import { form, query, text } from '../../../platform/http/schemas.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { findMembership, membershipsOfPerson } from '../repository/memberships.ts';
import { updatePerson } from '../repository/people.ts';
import { countUnusedRecoveryCodes } from '../repository/second-factor.ts';
import { countSessions, endOtherSessions } from '../repository/sign-in-attempts-and-sessions.ts';
import { leaveMembership } from '../services/memberships.ts';
import { changePassword } from '../services/password-reset.ts';
import { auditWithdrawnInvitations } from './membership-actions.ts';
import { nameProblem } from '../services/names.ts';
import { signedInPerson } from './session.ts';
import { AccountPage } from '../views/my-account.tsx';
import { LeaveRoleConfirm } from '../views/confirm.tsx';
import { noticeKey, signedInPage } from './page-access.ts';
import {
  exampleKnownPassword,
  exampleNewPassword,
  exampleOwnMembership,
  exampleSpareMembership,
} from './route-examples.ts';

export function registerMyAccountRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const renderAccount = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: {
      nameForm?: FormState;
      passwordForm?: FormState;
      notice?: string;
      leaveError?: string;
      status?: number;
    } = {},
  ) => {
    const p = req.principal!;
    const person = await signedInPerson(db, req);
    const [memberships, sessions, recoveryLeft] = await Promise.all([
      membershipsOfPerson(db, p.personId),
      countSessions(db, p.personId),
      countUnusedRecoveryCodes(db, p.personId),
    ]);
    return reply.page(
      <AccountPage
        ctx={reply.ctx()}
        person={{ name: person.name, email: person.email, totpEnabled: person.totp_enabled_at !== null }}
        memberships={memberships}
        sessions={sessions}
        recoveryLeft={recoveryLeft}
        nameForm={opts.nameForm ?? { values: { naam: person.name }, errors: {} }}
        passwordForm={opts.passwordForm ?? emptyForm}
        notice={opts.notice}
        leaveError={opts.leaveError}
      />,
      opts.status,
    );
  };

  const notices: Record<string, string> = {
    naam: 'Uw naam is opgeslagen.',
    wachtwoord: 'Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.',
    verlaten: 'Uw rol is beëindigd.',
  };

  app.get(
    '/account',
    { config: signedInPage, schema: { querystring: query({ gelukt: noticeKey }) } },
    async (req, reply) => renderAccount(req, reply, { notice: notices[req.query.gelukt ?? ''] }),
  );

  app.post(
    '/account/naam',
    {
      config: {
        access: access.signedIn(),
        audit: 'account.naam-gewijzigd',
        examples: { body: { naam: 'Nieuwe Naam' } },
      },
      schema: { body: form({ naam: text(1000) }) },
    },
    async (req, reply) => {
      const name = req.body.naam.trim();
      const badName = nameProblem(name);
      if (badName) {
        return renderAccount(req, reply, {
          nameForm: { values: { naam: name }, errors: { naam: badName } },
          status: 400,
        });
      }
      await db.transaction().execute(async (trx) => {
        await updatePerson(trx, req.principal!.personId, { name });
        await audit(req, trx, {
          action: 'account.naam-gewijzigd',
          objectType: 'person',
          objectId: req.principal!.personId,
        });
      });
      return reply.redirect('/account?gelukt=naam', 303);
    },
  );

  app.post(
    '/account/wachtwoord',
    {
      config: {
        access: access.signedIn(),
        rateLimit: perPersonLimit(platform.config, 1 / 6),
        audit: 'account.wachtwoord-gewijzigd',
        examples: {
          body: { huidig: 'x', wachtwoord: 'y', herhaling: 'y' },
          // The signed-in person's current password is made known first.
          bodyFor: async ({ db, personId }) => ({
            huidig: personId ? await exampleKnownPassword(db, personId, platform.now()) : 'x',
            wachtwoord: exampleNewPassword,
            herhaling: exampleNewPassword,
          }),
        },
      },
      schema: { body: form({ huidig: text(1000), wachtwoord: text(1000), herhaling: text(1000) }) },
    },
    async (req, reply) => {
      const f = req.body;
      const p = req.principal!;
      const now = platform.now();
      const r = await db.transaction().execute(async (trx) => {
        const res = await changePassword(trx, {
          personId: p.personId,
          current: f.huidig,
          password: f.wachtwoord,
          passwordAgain: f.herhaling,
          now,
        });
        if (res.ok) {
          await endOtherSessions(trx, p.personId, p.sessionId);
          await audit(req, trx, {
            action: 'account.wachtwoord-gewijzigd',
            objectType: 'person',
            objectId: p.personId,
          });
        }
        return res;
      });
      if (r.ok) return reply.redirect('/account?gelukt=wachtwoord', 303);
      await audit(req, db, {
        action: 'account.wachtwoord-gewijzigd',
        result: 'mislukt',
        objectType: 'person',
        objectId: p.personId,
        details: { veld: Object.keys(r.errors)[0] ?? '' },
      });
      return renderAccount(req, reply, { passwordForm: { values: {}, errors: r.errors }, status: 400 });
    },
  );

  // Ending one's own role asks first: this page says what happens and posts to the route below.
  app.get(
    '/account/verlaten',
    {
      config: {
        ...signedInPage,
        examples: {
          query: async ({ db: d, personId }) =>
            `?lidmaatschap=${personId ? await exampleOwnMembership(d, personId) : 0}`,
        },
      },
      schema: { querystring: query({ lidmaatschap: text(40) }) },
    },
    async (req, reply) => {
      const membershipId = Number(req.query.lidmaatschap);
      const m = Number.isSafeInteger(membershipId) ? await findMembership(db, membershipId) : undefined;
      // Only one's own roles. Another's, or one that is gone (ended in another tab), leads back
      // to the list of one's roles; both look the same.
      if (!m || m.personId !== req.principal!.personId) return reply.redirect('/account', 303);
      return reply.page(<LeaveRoleConfirm ctx={reply.ctx()} m={m} />);
    },
  );

  app.post(
    '/account/verlaten',
    {
      config: {
        access: access.signedIn(),
        audit: ['lidmaatschap.beeindigd', 'uitnodiging.ingetrokken'],
        examples: {
          body: { lidmaatschap: '0' },
          // A spare membership of the signed-in person, so the role they are sent as stays.
          bodyFor: async ({ db, personId, schoolId }) => ({
            lidmaatschap: personId ? String(await exampleSpareMembership(db, personId, schoolId)) : '0',
          }),
        },
      },
      // The membership is a form value, not a path: an unknown one is said on the page.
      schema: { body: form({ lidmaatschap: text(40) }) },
    },
    async (req, reply) => {
      const p = req.principal!;
      const id = Number(req.body.lidmaatschap);
      const r = await db.transaction().execute(async (trx) => {
        const res = await leaveMembership(trx, p, id, platform.now());
        if (res.ok) {
          const m = res.membership;
          await audit(req, trx, {
            action: 'lidmaatschap.beeindigd',
            objectType: 'membership',
            objectId: id,
            organisationId: m.organisationId,
            details: { rol: m.role, zelf: true },
          });
          await auditWithdrawnInvitations(req, trx, res.withdrawnInvitations, m.organisationId);
        }
        return res;
      });
      if (r.ok) return reply.redirect('/account?gelukt=verlaten', 303);
      await audit(req, db, {
        action: 'lidmaatschap.beeindigd',
        objectType: 'membership',
        // Not found (someone else's looks the same): mislukt; found but not allowed: geweigerd.
        ...(r.reason === 'not-found'
          ? {
              result: 'mislukt' as const,
              objectId: Number.isSafeInteger(id) ? id : undefined,
              details: { reden: 'niet gevonden' },
            }
          : {
              result: 'geweigerd' as const,
              objectId: id,
              organisationId: r.organisationId,
              details: { reden: r.reason },
            }),
      });
      return renderAccount(req, reply, { leaveError: r.message, status: 422 });
    },
  );
}
