// Sign-in, second factor, sign-out, password reset, invitations, my account, two-factor
// set-up, the dashboard and (in demo mode) the outbox page.
import type { PlatformModule } from '../module.ts';
import { access } from '../../platform/auth/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import {
  createSession,
  endAllSessions,
  endSession,
  hashToken,
  pendingSession,
  sessionCookie,
} from '../../platform/auth/session.ts';
import { effectiveMemberships, mfaRoles } from '../../platform/auth/principal.ts';
import { composeMail } from '../../platform/mail/mailer.ts';
import { emptyForm, type FormState } from '../../ui/components.tsx';
import { safeReturnPath } from '../site/routes.tsx';
import { dashboardProviders } from '../dashboard.ts';
import * as repo from './repository.ts';
import * as service from './service.ts';
import { newRecoveryCodes, newTotpSecret, hashRecoveryCode, matchTotp, totpQrSvg } from './totp.ts';
import { verifyPassword } from './passwords.ts';
import { clearSessionCookie, formOf, notFound, queryOf, setSessionCookie, validEmail } from './http.ts';
import {
  AccountPage,
  DashboardPage,
  ForgotPasswordPage,
  InvitationPage,
  OutboxPage,
  RecoveryCodesPage,
  ResetPasswordPage,
  SecondFactorPage,
  SignInPage,
  TotpSetupPage,
  TotpStatusPage,
  type DashboardSection,
} from './views.tsx';
import { signInText } from './messages.ts';
import { exampleMembership, registerPeopleRoutes } from './people-routes.tsx';
import type { ExampleTenant } from '../../platform/http/fastify-types.ts';
import { registerAuditRoutes } from './audit-routes.tsx';

const publicPage = { access: access.public(), page: true } as const;
const signedInPage = { access: access.signedIn(), page: true } as const;

/** A valid reset link in the tenant, so the suites see the form itself. */
async function exampleResetQuery({ schoolId, db }: ExampleTenant) {
  const { personId } = await exampleMembership(db, schoolId, 'teamlid');
  const { token, hash } = service.newToken();
  const now = new Date();
  await repo.insertPasswordReset(db, {
    tokenHash: hash,
    personId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + service.resetValidityMs),
  });
  return `?token=${token}`;
}

/** A valid invitation to the tenant's school. */
async function exampleInvitationQuery({ schoolId, db }: ExampleTenant) {
  const { token, hash } = service.newToken();
  const now = new Date();
  await repo.insertInvitation(db, {
    tokenHash: hash,
    email: `uitgenodigd-${hash.slice(0, 12)}@voorbeeld.nl`,
    name: 'Uitgenodigd Persoon',
    organisationId: schoolId,
    role: 'teamlid',
    invitedBy: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + service.invitationValidityMs),
  });
  return `?token=${token}`;
}

function afterSignIn(terug: string | undefined): string {
  const p = safeReturnPath(terug);
  return p === '/' || p.startsWith('/inloggen') ? '/overzicht' : p;
}

