// The beheerder's users: search people, invite ministry staff and board users, block or unblock
// an account, end any membership.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { App, Platform } from '../../../platform/platform.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Role } from '../../../platform/db/tables.ts';
import { access } from '../../../platform/auth/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { platformRoles } from '../../../platform/auth/principal.ts';
import { notFound } from '../../../platform/http/not-found.ts';
import { choice, form, id, params, query, text } from '../../../platform/http/schemas.ts';
import { TextField, emptyForm, type FormState } from '../../../ui/components.tsx';
import { findMembership, membershipsOfPerson } from '../repository/memberships.ts';
import { findOrganisationByCode, ministry } from '../repository/organisations.ts';
import { openInvitations } from '../repository/invitations.ts';
import { findPerson, searchPeople } from '../repository/people.ts';
import { setBlocked } from '../services/accounts.ts';
import { InviteForm, PeoplePage } from '../views/people.tsx';
import { UserPage, UserSearch } from '../views/platform-users.tsx';
import { BlockAccountConfirm, RemoveMembershipConfirm } from '../views/confirm.tsx';
import {
  handleInvite,
  handleRemove,
  inviteAudit,
  inviteForm,
  noticeOf,
  removeAudit,
} from './membership-actions.ts';
import { noticeKey } from './page-access.ts';
import { exampleMembership } from './route-examples.ts';

