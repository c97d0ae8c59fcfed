// Signing in (password, then the code step when 2FA is on) and signing out (here or everywhere).
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import {
  endAllSessions,
  endSession,
  hashToken,
  pendingSession,
  sessionCookie,
} from '../../../platform/auth/session.ts';
import { publicFormLimit } from '../../../platform/http/rate-limits.ts';
import { form, query, text } from '../../../platform/http/schemas.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { safeReturnPath } from '../../../platform/http/return-path.ts';
import { checkSecondFactor, signIn, unlockMail } from '../services/sign-in.ts';
import { clearSessionCookie, setSessionCookie, startSession, stepUpSession } from './session.ts';
import { signInText } from '../messages.ts';
import { totpSecretBox } from '../services/totp-secret-box.ts';
import { SecondFactorPage, SignInPage } from '../views/sign-in.tsx';
import { examplePassword, examplePersonWithPassword, exampleSecondFactorOn } from './route-examples.ts';
import { noticeKey, publicPage, returnPath } from './page-access.ts';

/** Where to go after signing in: the return path, or the dashboard instead of the home or sign-in page. */
export function afterSignIn(terug: string | undefined): string {
  const p = safeReturnPath(terug);
  return p === '/' || p.startsWith('/inloggen') ? '/overzicht' : p;
}

export function registerSignInRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const failures = platform.metrics.counter('npo_login_failures_total', 'Mislukte inlogpogingen per reden', [
    'reason',
  ]);

  // ------------------------------------------------------------------ sign in
  app.get(
    '/inloggen',
    {
      config: { ...publicPage, examples: { query: '?terug=/overzicht' } },
      schema: { querystring: query({ terug: returnPath, uitgelogd: noticeKey, gelukt: noticeKey }) },
    },
    async (req, reply) => {
      const q = req.query;
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
        <SignInPage ctx={reply.ctx()} form={emptyForm} returnTo={safeReturnPath(q.terug)} notice={notice} />,
      );
    },
  );

  app.post(
    '/inloggen',
    {
      config: {
        access: access.public(),
        rateLimit: publicFormLimit(platform.config, 1),
        audit: ['inloggen', 'inloggen.wachtwoord'],
        examples: {
          // The fields (the input-edge suite reads `body`); the matrix signs in with bodyFor.
          body: { email: 'niemand@voorbeeld.nl', wachtwoord: 'fout-wachtwoord' },
          // A person without a role that needs the second factor: signed in at once.
          bodyFor: async ({ db }) => ({
            email: (await examplePersonWithPassword(db, platform.now())).email,
            wachtwoord: examplePassword,
          }),
        },
      },
      schema: { body: form({ email: text(1000), wachtwoord: text(1000), terug: returnPath }) },
    },
    async (req, reply) => {
      const f = req.body;
      const email = f.email.trim();
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
      const outcome = await signIn(db, { email, password: f.wachtwoord, ip: req.ip, now }, async (trx, o) => {
        if (o.kind === 'throttled') {
          await audit(req, trx, {
            ...who,
            action: 'inloggen',
            result: 'geweigerd',
            details: { reden: `te veel pogingen (${o.scope})`, wachttijd_seconden: o.waitSeconds },
          });
        } else if (o.kind === 'failed') {
          if (o.unlock) await platform.mailer.send(unlockMail(platform.config.baseUrl, o.unlock), { trx });
          await audit(req, trx, {
            ...who,
            actorPersonId: o.personId,
            action: 'inloggen',
            result: 'mislukt',
            objectType: 'person',
            objectId: o.personId ?? undefined,
            details: o.unlock
              ? { reden: 'onjuiste gegevens', vrijgeeflink: 'verstuurd' }
              : { reden: 'onjuiste gegevens' },
          });
        } else {
          // A new session for every sign-in (no session fixation); the old one ends.
          if (old) await endSession(trx, hashToken(old));
          token = (await startSession(trx, req, o.personId, { secondFactorPending: o.secondFactor, now }))
            .token;
          await audit(req, trx, {
            ...who,
            actorPersonId: o.personId,
            action: o.secondFactor ? 'inloggen.wachtwoord' : 'inloggen',
            objectType: 'person',
            objectId: o.personId,
            details: { tweede_factor: o.secondFactor },
          });
        }
      });
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

  app.get(
    '/inloggen/code',
    { config: publicPage, schema: { querystring: query({ terug: returnPath }) } },
    async (req, reply) => {
      const token = req.cookies[sessionCookie];
      const pending = token ? await pendingSession(db, token, platform.now()) : null;
      if (!pending) return reply.redirect('/inloggen', 303);
      return reply.page(
        <SecondFactorPage ctx={reply.ctx()} form={emptyForm} returnTo={safeReturnPath(req.query.terug)} />,
      );
    },
  );

  app.post(
    '/inloggen/code',
    {
      config: {
        access: access.public(),
        rateLimit: publicFormLimit(platform.config, 1 / 3),
        audit: ['inloggen', 'inloggen.tweede-stap'],
        examples: {
          body: { code: '000000' },
          // The session waits for the code of the person it is sent as: their 2FA is switched
          // on with a new key, and the form gets its current code.
          session: 'second-factor-pending',
          bodyFor: async ({ db, personId }) => ({
            code: personId
              ? await exampleSecondFactorOn(db, totpSecretBox(platform.config), personId, platform.now())
              : '000000',
          }),
        },
      },
      schema: { body: form({ code: text(100), terug: returnPath }) },
    },
    async (req, reply) => {
      const f = req.body;
      const now = platform.now();
      const token = req.cookies[sessionCookie];
      const pending = token ? await pendingSession(db, token, now) : null;
      if (!pending) {
        // No session waiting for its code (expired, or never signed in): start again, on the record.
        await audit(req, db, {
          action: 'inloggen.tweede-stap',
          result: 'mislukt',
          details: { reden: 'geen sessie die op de code wacht' },
        });
        return reply.redirect('/inloggen', 303);
      }
      const code = f.code.trim();
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
      const outcome = await checkSecondFactor(db, totpSecretBox(platform.config), {
        personId: pending.personId,
        code,
        ip: req.ip,
        now,
      });
      const who = { actorPersonId: pending.personId, objectType: 'person', objectId: pending.personId };
      if (outcome === 'ok') {
        // A new token at the step up: the pending one is worth nothing from now on.
        const fresh = await db.transaction().execute(async (trx) => {
          const s = await stepUpSession(trx, req, pending.personId, pending.sessionId, now);
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
    {
      config: { access: access.public(), audit: 'uitloggen', examples: { body: {} } },
      schema: { body: form({}) },
    },
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
    {
      config: { access: access.signedIn(), audit: 'uitloggen.overal', examples: { body: {} } },
      schema: { body: form({}) },
    },
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
}