export const accountsModule: PlatformModule = {
  name: 'accounts',
  nav: [{ href: '/overzicht', label: { nl: 'Mijn overzicht', en: 'My overview' }, signedIn: true }],
  register(app, platform) {
    const db = platform.database.db;
    /** Public forms are rate-limited per address (in memory, per instance): a share of FORM_RATE_LIMIT. */
    const formLimit = (share: number) => ({
      max: Math.max(1, Math.ceil(platform.config.formRateLimit * share)),
      timeWindow: '1 minute',
    });
    /** Forms behind a session are limited per person instead (a school shares one address). */
    const personLimit = (share: number) => ({
      ...formLimit(share),
      hook: 'preHandler' as const,
      keyGenerator: (req: import('fastify').FastifyRequest) => `persoon-${req.principal?.personId ?? req.ip}`,
    });
    const failures = platform.metrics.counter(
      'npo_login_failures_total',
      'Mislukte inlogpogingen per reden',
      ['reason'],
    );

    // ------------------------------------------------------------------ sign in
    app.get(
      '/inloggen',
      { config: { ...publicPage, examples: { query: '?terug=/overzicht' } } },
      async (req, reply) => {
        const q = queryOf(req);
        if (req.principal) return reply.redirect(afterSignIn(q.terug), 303);
        const notice =
          q.uitgelogd === 'overal'
            ? ('signedOutEverywhere' as const)
            : q.uitgelogd
              ? ('signedOut' as const)
              : q.gelukt === 'wachtwoord'
                ? ('passwordReset' as const)
                : undefined;
        return reply.page(
          <SignInPage
            ctx={reply.ctx()}
            form={emptyForm}
            returnTo={safeReturnPath(q.terug)}
            notice={notice}
          />,
        );
      },
    );

    app.post(
      '/inloggen',
      {
        config: {
          access: access.public(),
          rateLimit: formLimit(1),
          examples: { body: { email: 'niemand@voorbeeld.nl', wachtwoord: 'fout-wachtwoord' } },
        },
      },
      async (req, reply) => {
        const f = formOf(req);
        const email = (f.email ?? '').trim();
        const form: FormState = { values: { email }, errors: {} };
        if (!email) form.errors.email = signInText(req.locale).emailMissing;
        if (!f.wachtwoord) form.errors.wachtwoord = signInText(req.locale).passwordMissing;
        const returnTo = safeReturnPath(f.terug);
        if (form.errors.email || form.errors.wachtwoord) {
          return reply.page(<SignInPage ctx={reply.ctx()} form={form} returnTo={returnTo} />, 400);
        }
        const now = platform.now();
        const who = { actorLabel: email.toLowerCase().slice(0, 320) };
        const old = req.cookies[sessionCookie];
        let token = '';
        const outcome = await service.signIn(
          db,
          { email, password: f.wachtwoord!, ip: req.ip, now },
          async (trx, o) => {
            if (o.kind === 'throttled') {
              await audit(req, trx, {
                ...who,
                action: 'inloggen',
                result: 'geweigerd',
                details: { reden: `te veel pogingen (${o.scope === 'account' ? 'account' : 'adres'})` },
              });
            } else if (o.kind === 'failed') {
              await audit(req, trx, {
                ...who,
                actorPersonId: o.personId,
                action: 'inloggen',
                result: 'mislukt',
                objectType: 'person',
                objectId: o.personId ?? undefined,
                details: { reden: 'onjuiste gegevens' },
              });
            } else {
              // A new session for every sign-in (no session fixation); the old one ends.
              if (old) await endSession(trx, hashToken(old));
              token = (
                await createSession(trx, o.personId, {
                  ip: req.ip,
                  userAgent: req.headers['user-agent'],
                  secondFactorPending: o.secondFactor,
                  now,
                })
              ).token;
              await audit(req, trx, {
                ...who,
                actorPersonId: o.personId,
                action: o.secondFactor ? 'inloggen.wachtwoord' : 'inloggen',
                objectType: 'person',
                objectId: o.personId,
                details: { tweede_factor: o.secondFactor },
              });
            }
          },
        );
        if (outcome.kind === 'throttled') {
          failures.inc({ reason: 'throttled' });
          req.log.warn({ scope: outcome.scope }, 'Inloggen geblokkeerd na herhaalde mislukte pogingen');
          return reply.page(
            <SignInPage ctx={reply.ctx()} form={form} returnTo={returnTo} message="throttled" />,
            429,
          );
        }
        if (outcome.kind === 'failed') {
          failures.inc({ reason: 'password' });
          return reply.page(
            <SignInPage ctx={reply.ctx()} form={form} returnTo={returnTo} message="wrong" />,
            400,
          );
        }
        setSessionCookie(platform, reply, token);
        if (outcome.secondFactor)
          return reply.redirect(`/inloggen/code?terug=${encodeURIComponent(returnTo)}`, 303);
        if (outcome.mustEnrol) return reply.redirect('/account/tweestapsverificatie', 303);
        return reply.redirect(afterSignIn(returnTo), 303);
      },
    );

    app.get('/inloggen/code', { config: publicPage }, async (req, reply) => {
      const token = req.cookies[sessionCookie];
      const pending = token ? await pendingSession(db, token, platform.now()) : null;
      if (!pending) return reply.redirect('/inloggen', 303);
      return reply.page(
        <SecondFactorPage ctx={reply.ctx()} form={emptyForm} returnTo={safeReturnPath(queryOf(req).terug)} />,
      );
    });

    app.post(
      '/inloggen/code',
      {
        config: {
          access: access.public(),
          rateLimit: formLimit(1 / 3),
          examples: { body: { code: '000000' } },
        },
      },
      async (req, reply) => {
        const f = formOf(req);
        const now = platform.now();
        const token = req.cookies[sessionCookie];
        const pending = token ? await pendingSession(db, token, now) : null;
        if (!pending) {
          return reply.redirect('/inloggen', 303);
        }
        const code = (f.code ?? '').trim();
        if (!code) {
          return reply.page(
            <SecondFactorPage
              ctx={reply.ctx()}
              form={{ values: {}, errors: { code: signInText(req.locale).codeMissing } }}
              returnTo={safeReturnPath(f.terug)}
            />,
            400,
          );
        }
        const outcome = await service.checkSecondFactor(db, {
          personId: pending.personId,
          code,
          ip: req.ip,
          now,
        });
        const who = { actorPersonId: pending.personId, objectType: 'person', objectId: pending.personId };
        if (outcome === 'ok') {
          // A new token at the step up: the pending one is worth nothing from now on.
          const fresh = await db.transaction().execute(async (trx) => {
            await endSession(trx, pending.sessionId);
            const s = await createSession(trx, pending.personId, {
              ip: req.ip,
              userAgent: req.headers['user-agent'],
              mfaVerified: true,
              now,
            });
            await audit(req, trx, {
              ...who,
              action: 'inloggen',
              details: { tweede_factor: /^\d/.test(code) ? 'app' : 'herstelcode' },
            });
            return s;
          });
          setSessionCookie(platform, reply, fresh.token);
          return reply.redirect(afterSignIn(f.terug), 303);
        }
        if (outcome === 'throttled') {
          failures.inc({ reason: 'throttled' });
          await endSession(db, pending.sessionId);
          clearSessionCookie(platform, reply);
          await audit(req, db, {
            ...who,
            action: 'inloggen.tweede-stap',
            result: 'geweigerd',
            details: { reden: 'te veel pogingen' },
          });
          return reply.page(
            <SignInPage ctx={reply.ctx()} form={emptyForm} returnTo="/" message="throttled" />,
            429,
          );
        }
        failures.inc({ reason: 'second_factor' });
        await audit(req, db, {
          ...who,
          action: 'inloggen.tweede-stap',
          result: 'mislukt',
          details: { reden: 'onjuiste of al gebruikte code' },
        });
        return reply.page(
          <SecondFactorPage
            ctx={reply.ctx()}
            returnTo={safeReturnPath(f.terug)}
            form={{
              values: {},
              errors: {
                code: signInText(req.locale).codeWrong,
              },
            }}
          />,
          400,
        );
      },
    );

    // ------------------------------------------------------------------ sign out
    app.post(
      '/uitloggen',
      { config: { access: access.public(), examples: { body: {} } } },
      async (req, reply) => {
        const token = req.cookies[sessionCookie];
        if (token) await endSession(db, hashToken(token));
        clearSessionCookie(platform, reply);
        await audit(req, db, {
          action: 'uitloggen',
          objectType: 'person',
          objectId: req.principal?.personId,
        });
        return reply.redirect(req.principal ? '/inloggen?uitgelogd=1' : '/', 303);
      },
    );

    app.post(
      '/uitloggen/overal',
      { config: { access: access.signedIn(), examples: { body: {} } } },
      async (req, reply) => {
        const p = req.principal!;
        const n = await endAllSessions(db, p.personId);
        clearSessionCookie(platform, reply);
        await audit(req, db, {
          action: 'uitloggen.overal',
          objectType: 'person',
          objectId: p.personId,
          details: { sessies: n },
        });
        return reply.redirect('/inloggen?uitgelogd=overal', 303);
      },
    );

    // ------------------------------------------------------------------ password reset
    app.get('/wachtwoord-vergeten', { config: publicPage }, async (_req, reply) =>
      reply.page(<ForgotPasswordPage ctx={reply.ctx()} form={emptyForm} />),
    );

    app.post(
      '/wachtwoord-vergeten',
      {
        config: {
          access: access.public(),
          rateLimit: formLimit(1 / 6),
          examples: { body: { email: 'niemand@voorbeeld.nl' } },
        },
      },
      async (req, reply) => {
        const email = (formOf(req).email ?? '').trim();
        if (!validEmail(email)) {
          return reply.page(
            <ForgotPasswordPage
              ctx={reply.ctx()}
              form={{
                values: { email },
                errors: { email: 'Vul een geldig e-mailadres in, zoals naam@school.nl.' },
              }}
            />,
            400,
          );
        }
        const now = platform.now();
        await db.transaction().execute(async (trx) => {
          const reset = await service.requestPasswordReset(trx, email, now);
          if (reset) {
            const link = `${platform.config.baseUrl}/wachtwoord-herstellen?token=${reset.token}`;
            await platform.mailer.send(
              composeMail(reset.email, 'Nieuw wachtwoord kiezen voor NP Onderwijs', [
                `Beste ${reset.name},`,
                'U heeft gevraagd om een nieuw wachtwoord. Kies een nieuw wachtwoord via deze link:',
                link,
                'De link werkt één uur en één keer. Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.',
              ]),
              { trx },
            );
          }
          await audit(req, trx, {
            actorPersonId: reset?.personId ?? null,
            actorLabel: email.toLowerCase(),
            action: 'wachtwoord.herstel-aangevraagd',
            objectType: 'person',
            objectId: reset?.personId,
            result: reset ? 'ok' : 'mislukt',
            details: reset ? {} : { reden: 'geen actief account' },
          });
        });
        return reply.page(<ForgotPasswordPage ctx={reply.ctx()} form={emptyForm} sent />);
      },
    );

    app.get(
      '/wachtwoord-herstellen',
      { config: { ...publicPage, examples: { query: exampleResetQuery } } },
      async (req, reply) => {
        const token = queryOf(req).token ?? '';
        const found = await service.lookUpReset(db, token, platform.now());
        return reply.page(
          <ResetPasswordPage ctx={reply.ctx()} token={token} form={emptyForm} state={found.state} />,
          found.state === 'open' ? 200 : 400,
        );
      },
    );

    app.post(
      '/wachtwoord-herstellen',
      {
        config: {
          access: access.public(),
          rateLimit: formLimit(1 / 6),
          examples: { body: { token: 'onbekend', wachtwoord: 'x', herhaling: 'x' } },
        },
      },
      async (req, reply) => {
        const f = formOf(req);
        const now = platform.now();
        const result = await db.transaction().execute(async (trx) => {
          const r = await service.resetPassword(trx, {
            token: f.token ?? '',
            password: f.wachtwoord ?? '',
            passwordAgain: f.herhaling ?? '',
            now,
          });
          if (r.ok) {
            const ended = await endAllSessions(trx, r.personId);
            await audit(req, trx, {
              actorPersonId: r.personId,
              action: 'wachtwoord.hersteld',
              objectType: 'person',
              objectId: r.personId,
              details: { sessies_beeindigd: ended },
            });
          }
          return r;
        });
        if (result.ok) return reply.redirect('/inloggen?gelukt=wachtwoord', 303);
        await audit(req, db, {
          action: 'wachtwoord.hersteld',
          result: 'mislukt',
          details: { reden: result.state ?? 'wachtwoord afgekeurd' },
        });
        return reply.page(
          <ResetPasswordPage
            ctx={reply.ctx()}
            token={f.token ?? ''}
            form={{ values: {}, errors: result.errors ?? {} }}
            state={result.state ?? 'open'}
          />,
          400,
        );
      },
    );

    // ------------------------------------------------------------------ invitations
    app.get(
      '/uitnodiging',
      { config: { ...publicPage, examples: { query: exampleInvitationQuery } } },
      async (req, reply) => {
        const token = queryOf(req).token ?? '';
        const found = await service.lookUpInvitation(db, token, platform.now());
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
          rateLimit: formLimit(1 / 6),
          examples: { body: { token: 'onbekend', naam: 'Test', wachtwoord: 'x', herhaling: 'x' } },
        },
      },
      async (req, reply) => {
        const f = formOf(req);
        const now = platform.now();
        const result = await db.transaction().execute(async (trx) => {
          const r = await service.acceptInvitation(trx, {
            token: f.token ?? '',
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
            const { token } = await createSession(db, result.personId, {
              ip: req.ip,
              userAgent: req.headers['user-agent'],
              now,
            });
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
        const found = await service.lookUpInvitation(db, f.token ?? '', now);
        if (found.state !== 'open')
          return reply.page(
            <InvitationPage ctx={reply.ctx()} token={f.token ?? ''} form={emptyForm} state={found.state} />,
            400,
          );
        return reply.page(
          <InvitationPage
            ctx={reply.ctx()}
            token={f.token ?? ''}
            form={{ values: { naam: f.naam }, errors: result.errors ?? {} }}
            state="open"
            invitation={found.invitation}
            existingAccount={found.existingPersonId !== null}
          />,
          400,
        );
      },
    );

    // ------------------------------------------------------------------ my account
    const renderAccount = async (
      req: import('fastify').FastifyRequest,
      reply: import('fastify').FastifyReply,
      opts: {
        nameForm?: FormState;
        passwordForm?: FormState;
        notice?: string;
        leaveError?: string;
        status?: number;
      } = {},
    ) => {
      const p = req.principal!;
      const person = await repo.findPerson(db, p.personId);
      if (!person) throw notFound();
      const [memberships, sessions, recoveryLeft] = await Promise.all([
        repo.membershipsOfPerson(db, p.personId),
        repo.countSessions(db, p.personId),
        repo.countUnusedRecoveryCodes(db, p.personId),
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

    app.get('/account', { config: signedInPage }, async (req, reply) =>
      renderAccount(req, reply, { notice: notices[queryOf(req).gelukt ?? ''] }),
    );

    app.post(
      '/account/naam',
      { config: { access: access.signedIn(), examples: { body: { naam: 'Nieuwe Naam' } } } },
      async (req, reply) => {
        const name = (formOf(req).naam ?? '').trim();
        if (name.length < 2 || name.length > 200) {
          return renderAccount(req, reply, {
            nameForm: { values: { naam: name }, errors: { naam: 'Vul uw naam in (2 tot 200 tekens).' } },
            status: 400,
          });
        }
        await db.transaction().execute(async (trx) => {
          await repo.updatePerson(trx, req.principal!.personId, { name });
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
          rateLimit: personLimit(1 / 6),
          examples: { body: { huidig: 'x', wachtwoord: 'y', herhaling: 'y' } },
        },
      },
      async (req, reply) => {
        const f = formOf(req);
        const p = req.principal!;
        const now = platform.now();
        const r = await db.transaction().execute(async (trx) => {
          const res = await service.changePassword(trx, {
            personId: p.personId,
            current: f.huidig ?? '',
            password: f.wachtwoord ?? '',
            passwordAgain: f.herhaling ?? '',
            now,
          });
          if (res.ok) {
            await repo.endOtherSessions(trx, p.personId, p.sessionId);
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

    app.post(
      '/account/verlaten',
      { config: { access: access.signedIn(), examples: { body: { lidmaatschap: '0' } } } },
      async (req, reply) => {
        const p = req.principal!;
        const id = Number(formOf(req).lidmaatschap);
        const m = Number.isSafeInteger(id) ? await repo.findMembership(db, id) : undefined;
        if (!m || m.personId !== p.personId) {
          // A form value, not a page: say so on the account page (someone else's looks the same).
          await audit(req, db, {
            action: 'lidmaatschap.beeindigd',
            result: 'mislukt',
            objectType: 'membership',
            objectId: Number.isSafeInteger(id) ? id : undefined,
            details: { reden: 'niet gevonden' },
          });
          return renderAccount(req, reply, {
            leaveError: 'Deze rol bestaat niet (meer). Kies een rol uit de lijst.',
            status: 422,
          });
        }
        const r = await db.transaction().execute(async (trx) => {
          const res = await service.removeMembership(trx, p, id, null);
          if (res.ok) {
            await audit(req, trx, {
              action: 'lidmaatschap.beeindigd',
              objectType: 'membership',
              objectId: id,
              organisationId: m.organisationId,
              details: { rol: m.role, zelf: true },
            });
          }
          return res;
        });
        if (r.ok) return reply.redirect('/account?gelukt=verlaten', 303);
        await audit(req, db, {
          action: 'lidmaatschap.beeindigd',
          result: 'geweigerd',
          objectType: 'membership',
          objectId: id,
          organisationId: m.organisationId,
          details: { reden: r.reason },
        });
        return renderAccount(req, reply, { leaveError: r.message, status: 422 });
      },
    );

    // ------------------------------------------------------------------ two-factor
    const hasMfaRole = (memberships: { role: string }[]) =>
      memberships.some((m) => (mfaRoles as readonly string[]).includes(m.role));

    app.get('/account/tweestapsverificatie', { config: signedInPage }, async (req, reply) => {
      const p = req.principal!;
      const person = await repo.findPerson(db, p.personId);
      if (!person) throw notFound();
      if (person.totp_enabled_at) {
        return reply.page(
          <TotpStatusPage
            ctx={reply.ctx()}
            recoveryLeft={await repo.countUnusedRecoveryCodes(db, p.personId)}
            mayDisable={!hasMfaRole(p.memberships)}
            form={emptyForm}
          />,
        );
      }
      // The pending key is kept until confirmed, so reloading the page shows the same QR code.
      let secret = person.totp_pending_secret;
      if (!secret) {
        secret = newTotpSecret();
        await repo.updatePerson(db, p.personId, { totp_pending_secret: secret });
      }
      return reply.page(
        <TotpSetupPage
          ctx={reply.ctx()}
          qrSvg={await totpQrSvg(secret, person.email)}
          secret={secret}
          form={emptyForm}
          mustEnrol={hasMfaRole(p.memberships)}
        />,
      );
    });

    app.post(
      '/account/tweestapsverificatie',
      {
        config: {
          access: access.signedIn(),
          rateLimit: personLimit(1 / 6),
          examples: { body: { code: '000000' } },
        },
      },
      async (req, reply) => {
        const p = req.principal!;
        const person = await repo.findPerson(db, p.personId);
        if (!person) throw notFound();
        if (person.totp_enabled_at || !person.totp_pending_secret) {
          return reply.redirect('/account/tweestapsverificatie', 303);
        }
        const now = platform.now();
        const code = (formOf(req).code ?? '').trim();
        const step = matchTotp(person.totp_pending_secret, code, now, null);
        if (step === null) {
          await audit(req, db, {
            action: 'tweestapsverificatie.aangezet',
            result: 'mislukt',
            objectType: 'person',
            objectId: p.personId,
            details: { reden: 'onjuiste code' },
          });
          return reply.page(
            <TotpSetupPage
              ctx={reply.ctx()}
              qrSvg={await totpQrSvg(person.totp_pending_secret, person.email)}
              secret={person.totp_pending_secret}
              form={{
                values: {},
                errors: {
                  code: 'Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en vul de nieuwe code uit de app in.',
                },
              }}
              mustEnrol={hasMfaRole(p.memberships)}
            />,
            400,
          );
        }
        const codes = newRecoveryCodes();
        const fresh = await db.transaction().execute(async (trx) => {
          await repo.updatePerson(trx, p.personId, {
            totp_secret: person.totp_pending_secret,
            totp_pending_secret: null,
            totp_enabled_at: now,
            totp_last_step: step,
          });
          await repo.replaceRecoveryCodes(trx, p.personId, codes.map(hashRecoveryCode), now);
          // This session passed the second factor: a new token for it (step up).
          await endSession(trx, p.sessionId);
          const s = await createSession(trx, p.personId, {
            ip: req.ip,
            userAgent: req.headers['user-agent'],
            mfaVerified: true,
            now,
          });
          await audit(req, trx, {
            action: 'tweestapsverificatie.aangezet',
            objectType: 'person',
            objectId: p.personId,
          });
          return s;
        });
        setSessionCookie(platform, reply, fresh.token);
        return reply.page(<RecoveryCodesPage ctx={reply.ctx()} codes={codes} />);
      },
    );

    app.post(
      '/account/tweestapsverificatie/uitzetten',
      {
        config: {
          access: access.signedIn(),
          rateLimit: personLimit(1 / 6),
          examples: { body: { wachtwoord: 'x' } },
        },
      },
      async (req, reply) => {
        const p = req.principal!;
        const person = await repo.findPerson(db, p.personId);
        if (!person) throw notFound();
        if (!person.totp_enabled_at) {
          return reply.redirect('/account/tweestapsverificatie', 303);
        }
        const recoveryLeft = await repo.countUnusedRecoveryCodes(db, p.personId);
        if (hasMfaRole(p.memberships)) {
          await audit(req, db, {
            action: 'tweestapsverificatie.uitgezet',
            result: 'geweigerd',
            objectType: 'person',
            objectId: p.personId,
            details: { reden: 'verplicht voor rol' },
          });
          return reply.page(
            <TotpStatusPage
              ctx={reply.ctx()}
              recoveryLeft={recoveryLeft}
              mayDisable={false}
              form={emptyForm}
            />,
            422,
          );
        }
        if (!(await verifyPassword(person.password_hash, formOf(req).wachtwoord ?? ''))) {
          await audit(req, db, {
            action: 'tweestapsverificatie.uitgezet',
            result: 'mislukt',
            objectType: 'person',
            objectId: p.personId,
            details: { reden: 'onjuist wachtwoord' },
          });
          return reply.page(
            <TotpStatusPage
              ctx={reply.ctx()}
              recoveryLeft={recoveryLeft}
              mayDisable
              form={{ values: {}, errors: { wachtwoord: 'Uw wachtwoord klopt niet. Typ het opnieuw.' } }}
            />,
            400,
          );
        }
        await db.transaction().execute(async (trx) => {
          await repo.updatePerson(trx, p.personId, {
            totp_secret: null,
            totp_pending_secret: null,
            totp_enabled_at: null,
            totp_last_step: null,
          });
          await repo.replaceRecoveryCodes(trx, p.personId, [], platform.now());
          await audit(req, trx, {
            action: 'tweestapsverificatie.uitgezet',
            objectType: 'person',
            objectId: p.personId,
          });
        });
        return reply.redirect('/account', 303);
      },
    );

    app.post(
      '/account/herstelcodes',
      { config: { access: access.signedIn(), examples: { body: {} } } },
      async (req, reply) => {
        const p = req.principal!;
        const person = await repo.findPerson(db, p.personId);
        if (!person?.totp_enabled_at) {
          return reply.redirect('/account/tweestapsverificatie', 303);
        }
        const codes = newRecoveryCodes();
        await db.transaction().execute(async (trx) => {
          await repo.replaceRecoveryCodes(trx, p.personId, codes.map(hashRecoveryCode), platform.now());
          await audit(req, trx, {
            action: 'tweestapsverificatie.herstelcodes-vernieuwd',
            objectType: 'person',
            objectId: p.personId,
          });
        });
        return reply.page(<RecoveryCodesPage ctx={reply.ctx()} codes={codes} />);
      },
    );

    // ------------------------------------------------------------------ dashboard
    app.get('/overzicht', { config: signedInPage }, async (req, reply) => {
      const p = req.principal!;
      const now = platform.now();
      const effective = effectiveMemberships(p);
      const waiting = p.memberships.filter((m) => !effective.includes(m));
      const sections: DashboardSection[] = [];
      for (const m of effective) {
        const lists = await Promise.all(
          dashboardProviders.map((d) => d.actions({ membership: m, principal: p, db, now })),
        );
        sections.push({
          key: `${m.organisationId}-${m.role}`,
          title: `${service.roleLabels[m.role]} · ${m.organisationName}`,
          actions: lists.flat(),
        });
      }
      let mustEnrol = false;
      if (waiting.length) {
        const person = await repo.findPerson(db, p.personId);
        mustEnrol = !person?.totp_enabled_at;
      }
      return reply.page(
        <DashboardPage
          ctx={reply.ctx()}
          sections={sections}
          waiting={waiting.map((m) => `${service.roleLabels[m.role]} (${m.organisationName})`)}
          mustEnrol={mustEnrol}
        />,
      );
    });

    // ------------------------------------------------------------------ demo outbox
    if (platform.config.demo) {
      app.get('/demo/mail', { config: publicPage }, async (_req, reply) =>
        reply.page(<OutboxPage ctx={reply.ctx()} mails={await platform.mailer.outbox(30)} />),
      );
    }

    registerPeopleRoutes(app, platform);
    registerAuditRoutes(app, platform);
  },
};
