// Two-factor set-up: a TOTP key with QR code, confirming it, switching it off, new recovery codes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { perPersonLimit } from '../../../platform/http/rate-limits.ts';
import { form, text } from '../../../platform/http/schemas.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { countUnusedRecoveryCodes } from '../repository/second-factor.ts';
import { endOtherSessions } from '../repository/sign-in-attempts-and-sessions.ts';
import { findPerson } from '../repository/people.ts';
import { totpQrSvg } from '../services/totp.ts';
import { totpSecretBox } from '../services/totp-secret-box.ts';
import {
  hasMfaRole,
  pendingSecret,
  renewRecoveryCodes,
  switchOff,
  switchOn,
} from '../services/two-factor.ts';
import { setSessionCookie, signedInPerson, stepUpSession } from './session.ts';
import { notStepUpMessage } from '../messages.ts';
import { RecoveryCodesPage, TotpSetupPage, TotpStatusPage } from '../views/two-factor.tsx';
import { signedInPage } from './page-access.ts';
import { exampleKnownPassword, examplePendingSecondFactor, exampleSecondFactorOn } from './route-examples.ts';

export function registerTwoFactorRoutes(app: App, platform: Platform) {
  const db = platform.database.db;
  const box = totpSecretBox(platform.config);

  /** The set-up page for a pending key: on first view, and again after a wrong code. */
  async function renderSetup(
    req: FastifyRequest,
    reply: FastifyReply,
    secret: string,
    email: string,
    form: FormState,
    status?: number,
  ) {
    return reply.page(
      <TotpSetupPage
        ctx={reply.ctx()}
        qrSvg={await totpQrSvg(secret, email)}
        secret={secret}
        form={form}
        mustEnrol={hasMfaRole(req.principal!.memberships)}
      />,
      status,
    );
  }

  /** A refused or failed change to the signed-in person's second factor, with the reason. */
  const auditRefusal = (
    req: FastifyRequest,
    action: string,
    result: 'mislukt' | 'geweigerd',
    reden: string,
  ) =>
    audit(req, db, {
      action,
      result,
      objectType: 'person',
      objectId: req.principal!.personId,
      details: { reden },
    });

  /**
   * Changing the second factor (new recovery codes, switching it off) needs a session that
   * passed it: otherwise a password alone, in a session from before 2FA was on, would get
   * around the code. Sends the refusal and audits it; true when it did (a boolean, as a reply
   * is thenable and would not survive being returned from an async function).
   */
  async function refusedWithoutSecondFactor(
    req: FastifyRequest,
    reply: FastifyReply,
    action: string,
  ): Promise<boolean> {
    const p = req.principal!;
    if (p.mfaVerified) return false;
    await auditRefusal(req, action, 'geweigerd', 'sessie zonder tweede stap');
    reply.page(
      <TotpStatusPage
        ctx={reply.ctx()}
        recoveryLeft={await countUnusedRecoveryCodes(db, p.personId)}
        mayDisable={!hasMfaRole(p.memberships)}
        form={emptyForm}
        error={notStepUpMessage}
      />,
      403,
    );
    return true;
  }

  app.get('/account/tweestapsverificatie', { config: signedInPage }, async (req, reply) => {
    const p = req.principal!;
    const person = await signedInPerson(db, req);
    if (person.totp_enabled_at) {
      return reply.page(
        <TotpStatusPage
          ctx={reply.ctx()}
          recoveryLeft={await countUnusedRecoveryCodes(db, p.personId)}
          mayDisable={!hasMfaRole(p.memberships)}
          form={emptyForm}
        />,
      );
    }
    const secret = await pendingSecret(db, box, person);
    return renderSetup(req, reply, secret, person.email, emptyForm);
  });

  app.post(
    '/account/tweestapsverificatie',
    {
      config: {
        access: access.signedIn(),
        rateLimit: perPersonLimit(platform.config, 1 / 6),
        audit: 'tweestapsverificatie.aangezet',
        examples: {
          body: { code: '000000' },
          // A key shown to the signed-in person (2FA still off) and its current code.
          bodyFor: async ({ db, personId }) => ({
            code: personId ? await examplePendingSecondFactor(db, box, personId, platform.now()) : '000000',
          }),
        },
      },
      schema: { body: form({ code: text(100) }) },
    },
    async (req, reply) => {
      const p = req.principal!;
      const person = await signedInPerson(db, req);
      const pending = person.totp_pending_secret;
      if (person.totp_enabled_at || !pending) {
        // Nothing to confirm (already on, or no key shown yet): back to the page, on the record.
        await auditRefusal(
          req,
          'tweestapsverificatie.aangezet',
          'mislukt',
          person.totp_enabled_at ? 'staat al aan' : 'geen sleutel in afwachting',
        );
        return reply.redirect('/account/tweestapsverificatie', 303);
      }
      const now = platform.now();
      const outcome = await switchOn(
        db,
        box,
        { id: person.id, totp_pending_secret: pending },
        req.body.code.trim(),
        now,
        async (trx) => {
          // This session passed the second factor: a new token for it (step up).
          const s = await stepUpSession(trx, req, p.personId, p.sessionId, now);
          // Any other session was started with the password alone (perhaps by someone who knows
          // it); from now on every session must have passed the code, so they all end.
          const ended = await endOtherSessions(trx, p.personId, s.id);
          await audit(req, trx, {
            action: 'tweestapsverificatie.aangezet',
            objectType: 'person',
            objectId: p.personId,
            details: { andere_sessies_beeindigd: ended },
          });
          return s;
        },
      );
      if (!outcome.ok) {
        await auditRefusal(req, 'tweestapsverificatie.aangezet', 'mislukt', 'onjuiste code');
        const wrongCode: FormState = {
          values: {},
          errors: {
            code: 'Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en vul de nieuwe code uit de app in.',
          },
        };
        return renderSetup(req, reply, outcome.secret, person.email, wrongCode, 400);
      }
      setSessionCookie(platform, reply, outcome.result.token);
      return reply.page(<RecoveryCodesPage ctx={reply.ctx()} codes={outcome.codes} />);
    },
  );

  app.post(
    '/account/tweestapsverificatie/uitzetten',
    {
      config: {
        access: access.signedIn(),
        rateLimit: perPersonLimit(platform.config, 1 / 6),
        audit: 'tweestapsverificatie.uitgezet',
        examples: {
          body: { wachtwoord: 'x' },
          // 2FA on for the signed-in person, and their password known (a role that must keep
          // 2FA is refused: the roles without one succeed).
          bodyFor: async ({ db, personId }) => {
            if (!personId) return { wachtwoord: 'x' };
            await exampleSecondFactorOn(db, box, personId, platform.now());
            return { wachtwoord: await exampleKnownPassword(db, personId, platform.now()) };
          },
        },
      },
      schema: { body: form({ wachtwoord: text(1000) }) },
    },
    async (req, reply) => {
      const p = req.principal!;
      const person = await signedInPerson(db, req);
      if (!person.totp_enabled_at) {
        await auditRefusal(req, 'tweestapsverificatie.uitgezet', 'mislukt', 'staat niet aan');
        return reply.redirect('/account/tweestapsverificatie', 303);
      }
      if (await refusedWithoutSecondFactor(req, reply, 'tweestapsverificatie.uitgezet')) return reply;
      const recoveryLeft = await countUnusedRecoveryCodes(db, p.personId);
      if (hasMfaRole(p.memberships)) {
        await auditRefusal(req, 'tweestapsverificatie.uitgezet', 'geweigerd', 'verplicht voor rol');
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
      const switchedOff = await switchOff(db, person, req.body.wachtwoord, platform.now(), (trx) =>
        audit(req, trx, {
          action: 'tweestapsverificatie.uitgezet',
          objectType: 'person',
          objectId: p.personId,
        }),
      );
      if (!switchedOff) {
        await auditRefusal(req, 'tweestapsverificatie.uitgezet', 'mislukt', 'onjuist wachtwoord');
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
      return reply.redirect('/account', 303);
    },
  );

  app.post(
    '/account/herstelcodes',
    {
      config: {
        access: access.signedIn(),
        audit: 'tweestapsverificatie.herstelcodes-vernieuwd',
        examples: {
          // 2FA on for the signed-in person first.
          bodyFor: async ({ db, personId }) => {
            if (personId) await exampleSecondFactorOn(db, box, personId, platform.now());
            return {};
          },
        },
      },
      schema: { body: form({}) },
    },
    async (req, reply) => {
      const p = req.principal!;
      const person = await findPerson(db, p.personId);
      if (!person?.totp_enabled_at) {
        await auditRefusal(
          req,
          'tweestapsverificatie.herstelcodes-vernieuwd',
          'mislukt',
          'tweestapsverificatie staat niet aan',
        );
        return reply.redirect('/account/tweestapsverificatie', 303);
      }
      if (await refusedWithoutSecondFactor(req, reply, 'tweestapsverificatie.herstelcodes-vernieuwd'))
        return reply;
      const codes = await renewRecoveryCodes(db, p.personId, platform.now(), (trx) =>
        audit(req, trx, {
          action: 'tweestapsverificatie.herstelcodes-vernieuwd',
          objectType: 'person',
          objectId: p.personId,
        }),
      );
      return reply.page(<RecoveryCodesPage ctx={reply.ctx()} codes={codes} />);
    },
  );
}
