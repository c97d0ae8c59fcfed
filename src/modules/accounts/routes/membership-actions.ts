// Inviting someone by mail and ending a membership, shared by the school, board and beheerder
// people pages; plus the notices after a redirect and reading numeric path parameters.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { composeMail } from '../../../platform/mail/mailer.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { FormState } from '../../../ui/components.tsx';
import { findOrganisation } from '../repository/organisations.ts';
import { invitationValidityMs, invite, resendInvitation, withdrawInvitation } from '../services/invitations.ts';
import { removeMembership } from '../services/memberships.ts';
import { roleLabels } from '../services/roles.ts';
import { formOf, notFound, queryOf, validEmail } from './session.ts';
import { nameProblem, plainName } from '../services/names.ts';
import { createOnce } from '../../../platform/http/idempotency.ts';
import { parseId } from '../../../platform/input/strict.ts';

const removedNotice = 'De toegang is beëindigd.';
const invitedNotice = 'De uitnodiging is verstuurd.';
const withdrawnNotice = 'De uitnodiging is ingetrokken: de link werkt niet meer.';
const resentNotice =
  'De uitnodiging is opnieuw verstuurd, met een nieuwe link. De oude link werkt niet meer.';

/**
 * The invitation mail. Every name in it (invitee, inviter, organisation) is plain text that no
 * mail client turns into a link; the only link is the invitation's own.
 */
export function invitationMail(
  platform: Platform,
  v: {
    to: string;
    name: string;
    inviterName: string;
    role: Role;
    organisationName: string;
    token: string;
    now: Date;
  },
) {
  const role = roleLabels[v.role];
  const org = plainName(v.organisationName);
  return composeMail(v.to, `Uitnodiging voor NP Onderwijs: ${role} bij ${org}`, [
    `Beste ${plainName(v.name)},`,
    `${plainName(v.inviterName)} nodigt u uit voor het platform van het Nationaal Programma Onderwijs, als ${role.toLowerCase()} bij ${org}.`,
    'Neem de uitnodiging aan via deze link. U kiest daar zelf een wachtwoord:',
    `${platform.config.baseUrl}/uitnodiging?token=${v.token}`,
    `De link werkt tot ${formatDateTime(new Date(v.now.getTime() + invitationValidityMs))} en één keer. Kent u de afzender niet? Dan kunt u deze e-mail negeren.`,
  ]);
}

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
  organisationFor(role: Role, form: Record<string, string>): Promise<number | null> | number | null;
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
  spec: InviteSpec,
) {
  const f = formOf(req);
  const values = {
    naam: (f.naam ?? '').trim(),
    email: (f.email ?? '').trim(),
    rol: f.rol ?? '',
    organisatie: f.organisatie ?? '',
    bestuurscode: f.bestuurscode ?? '',
    _sleutel: f._sleutel ?? '',
  };
  const errors: Record<string, string> = {};
  const badName = nameProblem(values.naam);
  if (badName) errors.naam = badName;
  if (!validEmail(values.email)) errors.email = 'Vul een geldig e-mailadres in, zoals naam@school.nl.';
  const role = spec.roles.find((r) => r === values.rol);
  if (!role) errors.rol = 'Kies een rol uit de lijst.';
  const orgId = role ? await spec.organisationFor(role, f) : null;
  if (role && !orgId)
    errors[spec.orgField ?? 'organisatie'] =
      spec.orgField === 'bestuurscode'
        ? 'Vul het bestuursnummer in van een bestuur dat in het platform staat.'
        : 'Kies de organisatie waarvoor u iemand uitnodigt.';
  if (Object.keys(errors).length) {
    return spec.render({ values, errors }, 400);
  }
  const now = platform.now();
  const db = platform.database.db;
  const sent = `${spec.back}?gelukt=uitgenodigd`;
  let refused: Extract<Awaited<ReturnType<typeof invite>>, { ok: false }> | undefined;
  // A repeat of the same form (double click, two tabs) sends no second invitation.
  const outcome = await db.transaction().execute(async (trx) =>
    createOnce(trx, req, f, async () => {
      const r = await invite(trx, req.principal!, {
        email: values.email,
        name: values.naam,
        role: role!,
        organisationId: orgId!,
        now,
      });
      if (!r.ok) {
        refused = r;
        return null;
      }
      const org = await findOrganisation(trx, orgId!);
      await platform.mailer.send(
        invitationMail(platform, {
          to: values.email,
          name: values.naam,
          inviterName: req.principal!.name,
          role: role!,
          organisationName: org!.name,
          token: r.token,
          now,
        }),
        { trx },
      );
      await audit(req, trx, {
        action: 'uitnodiging.verstuurd',
        objectType: 'invitation',
        objectId: r.invitationId,
        organisationId: orgId,
        details: { rol: role! },
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
      details: { rol: role!, reden: result.field },
    });
    return spec.render(
      {
        values,
        errors: {
          [result.field === 'organisation'
            ? (spec.orgField ?? 'organisatie')
            : result.field === 'role'
              ? 'rol'
              : 'email']: result.message,
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
  scope: { orgIds: number[] },
  back: string,
  renderError: (message: string, status: number) => Promise<FastifyReply> | FastifyReply,
) {
  const db = platform.database.db;
  const id = idParam(req, 'invitationId');
  const now = platform.now();
  const action = what === 'intrekken' ? 'uitnodiging.ingetrokken' : 'uitnodiging.opnieuw-verstuurd';
  const r = await db.transaction().execute(async (trx) => {
    const res =
      what === 'intrekken'
        ? await withdrawInvitation(trx, req.principal!, id, scope, now)
        : await resendInvitation(trx, req.principal!, id, scope, now);
    if (!res.ok) return res;
    const inv = res.invitation;
    if (res.token)
      await platform.mailer.send(
        invitationMail(platform, {
          to: inv.email,
          name: inv.name,
          inviterName: req.principal!.name,
          role: inv.role,
          organisationName: inv.organisationName,
          token: res.token,
          now,
        }),
        { trx },
      );
    await audit(req, trx, {
      action,
      objectType: 'invitation',
      objectId: id,
      organisationId: inv.organisationId,
      details: { rol: inv.role },
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

export const noticeOf = (req: FastifyRequest) => {
  const g = queryOf(req).gelukt;
  return g === 'uitgenodigd'
    ? invitedNotice
    : g === 'verwijderd'
      ? removedNotice
      : g === 'ingetrokken'
        ? withdrawnNotice
        : g === 'opnieuw'
          ? resentNotice
          : undefined;
};

export const idParam = (req: FastifyRequest, name: string) => {
  const n = parseId((req.params as Record<string, string>)[name]);
  if (n === null) throw notFound();
  return n;
};