export function registerPlatformUserRoutes(app: App, platform: Platform) {
  const db = platform.database.db;

  const adminRoles: Role[] = [...platformRoles, 'bestuur'];
  const beheer = access.platform('beheerder');

  const renderUsers = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { q?: string; notice?: string; form?: FormState; status?: number } = {},
  ) => {
    const q = opts.q ?? '';
    const people = await searchPeople(db, q);
    const min = await ministry(db);
    const invitations = min ? await openInvitations(db, [min.id], platform.now()) : [];
    const ctx = reply.ctx();
    return reply.page(
      <PeoplePage
        ctx={ctx}
        title="Gebruikers"
        crumbs={[{ href: '/overzicht', label: 'Mijn overzicht' }, { label: 'Gebruikers' }]}
        intro="Zoek een gebruiker op naam of e-mailadres. De beheerder nodigt medewerkers van het ministerie en bestuurders van schoolbesturen uit."
        notice={opts.notice}
        members={<UserSearch q={q} people={people} />}
        invitations={invitations}
        invite={
          <InviteForm
            ctx={ctx}
            action="/beheer/gebruikers/uitnodigen"
            form={opts.form ?? { values: { rol: 'helpdesk' }, errors: {} }}
            roles={adminRoles}
            extra={
              <TextField
                name="bestuurscode"
                label="Bestuursnummer (alleen bij de rol Bestuur)"
                description="Het nummer van het bevoegd gezag bij DUO, bijvoorbeeld 41234."
                form={opts.form ?? emptyForm}
                maxLength={20}
              />
            }
          />
        }
      />,
      opts.status,
    );
  };

  app.get(
    '/beheer/gebruikers',
    {
      config: { access: beheer, page: true, examples: { query: '?q=test' } },
      schema: {
        querystring: query({
          // A search term is cut to 100 characters rather than refused.
          q: text(1000).transform((q) => q.slice(0, 100)),
          gelukt: noticeKey,
        }),
      },
    },
    async (req, reply) => renderUsers(req, reply, { q: req.query.q, notice: noticeOf(req.query.gelukt) }),
  );

  app.post(
    '/beheer/gebruikers/uitnodigen',
    {
      config: {
        access: beheer,
        audit: inviteAudit,
        examples: {
          body: { naam: 'Nieuwe Helpdesk', email: 'nieuw-helpdesk@voorbeeld.nl', rol: 'helpdesk' },
        },
      },
      schema: { body: inviteForm },
    },
    async (req, reply) =>
      handleInvite(platform, req, reply, req.body, {
        roles: adminRoles,
        async organisationFor(role, f) {
          if (role !== 'bestuur') return (await ministry(db))?.id ?? null;
          const board = await findOrganisationByCode(db, 'bestuur', f.bestuurscode);
          return board?.id ?? null;
        },
        render: (form, status) => renderUsers(req, reply, { form, status }),
        back: '/beheer/gebruikers',
        orgField: 'bestuurscode',
      }),
  );

  const personExample = {
    params: async ({ schoolId, db: d }: { schoolId: number; db: Kysely<DB> }) => ({
      personId: (await exampleMembership(d, schoolId, 'teamlid')).personId,
    }),
  };
  const personParams = params({ personId: id });

  const renderUser = async (
    req: FastifyRequest,
    reply: FastifyReply,
    personId: number,
    opts: { error?: string; status?: number; notice?: string } = {},
  ) => {
    const person = await findPerson(db, personId);
    if (!person) throw notFound();
    const memberships = await membershipsOfPerson(db, person.id);
    return reply.page(
      <UserPage
        ctx={reply.ctx()}
        person={person}
        memberships={memberships}
        self={person.id === req.principal!.personId}
        error={opts.error}
        notice={opts.notice}
      />,
      opts.status,
    );
  };

  app.get(
    '/beheer/gebruikers/:personId',
    {
      config: { access: beheer, page: true, examples: personExample },
      schema: { params: personParams, querystring: query({ gelukt: noticeKey }) },
    },
    async (req, reply) => renderUser(req, reply, req.params.personId, { notice: noticeOf(req.query.gelukt) }),
  );

  // Blocking asks first: this page says what happens and posts actie=blokkeren to …/status.
  app.get(
    '/beheer/gebruikers/:personId/blokkeren',
    {
      config: { access: beheer, page: true, examples: personExample },
      schema: { params: personParams },
    },
    async (req, reply) => {
      const { personId } = req.params;
      const person = await findPerson(db, personId);
      // One's own account is not offered for blocking (the POST refuses it too).
      if (!person || personId === req.principal!.personId) throw notFound();
      if (person.disabled_at) return reply.redirect(`/beheer/gebruikers/${personId}`, 303);
      return reply.page(<BlockAccountConfirm ctx={reply.ctx()} person={person} />);
    },
  );

  app.get(
    '/beheer/lidmaatschappen/:membershipId/verwijderen',
    {
      config: {
        access: beheer,
        page: true,
        examples: {
          params: async ({ schoolId, db: d }) => ({
            membershipId: (await exampleMembership(d, schoolId, 'teamlid')).membershipId,
          }),
        },
      },
      schema: { params: params({ membershipId: id }) },
    },
    async (req, reply) => {
      const m = await findMembership(db, req.params.membershipId);
      if (!m) throw notFound();
      const back = `/beheer/gebruikers/${m.personId}`;
      return reply.page(
        <RemoveMembershipConfirm
          ctx={reply.ctx()}
          m={m}
          action={`/beheer/lidmaatschappen/${m.id}/verwijderen`}
          back={{ href: back, label: m.personName }}
          crumbs={[
            { href: '/beheer/gebruikers', label: 'Gebruikers' },
            { href: back, label: m.personName },
          ]}
        />,
      );
    },
  );

  app.post(
    '/beheer/gebruikers/:personId/status',
    {
      config: {
        access: beheer,
        audit: ['account.geblokkeerd', 'account.gedeblokkeerd', 'account.blokkeren'],
        examples: { ...personExample, body: { actie: 'blokkeren' } },
      },
      schema: { params: personParams, body: form({ actie: choice(['blokkeren', 'deblokkeren']) }) },
    },
    async (req, reply) => {
      const { personId } = req.params;
      const person = await findPerson(db, personId);
      if (!person) throw notFound();
      const block = req.body.actie === 'blokkeren';
      if (personId === req.principal!.personId) {
        await audit(req, db, {
          action: 'account.blokkeren',
          result: 'geweigerd',
          objectType: 'person',
          objectId: personId,
          details: { reden: 'eigen account' },
        });
        return renderUser(req, reply, personId, {
          error: 'U kunt uw eigen account niet blokkeren.',
          status: 422,
        });
      }
      await db.transaction().execute(async (trx) => {
        const ended = await setBlocked(trx, personId, block, platform.now());
        await audit(req, trx, {
          action: block ? 'account.geblokkeerd' : 'account.gedeblokkeerd',
          objectType: 'person',
          objectId: personId,
          details: { sessies_beeindigd: ended },
        });
      });
      return reply.redirect(`/beheer/gebruikers/${personId}`, 303);
    },
  );

  app.post(
    '/beheer/lidmaatschappen/:membershipId/verwijderen',
    {
      config: {
        access: beheer,
        audit: removeAudit,
        examples: {
          params: async ({ schoolId, db: d }) => ({
            membershipId: (await exampleMembership(d, schoolId, 'teamlid')).membershipId,
          }),
          body: {},
        },
      },
      schema: { params: params({ membershipId: id }), body: form({}) },
    },
    async (req, reply) => {
      const { membershipId } = req.params;
      const m = await findMembership(db, membershipId);
      if (!m) throw notFound();
      return handleRemove(
        platform,
        req,
        reply,
        membershipId,
        null,
        `/beheer/gebruikers/${m.personId}`,
        (message) => renderUser(req, reply, m.personId, { error: message, status: 422 }),
      );
    },
  );
}
