// The invitation actions of the people pages (school team, board, beheerder), each one
// business action over several tables plus its mail: checking the invite form, inviting,
// withdrawing and resending. No HTTP here; the caller audits in the same transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { findOrganisation } from '../repository/organisations.ts';
import { invite, resendInvitation, withdrawInvitation, type InvitationActionResult } from './invitations.ts';
import { invitationMail } from './invitation-mail.ts';
import { nameProblem, validEmail } from './names.ts';

type Db = Kysely<DB>;

/** What the invite forms send (the organisation field is the page's own choice). */
export interface InviteFormValues {
  naam: string;
  email: string;
  rol: string;
  organisatie: string;
  bestuurscode: string;
}

/** Where mails go from and who sends them. */
export interface MailContext {
  mailer: Mailer;
  baseUrl: string;
}

/**
 * Checks an invite form: a name, an address, a role offered on this page and (for that role)
 * an organisation the page allows. Errors by form field; `orgField` names the organisation field.
 */
export async function checkInviteForm(
  values: InviteFormValues,
  roles: Role[],
  organisationFor: (role: Role) => Promise<number | null> | number | null,
  orgField: string,
): Promise<{ ok: true; role: Role; organisationId: number } | { ok: false; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const badName = nameProblem(values.naam);
  if (badName) errors.naam = badName;
  if (!validEmail(values.email)) errors.email = 'Vul een geldig e-mailadres in, zoals naam@school.nl.';
  const role = roles.find((r) => r === values.rol);
  if (!role) errors.rol = 'Kies een rol uit de lijst.';
  const organisationId = role ? await organisationFor(role) : null;
  if (role && !organisationId)
    errors[orgField] =
      orgField === 'bestuurscode'
        ? 'Vul het bestuursnummer in van een bestuur dat in het platform staat.'
        : 'Kies de organisatie waarvoor u iemand uitnodigt.';
  if (!role || !organisationId || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, role, organisationId };
}

/** Invites someone and queues the invitation mail (in the transaction). */
export async function inviteAndMail(
  trx: Db,
  mail: MailContext,
  principal: Principal,
  input: { email: string; name: string; role: Role; organisationId: number; now: Date },
) {
  const r = await invite(trx, principal, input);
  if (!r.ok) return r;
  const org = await findOrganisation(trx, input.organisationId);
  await mail.mailer.send(
    invitationMail(mail.baseUrl, {
      to: input.email,
      name: input.name,
      inviterName: principal.name,
      role: input.role,
      organisationName: org!.name,
      token: r.token,
      now: input.now,
    }),
    { trx },
  );
  return r;
}

/**
 * Withdraws ('intrekken') or resends ('opnieuw') an open invitation within the page's
 * organisations; a resent invitation gets a new link by mail.
 */
export async function withdrawOrResend(
  trx: Db,
  mail: MailContext,
  principal: Principal,
  what: 'intrekken' | 'opnieuw',
  invitationId: number,
  scope: { orgIds: number[] },
  now: Date,
): Promise<InvitationActionResult> {
  const res =
    what === 'intrekken'
      ? await withdrawInvitation(trx, principal, invitationId, scope, now)
      : await resendInvitation(trx, principal, invitationId, scope, now);
  if (!res.ok || !res.token) return res;
  const inv = res.invitation;
  await mail.mailer.send(
    invitationMail(mail.baseUrl, {
      to: inv.email,
      name: inv.name,
      inviterName: principal.name,
      role: inv.role,
      organisationName: inv.organisationName,
      token: res.token,
      now,
    }),
    { trx },
  );
  return res;
}
