// The HTTP side of inviting someone and ending a membership, shared by the school, board and
// beheerder people pages: the form fields, the audit rows, the re-rendered page or redirect.
// The actions themselves are in services/invitation-commands.ts and services/memberships.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { form, text } from '../../../platform/http/schemas.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import type { FormState } from '../../../ui/components.tsx';
import {
  checkInviteForm,
  inviteAndMail,
  withdrawOrResend,
  type InviteFormValues,
} from '../services/invitation-commands.ts';
import { removeMembership } from '../services/memberships.ts';

const removedNotice = 'De toegang is beëindigd.';
const invitedNotice = 'De uitnodiging is verstuurd.';
const withdrawnNotice = 'De uitnodiging is ingetrokken: de link werkt niet meer.';
const resentNotice =
  'De uitnodiging is opnieuw verstuurd, met een nieuwe link. De oude link werkt niet meer.';

/** The invite form of the people pages (the role and organisation are checked by the service). */
export const inviteForm = form({
  naam: text(1000),
  email: text(1000),
  rol: text(40),
  organisatie: text(40),
  bestuurscode: text(100),
});

/** The audit actions of the invite, remove and invitation routes. */
export const inviteAudit = 'uitnodiging.verstuurd';
export const removeAudit = ['lidmaatschap.beeindigd', 'uitnodiging.ingetrokken'];
export const invitationAudit = {
  intrekken: 'uitnodiging.ingetrokken',
  opnieuw: 'uitnodiging.opnieuw-verstuurd',
} as const;

/** One audit row per invitation withdrawn because its inviter's membership ended. */
export async function auditWithdrawnInvitations(
  req: FastifyRequest,
  trx: Kysely<DB>,
  ids: number[],
  organisationId: number,
) {
  for (const id of ids)
    await audit(req, trx, {
      action: 'uitnodiging.ingetrokken',
      objectType: 'invitation',
      objectId: id,
      organisationId,
      details: { reden: 'lidmaatschap van de uitnodiger beëindigd' },
    });
}

export interface InviteSpec {
  roles: Role[];
  /** Which organisation the invitation is for, from the form (null: not allowed here). */
  organisationFor(role: Role, form: InviteFormValues): Promise<number | null> | number | null;
  /** Re-renders the page with the form and its errors. */
  render(form: FormState, status: number): Promise<FastifyReply> | FastifyReply;
  back: string;
  /** The form field that names the organisation (for the error message). */
  orgField?: string;
}

export async function handleInvite(
  platform: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  body: InviteFormValues & { _sleutel?: string },
  spec: InviteSpec,
) {
  const values = {
    naam: body.naam.trim(),
    email: body.email.trim(),
    rol: body.rol,
    organisatie: body.organisatie,
    bestuurscode: body.bestuurscode,
    _sleutel: body._sleutel ?? '',
  };
  const orgField = spec.orgField ?? 'organisatie';
  const checked = await checkInviteForm(
    values,
    spec.roles,
    (role) => spec.organisationFor(role, body),
    orgField,
  );
  if (!checked.ok) return spec.render({ values, errors: checked.errors }, 400);
  const { role, organisationId: orgId } = checked;
  const now = platform.now();
  const db = platform.database.db;
  const mail = { mailer: platform.mailer, baseUrl: platform.config.baseUrl };
  const sent = `${spec.back}?gelukt=uitgenodigd`;
  let refused: Extract<Awaited<ReturnType<typeof inviteAndMail>>, { ok: false }> | undefined;
  // A repeat of the same form (double click, two tabs) sends no second invitation.
  const outcome = await db.transaction().execute(async (trx) =>
    createOnce(trx, req, values, async () => {
      const r = await inviteAndMail(trx, mail, req.principal!, {
        email: values.email,
        name: values.naam,
        role,
        organisationId: orgId,
        now,
      });
      if (!r.ok) {
        refused = r;
        return null;
      }
      await audit(req, trx, {
        action: 'uitnodiging.verstuurd',
        objectType: 'invitation',
        objectId: r.invitationId,
        organisationId: orgId,
        details: { rol: role },
      });
      return sent;
    }),
  );
  const result = refused;
  if (result) {
    await audit(req, db, {
      action: 'uitnodiging.verstuurd',
      result: 'geweigerd',
      organisationId: orgId,
      details: { rol: role, reden: result.field },
    });
    return spec.render(
      {
        values,
        errors: {
          [result.field === 'organisation' ? orgField : result.field === 'role' ? 'rol' : 'email']:
            result.message,
        },
      },
      result.field === 'limit' ? 429 : 422,
    );
  }
  return reply.redirect(outcome.location ?? sent, 303);
}

export async function handleRemove(
  platform: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  membershipId: number,
  scope: { orgIds: number[] } | null,
  back: string,
  renderError: (message: string) => Promise<FastifyReply> | FastifyReply,
) {
  const db = platform.database.db;
  const r = await db.transaction().execute(async (trx) => {
    const res = await removeMembership(trx, req.principal!, membershipId, scope, platform.now());
    if (res.ok) {
      await audit(req, trx, {
        action: 'lidmaatschap.beeindigd',
        objectType: 'membership',
        objectId: membershipId,
        organisationId: res.membership.organisationId,
        details: { rol: res.membership.role, persoon: res.membership.personId },
      });
      await auditWithdrawnInvitations(req, trx, res.withdrawnInvitations, res.membership.organisationId);
    }
    return res;
  });
  if (r.ok) return reply.redirect(`${back}?gelukt=verwijderd`, 303);
  if (r.reason === 'not-found') throw notFound();
  await audit(req, db, {
    action: 'lidmaatschap.beeindigd',
    result: 'geweigerd',
    objectType: 'membership',
    objectId: membershipId,
    details: { reden: r.reason },
  });
  return renderError(r.message);
}

/** Withdraws ('intrekken') or resends ('opnieuw') an open invitation shown on a people page. */
export async function handleInvitationAction(
  platform: Platform,
  req: FastifyRequest,
  reply: FastifyReply,
  what: 'intrekken' | 'opnieuw',
  id: number,
  scope: { orgIds: number[] },
  back: string,
  renderError: (message: string, status: number) => Promise<FastifyReply> | FastifyReply,
) {
  const db = platform.database.db;
  const now = platform.now();
  const mail = { mailer: platform.mailer, baseUrl: platform.config.baseUrl };
  const action = invitationAudit[what];
  const r = await db.transaction().execute(async (trx) => {
    const res = await withdrawOrResend(trx, mail, req.principal!, what, id, scope, now);
    if (!res.ok) return res;
    await audit(req, trx, {
      action,
      objectType: 'invitation',
      objectId: id,
      organisationId: res.invitation.organisationId,
      details: { rol: res.invitation.role },
    });
    return res;
  });
  if (r.ok) return reply.redirect(`${back}?gelukt=${what === 'intrekken' ? 'ingetrokken' : 'opnieuw'}`, 303);
  if (r.reason === 'not-found') throw notFound();
  await audit(req, db, {
    action,
    result: 'geweigerd',
    objectType: 'invitation',
    objectId: id,
    details: { reden: r.reason },
  });
  return renderError(r.message, r.reason === 'limit' ? 429 : 422);
}

/** The notice after a redirect back to a people page (?gelukt=…). */
export const noticeOf = (gelukt: string | undefined) =>
  gelukt === 'uitgenodigd'
    ? invitedNotice
    : gelukt === 'verwijderd'
      ? removedNotice
      : gelukt === 'ingetrokken'
        ? withdrawnNotice
        : gelukt === 'opnieuw'
          ? resentNotice
          : undefined;
